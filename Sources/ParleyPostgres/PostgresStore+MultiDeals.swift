import Foundation
import NIOCore
public import ParleyLedger
import ParleyProtocol
import PostgresNIO

extension PostgresStore {
    /// The columns of `multi_deals`, in the order they are read.
    private static let multiDealColumns = "number, summary, sessions, final_hash, signature, public_key, tournament, idx, repetition"

    /// Stores multi-deal negotiations in one transaction: each one's edge sessions, then its own row and chain.
    @discardableResult
    public func save(_ multiDeals: [ChainedMultiDeal], signer: SigningKey?) throws(StoreError) -> [StoredMultiDeal] {
        let logger = self.logger
        return try transaction { connection in
            try Self.run("LOCK TABLE multi_deals IN SHARE ROW EXCLUSIVE MODE", on: connection, logger: logger)
            var number = try Self.run("SELECT coalesce(max(number), 0) FROM multi_deals", on: connection, logger: logger).first?.decode(Int.self) ?? 0
            let codec = WireCodec()
            return try multiDeals.map { multiDeal in
                let parts = multiDeal.sessions.indices.map(multiDeal.part(edge:))
                let sessions = try Self.insert(multiDeal.sessions, entries: nil, parts: parts, signer: signer, on: connection, logger: logger).map(\.number)
                number += 1
                let stored = try StoredMultiDeal(number: number, multiDeal: multiDeal, sessions: sessions, signer: signer)
                var bindings = PostgresBindings(capacity: 15)
                bindings.append(number)
                bindings.append(stored.summary.multiDealID)
                bindings.append(stored.summary.scenarioID)
                bindings.append(stored.summary.centre)
                bindings.append(stored.summary.startedAt)
                bindings.append(String(decoding: try codec.encode(stored.summary), as: UTF8.self))
                bindings.append(String(decoding: try codec.encode(sessions), as: UTF8.self))
                bindings.append(String(decoding: multiDeal.chain.records, as: UTF8.self))
                bindings.append(ByteBuffer(bytes: multiDeal.chain.hashes))
                bindings.append(stored.finalHash)
                bindings.append(stored.signature)
                bindings.append(stored.publicKey)
                bindings.append(stored.position?.tournament)
                bindings.append(stored.position?.index)
                bindings.append(stored.position?.repetition)
                do {
                    try Self.run(
                        PostgresQuery(
                            unsafeSQL: """
                                INSERT INTO multi_deals (number, multi_deal_id, scenario_id, centre, started_at, summary, sessions, records, hashes, final_hash,
                                    signature, public_key, tournament, idx, repetition) VALUES \(Self.placeholders(rows: 1, columns: 15))
                                """,
                            binds: bindings
                        ),
                        on: connection, logger: logger
                    )
                } catch where StoreError.isUniqueViolation(error) {
                    throw StoreError.positionTaken(tournament: stored.position?.tournament ?? "", index: stored.position?.index)
                }
                return stored
            }
        }
    }

    /// Up to `limit` multi-deal negotiations numbered above `number`, oldest first.
    public func multiDeals(after number: Int, limit: Int) throws(StoreError) -> [StoredMultiDeal] {
        try storedMultiDeals("SELECT \(unescaped: Self.multiDealColumns) FROM multi_deals WHERE number > \(number) ORDER BY number LIMIT \(max(0, limit))")
    }

    /// A multi-deal negotiation by its number or id.
    public func multiDeal(_ reference: String) throws(StoreError) -> StoredMultiDeal {
        let found = if let number = Int(reference) {
            try storedMultiDeals("SELECT \(unescaped: Self.multiDealColumns) FROM multi_deals WHERE number = \(number)")
        } else {
            try storedMultiDeals("SELECT \(unescaped: Self.multiDealColumns) FROM multi_deals WHERE multi_deal_id = \(reference) ORDER BY number DESC LIMIT 1")
        }
        guard let first = found.first else { throw StoreError(.notFound, "no multi-deal negotiation '\(reference)' in \(location)") }
        return first
    }

    /// A multi-deal negotiation's own chain as stored.
    public func chain(of multiDeal: StoredMultiDeal) throws(StoreError) -> PackedChain {
        try packedChain("SELECT records, hashes FROM multi_deals WHERE number = \(multiDeal.number)")
    }

    /// Rows of `multi_deals` read back; a summary or session list that cannot be read is an unreadable record.
    private func storedMultiDeals(_ query: PostgresQuery) throws(StoreError) -> [StoredMultiDeal] {
        typealias Columns = (Int, String, String, String, String?, String?, String?, Int?, Int?)
        let rows = try self.query(query) { rows in try rows.map { try $0.decode(Columns.self) } }
        let codec = WireCodec()
        return try rows.map { row throws(StoreError) in
            let (number, summary, sessions, finalHash, signature, publicKey, tournament, index, repetition) = row
            do {
                return StoredMultiDeal(
                    number: number, summary: try codec.decode(MultiDealSummary.self, from: Data(summary.utf8)),
                    sessions: try codec.decode([Int].self, from: Data(sessions.utf8)), finalHash: finalHash, signature: signature, publicKey: publicKey,
                    position: tournament.map { MultiDealPosition(tournament: $0, index: index ?? -1, repetition: repetition ?? 0) }
                )
            } catch {
                throw StoreError(.unreadableRecord, "multi-deal \(number) has a row that cannot be read: \(error)")
            }
        }
    }
}

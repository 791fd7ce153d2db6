import Foundation
import GRDB
public import ParleyLedger
import ParleyProtocol

extension SQLiteStore {
    /// Stores multi-deal negotiations in one transaction: each one's edge sessions, then its own row and chain.
    @discardableResult
    public func save(_ multiDeals: [ChainedMultiDeal], signer: SigningKey?) throws(StoreError) -> [StoredMultiDeal] {
        do {
            return try database.write { db in
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO multi_deals (multi_deal_id, scenario_id, centre, started_at, summary, sessions, records, hashes, final_hash,
                        signature, public_key, tournament, idx, repetition)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                return try multiDeals.map { multiDeal in
                    let parts = multiDeal.sessions.indices.map(multiDeal.part(edge:))
                    let sessions = try Self.insert(multiDeal.sessions, parts: parts, signer: signer, into: db).map(\.number)
                    var stored = try StoredMultiDeal(number: 0, multiDeal: multiDeal, sessions: sessions, signer: signer)
                    let codec = WireCodec()
                    let summary = String(decoding: try codec.encode(stored.summary), as: UTF8.self)
                    let numbers = String(decoding: try codec.encode(sessions), as: UTF8.self)
                    try insert.execute(arguments: [
                        stored.summary.multiDealID, stored.summary.scenarioID, stored.summary.centre, stored.summary.startedAt, summary, numbers,
                        String(decoding: multiDeal.chain.records, as: UTF8.self), Data(multiDeal.chain.hashes), stored.finalHash, stored.signature,
                        stored.publicKey, stored.position?.tournament, stored.position?.index, stored.position?.repetition,
                    ])
                    stored.number = Int(db.lastInsertedRowID)
                    return stored
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && error.message?.contains("multi_deals") == true {
            throw StoreError.positionTaken(tournament: multiDeals.first?.position?.tournament ?? "", index: nil)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Up to `limit` multi-deal negotiations numbered above `number`, oldest first.
    public func multiDeals(after number: Int, limit: Int) throws(StoreError) -> [StoredMultiDeal] {
        try perform {
            try database.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM multi_deals WHERE number > ? ORDER BY number LIMIT ?", arguments: [number, limit]).map(Self.multiDeal(from:))
            }
        }
    }

    /// A multi-deal negotiation by its number or id.
    public func multiDeal(_ reference: String) throws(StoreError) -> StoredMultiDeal {
        let found = try perform {
            try database.read { db in
                let row = if let number = Int(reference) {
                    try Row.fetchOne(db, sql: "SELECT * FROM multi_deals WHERE number = ?", arguments: [number])
                } else {
                    try Row.fetchOne(db, sql: "SELECT * FROM multi_deals WHERE multi_deal_id = ? ORDER BY number DESC LIMIT 1", arguments: [reference])
                }
                return try row.map(Self.multiDeal(from:))
            }
        }
        guard let found else { throw StoreError(.notFound, "no multi-deal negotiation '\(reference)' in \(path)") }
        return found
    }

    /// A multi-deal negotiation's own chain as stored.
    public func chain(of multiDeal: StoredMultiDeal) throws(StoreError) -> PackedChain {
        let row = try perform {
            try database.read { db in try Row.fetchOne(db, sql: "SELECT records, hashes FROM multi_deals WHERE number = ?", arguments: [multiDeal.number]) }
        }
        return row.map(Self.packedChain(from:)) ?? PackedChain()
    }

    /// A row read back; a summary or session list that cannot be read is reported as an unreadable record.
    private static func multiDeal(from row: Row) throws -> StoredMultiDeal {
        let number: Int = row["number"]
        let codec = WireCodec()
        do {
            let summary = try codec.decode(MultiDealSummary.self, from: Data((row["summary"] as String).utf8))
            let sessions = try codec.decode([Int].self, from: Data((row["sessions"] as String).utf8))
            let tournament: String? = row["tournament"]
            let position = tournament.map { MultiDealPosition(tournament: $0, index: row["idx"] ?? -1, repetition: row["repetition"] ?? 0) }
            return StoredMultiDeal(
                number: number, summary: summary, sessions: sessions, finalHash: row["final_hash"], signature: row["signature"], publicKey: row["public_key"],
                position: position
            )
        } catch {
            throw StoreError(.unreadableRecord, "multi-deal \(number) has a row that cannot be read: \(error)")
        }
    }
}

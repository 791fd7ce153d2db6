public import Foundation
public import ParleyLedger
public import ParleyProtocol
public import ParleyRecords

extension TranscriptExport {
    /// One multi-deal negotiation in the `json` format.
    public struct ExportedMultiDeal: Sendable, Hashable, Encodable {
        /// Its number among the store's multi-deal negotiations.
        public var number: Int
        /// The hash that closes its own chain.
        public var finalHash: String
        /// The signature of the final hash, when signed.
        public var signature: String?
        /// The stored sessions of its edges, in edge order.
        public var sessions: [Int]
        /// The whole negotiation: scenario, centre, every edge session, the settlement.
        public var record: MultiDealRecord
    }

    /// One chained record of a multi-deal negotiation in the `jsonl` format: its own chain's two records
    /// (`session` absent), then each edge session's records.
    public struct ExportedMultiDealRecord: Sendable, Hashable, Encodable {
        /// The negotiation's number.
        public var multiDeal: Int
        /// The edge session's number, for an edge session's record.
        public var session: Int?
        /// The record's canonical JSON, as a value (it is written back byte for byte).
        public var body: JSONValue
        /// The record's hash.
        public var hash: String
        /// Its position in its chain.
        public var index: Int
        /// `header`, `event` or `settlement`.
        public var kind: String
    }

    /// Writes multi-deal negotiations as `json` (one document, `{"protocol": "parley/1", "multiDeals": […]}`) or
    /// `jsonl` (one line per chained record, so every chain can be recomputed from the export); the other formats
    /// describe single sessions and throw.
    public func write(_ multiDeals: [StoredMultiDeal], as format: Format, to write: (Data) throws -> Void) throws {
        let codec = WireCodec()
        switch format {
        case .json:
            try write(Data(#"{"protocol":"parley/1","multiDeals":["#.utf8))
            for (position, stored) in multiDeals.enumerated() {
                let exported = ExportedMultiDeal(
                    number: stored.number, finalHash: stored.finalHash, signature: stored.signature, sessions: stored.sessions, record: try store.record(of: stored)
                )
                try write((position > 0 ? Data(",".utf8) : Data()) + (try codec.encode(exported)))
            }
            try write(Data("]}\n".utf8))
        case .jsonl:
            for stored in multiDeals {
                var lines = Data()
                func add(_ links: [ChainLink], session: Int?) throws {
                    for link in links {
                        let record = ExportedMultiDealRecord(
                            multiDeal: stored.number, session: session, body: try codec.decode(JSONValue.self, from: Data(link.body.utf8)), hash: link.hash,
                            index: link.index, kind: link.kind.rawValue
                        )
                        lines += try CanonicalJSON.encode(record) + Data("\n".utf8)
                    }
                }
                try add(try store.chain(of: stored).links, session: nil)
                for number in stored.sessions { try add(try store.links(of: store.session(String(number))), session: number) }
                try write(lines)
            }
        case .csv, .agreement:
            throw StoreError(.notFound, "a multi-deal negotiation is exported as json or jsonl; export its agreements with `--format agreement` on its sessions")
        }
    }
}

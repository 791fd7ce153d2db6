public import Foundation
public import ParleyLedger
public import ParleyProtocol
public import ParleyRecords

/// Stored sessions written out for other tools (`parley transcripts export`), streamed one session at a time so an
/// export of any size fits in memory.
///
/// - `json`: `{"protocol": "parley/1", "sessions": [{"number", "finalHash", "transcript", "settlement", "profiles"}]}`.
/// - `jsonl`: one line per chained record, `{"body", "hash", "index", "kind", "session", "sessionID"}` in canonical
///   JSON, where `body` is the record's canonical JSON verbatim, so the hash chain can be recomputed from the export.
/// - `csv`: one row per session: its summary, final hash and signer.
/// - `agreement`: one ``AgreementRecord`` per line, for each session that ended in agreement (others are left out).
public struct TranscriptExport: Sendable {
    /// The formats.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// One JSON document.
        case json
        /// One line per chained record.
        case jsonl
        /// One row per session.
        case csv
        /// One agreement record per line, for the sessions that ended in agreement.
        case agreement
    }

    /// One session in the `json` format.
    public struct ExportedSession: Sendable, Hashable, Codable {
        /// The session's number in the store.
        public var number: Int
        /// The hash that closes its chain.
        public var finalHash: String
        /// The transcript.
        public var transcript: Transcript
        /// The settlement.
        public var settlement: Settlement
        /// The profiles the session was judged with, by side.
        public var profiles: [String: Profile]
    }

    /// One chained record in the `jsonl` format.
    public struct ExportedRecord: Sendable, Hashable, Encodable {
        /// The record's canonical JSON, as a value (it is written back byte for byte).
        public var body: JSONValue
        /// The record's hash.
        public var hash: String
        /// Its position in the chain.
        public var index: Int
        /// `header`, `event` or `settlement`.
        public var kind: String
        /// The session's number in the store.
        public var session: Int
        /// The session's id.
        public var sessionID: SessionID
    }

    /// The header of the `csv` format.
    public static var csvColumns: [String] {
        ["number", "session_id", "scenario", "buyer", "seller", "seed", "started_at", "outcome", "caused_by", "turns", "final_hash", "public_key"]
    }

    /// The store read.
    public let store: any TranscriptStore

    /// An export from a store.
    public init(store: any TranscriptStore) {
        self.store = store
    }

    /// Writes `sessions` in `format`, handing the bytes to `write` a piece at a time.
    public func write(_ sessions: [StoredSession], as format: Format, to write: (Data) throws -> Void) throws {
        switch format {
        case .json:
            try write(Data(#"{"protocol":"parley/1","sessions":["#.utf8))
            let codec = WireCodec()
            for (position, stored) in sessions.enumerated() {
                let (record, profiles) = try store.record(of: stored)
                let exported = ExportedSession(
                    number: stored.number, finalHash: stored.finalHash, transcript: record.transcript, settlement: record.settlement,
                    profiles: Dictionary(uniqueKeysWithValues: profiles.map { ($0.key.rawValue, $0.value) })
                )
                try write((position > 0 ? Data(",".utf8) : Data()) + (try codec.encode(exported)))
            }
            try write(Data("]}\n".utf8))
        case .jsonl:
            let codec = WireCodec()
            for stored in sessions {
                var lines = Data()
                for link in try store.links(of: stored) {
                    let record = ExportedRecord(
                        body: try codec.decode(JSONValue.self, from: Data(link.body.utf8)), hash: link.hash, index: link.index, kind: link.kind.rawValue,
                        session: stored.number, sessionID: stored.sessionID
                    )
                    lines += try CanonicalJSON.encode(record) + Data("\n".utf8)
                }
                try write(lines)
            }
        case .agreement:
            let codec = WireCodec()
            for stored in sessions where stored.outcome == .agreement {
                guard let agreement = AgreementRecord(stored: stored, record: try store.record(of: stored).record) else { continue }
                try write(try codec.encode(agreement) + Data("\n".utf8))
            }
        case .csv:
            try write(Data(CSV.line(Self.csvColumns).utf8))
            for stored in sessions {
                let fields = [
                    String(stored.number), stored.sessionID.rawValue, stored.scenarioID, stored.buyer, stored.seller, String(stored.seed),
                    stored.startedAt, stored.outcome.rawValue, stored.causedBy?.rawValue ?? "", String(stored.turns), stored.finalHash,
                    stored.publicKey ?? "",
                ]
                try write(Data(CSV.line(fields).utf8))
            }
        }
    }
}

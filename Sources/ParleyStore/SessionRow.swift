import GRDB
import ParleyLedger
import ParleyProtocol

/// A row of `sessions`, read and written by GRDB's record protocols.
struct SessionRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "sessions"

    var number: Int?
    var sessionID: String
    var scenarioID: String
    var buyer: String
    var seller: String
    var seed: String
    var startedAt: String
    var outcome: String
    var causedBy: String?
    var turns: Int
    var finalHash: String
    var signature: String?
    var publicKey: String?

    enum CodingKeys: String, CodingKey {
        case number, buyer, seller, seed, outcome, turns, signature
        case sessionID = "session_id", scenarioID = "scenario_id", startedAt = "started_at", causedBy = "caused_by"
        case finalHash = "final_hash", publicKey = "public_key"
    }

    /// The row of a session about to be inserted (its number comes from SQLite).
    init(_ stored: StoredSession) {
        let summary = stored.summary
        number = nil
        sessionID = summary.sessionID.rawValue
        scenarioID = summary.scenarioID
        buyer = summary.buyer
        seller = summary.seller
        seed = String(summary.seed)
        startedAt = summary.startedAt
        outcome = summary.outcome.rawValue
        causedBy = summary.causedBy?.rawValue
        turns = summary.turns
        finalHash = stored.finalHash
        signature = stored.signature
        publicKey = stored.publicKey
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        number = Int(inserted.rowID)
    }

    /// The stored session; throws ``ParleyLedger/StoreError/Code/unreadableRecord`` when a column holds what no
    /// session can (an unknown outcome or side, a seed that is not a number).
    func stored() throws(StoreError) -> StoredSession {
        let number = number ?? 0
        return StoredSession(
            number: number,
            summary: SessionSummary(
                sessionID: SessionID(rawValue: sessionID), scenarioID: scenarioID, buyer: buyer, seller: seller,
                seed: try Column.seed(seed, session: number), startedAt: startedAt, outcome: try Column.outcome(outcome, session: number),
                causedBy: try Column.role(causedBy, session: number), turns: turns
            ),
            finalHash: finalHash, signature: signature, publicKey: publicKey
        )
    }
}

/// Typed values of the text columns that hold seeds, outcomes and sides.
enum Column {
    static func seed(_ text: String, session: Int) throws(StoreError) -> UInt64 {
        guard let seed = UInt64(text) else { throw unreadable("seed", session) }
        return seed
    }

    static func outcome(_ text: String, session: Int) throws(StoreError) -> Outcome.Kind {
        guard let kind = Outcome.Kind(rawValue: text) else { throw unreadable("outcome", session) }
        return kind
    }

    static func role(_ text: String?, session: Int) throws(StoreError) -> Role? {
        guard let text else { return nil }
        guard let role = Role(rawValue: text) else { throw unreadable("caused_by", session) }
        return role
    }

    private static func unreadable(_ column: String, _ session: Int) -> StoreError {
        StoreError(.unreadableRecord, "session \(session) has a \(column) that no session can have (its row was changed)")
    }
}

import GRDB
import ParleyLedger

/// A row of `sessions`, read by GRDB's record protocols and written by a prepared statement: the summary's columns,
/// and the hash and signature that close the session's chain, and its link in the store's sequence.
struct SessionRow: Decodable, FetchableRecord, TableRecord, SummaryColumns {
    static let databaseTableName = "sessions"

    var number: Int?
    var sessionID = "", scenarioID = "", buyer = "", seller = "", seed = "", startedAt = "", outcome = ""
    var causedBy: String?
    var turns = 0
    var finalHash: String
    var signature: String?
    var publicKey: String?
    var link: String

    enum CodingKeys: String, CodingKey {
        case number, buyer, seller, seed, outcome, turns, signature, link
        case sessionID = "session_id", scenarioID = "scenario_id", startedAt = "started_at", causedBy = "caused_by"
        case finalHash = "final_hash", publicKey = "public_key"
    }

    /// The row of a session about to be inserted (its number comes from SQLite).
    init(_ stored: StoredSession) {
        finalHash = stored.finalHash
        signature = stored.signature
        publicKey = stored.publicKey
        link = stored.link
        write(stored.summary)
    }

    /// The stored session; throws when a column holds what no session can.
    func stored() throws(StoreError) -> StoredSession {
        let number = number ?? 0
        return StoredSession(number: number, summary: try summary(session: number), finalHash: finalHash, signature: signature, publicKey: publicKey, link: link)
    }
}

extension SessionRow {
    /// Inserts the row through a statement prepared once per connection, and takes its number: what storing a
    /// session costs most often, so it skips the record machinery's dictionary of columns per row.
    mutating func insertPrepared(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO sessions (session_id, scenario_id, buyer, seller, seed, started_at, outcome, caused_by, turns, final_hash, signature, public_key, link)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            sessionID, scenarioID, buyer, seller, seed, startedAt, outcome, causedBy, turns, finalHash, signature, publicKey, link,
        ])
        number = Int(db.lastInsertedRowID)
    }
}

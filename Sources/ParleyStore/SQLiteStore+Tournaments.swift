public import Foundation
import GRDB
public import ParleyLedger
import ParleyProtocol

extension SQLiteStore {
    /// Records a tournament's plan, unless it is already stored (a resumed run), and returns it as stored.
    @discardableResult
    public func register(tournament id: String, total: Int, plan: String, at date: Date) throws(StoreError) -> StoredTournament {
        try perform {
            try database.write { db in
                try db.execute(
                    sql: "INSERT OR IGNORE INTO tournaments (id, created_at, total, plan) VALUES (?, ?, ?, ?)",
                    arguments: [id, StoredSession.timestamp(date), total, plan]
                )
            }
        }
        return try tournament(id)
    }

    /// Every stored tournament, the most recently created first, with how many of its sessions are stored.
    public func tournaments() throws(StoreError) -> [StoredTournament] {
        try perform {
            try database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT t.id, t.created_at, t.total, t.plan, (SELECT count(*) FROM tournament_sessions s WHERE s.tournament = t.id) + (SELECT count(*) FROM multi_deals m WHERE m.tournament = t.id) AS completed
                    FROM tournaments t ORDER BY t.created_at DESC, t.rowid DESC
                    """).map { row in
                    StoredTournament(id: row["id"], createdAt: row["created_at"], total: row["total"], plan: row["plan"], completed: row["completed"])
                }
            }
        }
    }

    /// The positions of a tournament's sessions already stored, as a bit set over `0..<total`.
    public func completedSessions(of tournament: String, total: Int) throws(StoreError) -> CompletedSet {
        try perform {
            try database.read { db in
                var completed = CompletedSet(count: total)
                let cursor = try Int.fetchCursor(db, sql: "SELECT idx FROM tournament_sessions WHERE tournament = ?", arguments: [tournament])
                while let index = try cursor.next() { completed.insert(index) }
                return completed
            }
        }
    }

    /// Stores finished tournament sessions with their chains and entries, in one transaction, off the caller's
    /// thread: GRDB runs the write on the store's own serial queue.
    public func save(_ sessions: [(session: ChainedSession, entry: TournamentEntry)], signer: SigningKey?) async throws(StoreError) {
        do {
            try await database.write { db in
                _ = try Self.insert(sessions.map(\.session), entries: sessions.map(\.entry), signer: signer, into: db)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY && error.message?.contains("tournament_sessions") == true {
            throw StoreError.positionTaken(tournament: sessions.first?.entry.tournament ?? "", index: nil)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Calls `body` with each of a tournament's entries in enumeration order, reading them as a stream: memory
    /// stays flat however large the tournament. `body` runs inside the read and must not use the store itself.
    public func forEachEntry(of tournament: String, _ body: (TournamentEntry) throws -> Void) throws(StoreError) {
        try perform {
            try database.read { db in
                let rows = try EntryRow.fetchCursor(db, sql: "SELECT \(EntryRow.columns) FROM tournament_sessions WHERE tournament = ? ORDER BY idx", arguments: [tournament])
                while let row = try rows.next() {
                    try body(try row.entry())
                }
            }
        }
    }

    /// The tournament entry that points at a stored session, if one does.
    public func entry(forSession number: Int) throws(StoreError) -> TournamentEntry? {
        try perform {
            try database.read { db in try EntryRow.fetchOne(db, sql: "SELECT \(EntryRow.columns) FROM tournament_sessions WHERE session = ?", arguments: [number]).map { try $0.entry() } }
        }
    }
}

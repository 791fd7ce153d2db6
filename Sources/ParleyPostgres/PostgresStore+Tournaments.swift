public import Foundation
import Logging
import NIOCore
public import ParleyLedger
import PostgresNIO

extension PostgresStore {
    /// How many entries ``forEachEntry(of:_:)`` reads per query: memory stays flat however large the tournament.
    static let entriesPerPage = 5_000

    /// Records a tournament's plan, unless it is already stored (another worker, or a resumed run), and returns it as stored.
    @discardableResult
    public func register(tournament id: String, total: Int, plan: String, at date: Date) throws(StoreError) -> StoredTournament {
        try query("INSERT INTO tournaments (id, created_at, total, plan) VALUES (\(id), \(StoredSession.timestamp(date)), \(total), \(plan)) ON CONFLICT (id) DO NOTHING") { _ in }
        return try tournament(id)
    }

    /// Every stored tournament, the most recently created first, with how many of its sessions are stored.
    public func tournaments() throws(StoreError) -> [StoredTournament] {
        try query("""
            SELECT t.id, t.created_at, t.total, t.plan,
                (SELECT count(*) FROM tournament_sessions s WHERE s.tournament = t.id) + (SELECT count(*) FROM multi_deals m WHERE m.tournament = t.id)
            FROM tournaments t ORDER BY t.created_at DESC, t.registered DESC
            """) { rows in
            try rows.map { row in
                let (id, createdAt, total, plan, completed) = try row.decode((String, String, Int, String, Int).self)
                return StoredTournament(id: id, createdAt: createdAt, total: total, plan: plan, completed: completed)
            }
        }
    }

    /// The positions of a tournament's sessions already stored, as a bit set over `0..<total`.
    public func completedSessions(of tournament: String, total: Int) throws(StoreError) -> CompletedSet {
        var completed = CompletedSet(count: total)
        var after = -1
        while true {
            let page = try query("""
                SELECT idx FROM tournament_sessions WHERE tournament = \(tournament) AND idx > \(after) ORDER BY idx LIMIT \(Self.entriesPerPage * 20)
                """) { rows in try rows.map { try $0.decode(Int.self) } }
            guard let last = page.last else { return completed }
            for index in page { completed.insert(index) }
            after = last
        }
    }

    /// Stores finished tournament sessions with their chains and entries, in one transaction, on a dispatch queue so
    /// that the caller's task waits without holding one of the cooperative threads.
    public func save(_ sessions: [(session: ChainedSession, entry: TournamentEntry)], signer: SigningKey?) async throws(StoreError) {
        let logger = self.logger
        _ = try await offThread { () throws(StoreError) in
            try self.transaction { connection in
                try Self.insert(sessions.map(\.session), entries: sessions.map(\.entry), signer: signer, on: connection, logger: logger)
            }
        }
    }

    /// Runs blocking store work on a dispatch queue, so that the calling task waits without holding a cooperative thread.
    func offThread<T: Sendable>(_ work: @escaping @Sendable () throws(StoreError) -> T) async throws(StoreError) -> T {
        let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result(catching: work)) }
        }
        return try result.get()
    }

    /// Calls `body` with each of a tournament's entries in enumeration order, reading them a page at a time.
    public func forEachEntry(of tournament: String, _ body: (TournamentEntry) throws -> Void) throws(StoreError) {
        var after = -1
        while true {
            let page = try query("""
                SELECT \(unescaped: PostgresEntryRow.columns) FROM tournament_sessions WHERE tournament = \(tournament) AND idx > \(after)
                ORDER BY idx LIMIT \(Self.entriesPerPage)
                """) { rows in try rows.map(PostgresEntryRow.entry(from:)) }
            guard let last = page.last else { return }
            do {
                for entry in page { try body(entry) }
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError(.database, "\(location): \(error)")
            }
            after = last.index
        }
    }

    /// The tournament entry that points at a stored session, if one does.
    public func entry(forSession number: Int) throws(StoreError) -> TournamentEntry? {
        try query("SELECT \(unescaped: PostgresEntryRow.columns) FROM tournament_sessions WHERE session = \(number)") { rows in
            try rows.first.map(PostgresEntryRow.entry(from:))
        }
    }
}

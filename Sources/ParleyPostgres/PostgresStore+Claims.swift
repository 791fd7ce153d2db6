import Foundation
import Logging
public import ParleyLedger
import PostgresNIO

extension PostgresStore: TournamentClaims {
    /// Inserts the tournament's blocks, `[k · blockSize, (k + 1) · blockSize)` clipped to the total, unless present.
    public func prepareBlocks(of tournament: String, total: Int, blockSize: Int) throws(StoreError) {
        let size = max(1, blockSize)
        guard total > 0 else { return }
        try query("""
            INSERT INTO tournament_blocks (tournament, start, stop)
            SELECT \(tournament), g * \(size), least((g + 1) * \(size), \(total)) FROM generate_series(0, \((total - 1) / size)) AS g
            ON CONFLICT DO NOTHING
            """) { _ in }
    }

    /// Claims the first block not done and not leased, skipping blocks another worker is claiming at this moment.
    public func claimBlock(of tournament: String, worker: String, leaseSeconds: Double) throws(StoreError) -> Range<Int>? {
        try query("""
            UPDATE tournament_blocks SET worker = \(worker), expires_at = now() + make_interval(secs => \(leaseSeconds))
            WHERE tournament = \(tournament) AND start = (
                SELECT start FROM tournament_blocks
                WHERE tournament = \(tournament) AND NOT done AND (worker IS NULL OR expires_at < now())
                ORDER BY start LIMIT 1 FOR UPDATE SKIP LOCKED
            )
            RETURNING start, stop
            """) { rows in
            try rows.first.map { row in
                let (start, stop) = try row.decode((Int, Int).self)
                return start..<stop
            }
        }
    }

    /// Marks the block starting at `start` done.
    public func finishBlock(of tournament: String, at start: Int, worker: String) throws(StoreError) {
        try query("UPDATE tournament_blocks SET done = true, worker = \(worker) WHERE tournament = \(tournament) AND start = \(start)") { _ in }
    }

    /// Extends the worker's leases on its unfinished blocks.
    public func renewLeases(of tournament: String, worker: String, leaseSeconds: Double) throws(StoreError) {
        try query("""
            UPDATE tournament_blocks SET expires_at = now() + make_interval(secs => \(leaseSeconds))
            WHERE tournament = \(tournament) AND worker = \(worker) AND NOT done
            """) { _ in }
    }

    /// How many blocks are not done.
    public func unfinishedBlocks(of tournament: String) throws(StoreError) -> Int {
        try query("SELECT count(*) FROM tournament_blocks WHERE tournament = \(tournament) AND NOT done") { rows in try rows.first?.decode(Int.self) ?? 0 }
    }

    /// Stores the sessions whose positions are not stored yet, in one transaction that holds the writers' lock
    /// while it looks, so no other worker can store the same position in between.
    public func saveClaimed(_ sessions: [(session: ChainedSession, entry: TournamentEntry)], signer: SigningKey?) async throws(StoreError) -> Int {
        guard let tournament = sessions.first?.entry.tournament else { return 0 }
        let logger = self.logger
        return try await offThread { () throws(StoreError) in
            try self.transaction { connection in
                try Self.run("LOCK TABLE sessions IN SHARE ROW EXCLUSIVE MODE", on: connection, logger: logger)
                let positions = sessions.map(\.entry.index)
                let stored = try Self.run(
                    "SELECT idx FROM tournament_sessions WHERE tournament = \(tournament) AND idx = ANY(\(positions))", on: connection, logger: logger
                )
                let taken = Set(try stored.map { try $0.decode(Int.self) })
                let fresh = sessions.filter { !taken.contains($0.entry.index) }
                _ = try Self.insert(fresh.map(\.session), entries: fresh.map(\.entry), signer: signer, on: connection, logger: logger)
                return fresh.count
            }
        }
    }
}

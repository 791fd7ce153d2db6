import Logging
import NIOCore
import ParleyLedger
import PostgresNIO

extension PostgresStore {
    /// How many rows one multi-row insert carries at most (PostgreSQL takes up to 65,535 parameters a statement).
    static let rowsPerInsert = 1_000

    /// Inserts sessions, each with its tournament entry when it has one (or as part of a multi-deal negotiation, when
    /// `parts` says so), after the last stored session, inside
    /// the caller's transaction. The lock makes writers take turns, so each batch's numbers and sequence links
    /// follow the last batch's whichever process wrote it.
    static func insert(
        _ sessions: [ChainedSession], entries: [TournamentEntry]?, parts: [SequenceLink.Part]? = nil, signer: SigningKey?, on connection: PostgresConnection,
        logger: Logger
    ) throws -> [StoredSession] {
        guard !sessions.isEmpty else { return [] }
        try run("LOCK TABLE sessions IN SHARE ROW EXCLUSIVE MODE", on: connection, logger: logger)
        let last = try run("SELECT number, link FROM sessions ORDER BY number DESC LIMIT 1", on: connection, logger: logger).first
        var (number, previous) = try last.map { try $0.decode((Int, String).self) } ?? (0, HashChain.origin)
        var stored: [StoredSession] = []
        stored.reserveCapacity(sessions.count)
        for (offset, session) in sessions.enumerated() {
            number += 1
            let next = try parts.map { try StoredSession(number: number, session: session, signer: signer, after: previous, part: $0[offset]) }
                ?? StoredSession(number: number, session: session, signer: signer, after: previous, entry: entries?[offset])
            previous = next.link
            stored.append(next)
        }
        for start in stride(from: 0, to: stored.count, by: rowsPerInsert) {
            let rows = start..<min(stored.count, start + rowsPerInsert)
            var sessionBindings = PostgresBindings(capacity: rows.count * 14)
            var chainBindings = PostgresBindings(capacity: rows.count * 3)
            for position in rows {
                PostgresSessionRow(stored[position]).bind(into: &sessionBindings)
                chainBindings.append(stored[position].number)
                chainBindings.append(String(decoding: sessions[position].chain.records, as: UTF8.self))
                chainBindings.append(ByteBuffer(bytes: sessions[position].chain.hashes))
            }
            try run(
                PostgresQuery(unsafeSQL: "INSERT INTO sessions (\(PostgresSessionRow.columns)) VALUES \(placeholders(rows: rows.count, columns: 14))", binds: sessionBindings),
                on: connection, logger: logger
            )
            try run(
                PostgresQuery(unsafeSQL: "INSERT INTO chains (session, records, hashes) VALUES \(placeholders(rows: rows.count, columns: 3))", binds: chainBindings),
                on: connection, logger: logger
            )
            if let entries {
                var entryBindings = PostgresBindings(capacity: rows.count * PostgresEntryRow.width)
                for position in rows { PostgresEntryRow(entries[position], session: stored[position].number).bind(into: &entryBindings) }
                do {
                    try run(
                        PostgresQuery(
                            unsafeSQL: "INSERT INTO tournament_sessions (\(PostgresEntryRow.columns)) VALUES \(placeholders(rows: rows.count, columns: PostgresEntryRow.width))",
                            binds: entryBindings
                        ),
                        on: connection, logger: logger
                    )
                } catch where StoreError.isUniqueViolation(error) {
                    throw StoreError.positionTaken(tournament: entries.first?.tournament ?? "", index: nil)
                }
            }
        }
        return stored
    }

    /// `($1, $2, …), ($n+1, …), …`: the placeholders of a multi-row insert.
    static func placeholders(rows: Int, columns: Int) -> String {
        (0..<rows).map { row in "(" + (1...columns).map { "$\(row * columns + $0)" }.joined(separator: ", ") + ")" }.joined(separator: ", ")
    }
}

import Foundation
import GRDB
import ParleyArbiter
import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyStore
import Testing

/// Stores written before chains were packed (one row per record) are converted when opened, hashes as they were.
@Suite("Store migrations")
struct MigrationTests {
    /// Writes a store exactly as schema v2 laid it out: two sessions, the second with an edited record.
    func version2Store() async throws -> String {
        let path = try Support.storePath()
        let (record, profiles) = try await Support.session()
        let links = try record.chain(profiles: profiles).links
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                PRAGMA application_id = \(0x5052_4C59);
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1'), ('v2-signatures');
                CREATE TABLE sessions (
                    number INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, scenario_id TEXT NOT NULL,
                    buyer TEXT NOT NULL, seller TEXT NOT NULL, seed TEXT NOT NULL, started_at TEXT NOT NULL,
                    outcome TEXT NOT NULL, caused_by TEXT, turns INTEGER NOT NULL, final_hash TEXT NOT NULL,
                    signature TEXT, public_key TEXT
                );
                CREATE TABLE records (
                    session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE, idx INTEGER NOT NULL,
                    kind TEXT NOT NULL, body TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (session, idx)
                ) WITHOUT ROWID;
                """)
            let header = record.transcript.header
            for number in [1, 2] {
                try db.execute(
                    sql: "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL)",
                    arguments: [
                        number, header.sessionID.rawValue, header.scenario.id, header.buyer.spec, header.seller.spec, String(header.seed),
                        header.startedAt.formatted(.iso8601), record.settlement.outcome.typeName, record.settlement.turns, links.last!.hash,
                    ]
                )
                for link in links {
                    let body = number == 2 && link.index == 3 ? link.body.replacingOccurrences(of: #""round":2"#, with: #""round":9"#) : link.body
                    try db.execute(sql: "INSERT INTO records VALUES (?, ?, ?, ?, ?)", arguments: [number, link.index, link.kind.rawValue, body, link.hash])
                }
            }
        }
        return path
    }

    @Test func aVersion2StoreIsPackedAndStillVerifies() async throws {
        let path = try await version2Store()
        let store = try SQLiteStore(path: path)
        let result = try store.verifyAll()
        #expect(result.checked == 2)
        #expect(result.failures.map(\.session) == [2], "the edit made before the migration is still caught")
        #expect(result.failures.first?.record == 3)
        let tables = try await DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(tables.contains("chains") && !tables.contains("records"))
        #expect(try store.record(of: store.session("1")).record.transcript.entries.count == store.session("1").turns)
    }

    @Test("A version 5 store's tournament entries get their sessions' ids and start times, and still verify")
    func aVersion5StoreGetsEntrySummaries() async throws {
        let path = try Support.storePath()
        let store = try SQLiteStore(path: path)
        let (record, profiles) = try await Support.session()
        let plan = #"{"total":1}"#, id = StoredTournament.id(ofPlan: plan)
        try store.register(tournament: id, total: 1, plan: plan, at: Date(timeIntervalSince1970: 1_800_000_000))
        let chained = ChainedSession(record: record, chain: try record.chain(profiles: profiles))
        try await store.save([(chained, TournamentEntry(tournament: id, index: 0, repetition: 0, record: record))], signer: nil)
        // Lay the store out as version 5 had it: no summary columns in the entries, the last migration not applied.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                ALTER TABLE tournament_sessions DROP COLUMN session_id;
                ALTER TABLE tournament_sessions DROP COLUMN started_at;
                DELETE FROM grdb_migrations WHERE identifier = 'v6-entry-summaries';
                """)
        }
        // Opened for reading only, as `parley transcripts list` opens it: the schema is upgraded all the same.
        let migrated = try SQLiteStore(path: path, options: .init(readOnly: true))
        let entry = try #require(try migrated.entry(forSession: 1))
        #expect(entry.sessionID == record.transcript.header.sessionID)
        #expect(entry.summary == SessionSummary(record: record))
        #expect(try migrated.verifyAll().failures.isEmpty)
    }

    @Test("A version 6 store's sessions get their sequence links in the order they were stored, and verify")
    func aVersion6StoreGetsSequenceLinks() async throws {
        let path = try Support.storePath()
        let store = try SQLiteStore(path: path)
        let (record, profiles) = try await Support.session()
        for _ in 0..<3 { try store.save(record, profiles: profiles) }
        let head = try store.verifyAll().head
        // Lay the store out as version 6 had it: no links, the last migration not applied.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                ALTER TABLE sessions DROP COLUMN link;
                DELETE FROM grdb_migrations WHERE identifier = 'v7-sequence-links';
                """)
        }
        let migrated = try SQLiteStore(path: path, options: .init(readOnly: true))
        let verification = try migrated.verifyAll(expecting: head)
        #expect(verification.failures.isEmpty)
        #expect(verification.head == head, "the links are the ones the sessions got when they were stored")
    }
}

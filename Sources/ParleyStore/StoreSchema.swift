import Foundation
import GRDB
import ParleyLedger

/// The store's schema, as versioned migrations. A store with a migration this build does not know was
/// written by a newer Parley and is refused rather than misread.
enum StoreSchema {
    /// `PRAGMA application_id` of a Parley store: "PRLY".
    static let applicationID = 0x5052_4C59

    /// Brings a store to the current schema. Another process may be migrating the same store at this moment
    /// (two commands opening one new file): a migration that fails is retried, and once the store is current,
    /// whoever migrated it, the store is ready.
    static func migrate(_ writer: some DatabaseWriter) throws {
        var attempts = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                attempts += 1
                if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempts >= 5 { throw error }
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE sessions (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id TEXT NOT NULL,
                    scenario_id TEXT NOT NULL,
                    buyer TEXT NOT NULL,
                    seller TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    caused_by TEXT,
                    turns INTEGER NOT NULL,
                    final_hash TEXT NOT NULL
                );
                CREATE INDEX sessions_by_session_id ON sessions(session_id);
                CREATE INDEX sessions_by_scenario ON sessions(scenario_id);
                CREATE INDEX sessions_by_start ON sessions(started_at);
                CREATE TABLE records (
                    session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    body TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    PRIMARY KEY (session, idx)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2-signatures") { db in
            try db.execute(sql: "ALTER TABLE sessions ADD COLUMN signature TEXT")
            try db.execute(sql: "ALTER TABLE sessions ADD COLUMN public_key TEXT")
        }
        migrator.registerMigration("v3-packed-chains") { db in
            // One row per session instead of one per record: a session's records as lines of text and its hashes
            // as one blob. Existing rows move over as they are, hashes included, so earlier edits stay detectable.
            try db.execute(sql: """
                CREATE TABLE chains (
                    session INTEGER PRIMARY KEY REFERENCES sessions(number) ON DELETE CASCADE,
                    records TEXT NOT NULL,
                    hashes BLOB NOT NULL
                )
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO chains (session, records, hashes) VALUES (?, ?, ?)")
            for session in try Int.fetchAll(db, sql: "SELECT DISTINCT session FROM records ORDER BY session") {
                let rows = try Row.fetchAll(db, sql: "SELECT body, hash FROM records WHERE session = ? ORDER BY idx", arguments: [session])
                let bodies = rows.map { $0["body"] as String }
                // A hash that is not hex becomes zeros: it keeps its place, and verification still fails there.
                let hashes = rows.flatMap { row in HashChain.bytes(fromHex: row["hash"]) ?? [UInt8](repeating: 0, count: 32) }
                try insert.execute(arguments: [session, bodies.joined(separator: "\n"), Data(hashes)])
            }
            try db.execute(sql: "DROP TABLE records")
        }
        migrator.registerMigration("v4-tournaments") { db in
            // A tournament is its plan; each of its sessions is one row with its coordinates and measures, written
            // in the same transaction as the session itself, so a resumed tournament knows exactly what is done.
            try db.execute(sql: """
                CREATE TABLE tournaments (
                    id TEXT PRIMARY KEY,
                    created_at TEXT NOT NULL,
                    total INTEGER NOT NULL,
                    plan TEXT NOT NULL
                );
                CREATE TABLE tournament_sessions (
                    tournament TEXT NOT NULL REFERENCES tournaments(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
                    scenario_id TEXT NOT NULL,
                    buyer TEXT NOT NULL,
                    seller TEXT NOT NULL,
                    repetition INTEGER NOT NULL,
                    seed TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    caused_by TEXT,
                    turns INTEGER NOT NULL,
                    rounds INTEGER NOT NULL,
                    agreed INTEGER NOT NULL,
                    buyer_utility REAL NOT NULL,
                    seller_utility REAL NOT NULL,
                    buyer_advantage REAL NOT NULL,
                    seller_advantage REAL NOT NULL,
                    welfare REAL NOT NULL,
                    distance_to_nash REAL,
                    distance_to_pareto REAL NOT NULL,
                    PRIMARY KEY (tournament, idx)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v5-entries-by-session") { db in
            // Verification looks up a session's tournament entry.
            try db.execute(sql: "CREATE INDEX tournament_sessions_by_session ON tournament_sessions(session)")
        }
        migrator.registerMigration("v6-entry-summaries") { db in
            // An entry holds its session's whole summary, as a stored session does: its id and start time too,
            // copied from the session it points at (an entry whose session is gone keeps empty ones, which
            // verification reports).
            try db.execute(sql: """
                ALTER TABLE tournament_sessions ADD COLUMN session_id TEXT NOT NULL DEFAULT '';
                ALTER TABLE tournament_sessions ADD COLUMN started_at TEXT NOT NULL DEFAULT '';
                UPDATE tournament_sessions SET
                    session_id = coalesce((SELECT session_id FROM sessions WHERE number = tournament_sessions.session), ''),
                    started_at = coalesce((SELECT started_at FROM sessions WHERE number = tournament_sessions.session), '');
                """)
        }
        migrator.registerMigration("v7-sequence-links") { db in
            // Chains the sessions in the order they were stored (SequenceLink), so verification sees a session or a
            // tournament entry that was removed, duplicated or moved.
            try db.execute(sql: "ALTER TABLE sessions ADD COLUMN link TEXT NOT NULL DEFAULT ''")
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.number, s.final_hash, t.tournament, t.idx, t.repetition
                FROM sessions s LEFT JOIN tournament_sessions t ON t.session = s.number ORDER BY s.number
                """)
            let update = try db.makeStatement(sql: "UPDATE sessions SET link = ? WHERE number = ?")
            var previous = HashChain.origin
            for row in rows {
                let tournament: String? = row["tournament"]
                let key = tournament.map { (id: $0, index: row["idx"] as Int, repetition: row["repetition"] as Int) }
                previous = SequenceLink.next(after: previous, finalHash: row["final_hash"], tournament: key)
                try update.execute(arguments: [previous, row["number"]])
            }
        }
        migrator.registerMigration("v8-discounts-and-models") { db in
            // What each side's principal got when its profile discounts time, and how well each side's opponent
            // model learned the other's preferences; NULL when a side does not discount or carries no model (as for
            // every entry stored before, when neither was possible).
            try db.execute(sql: """
                ALTER TABLE tournament_sessions ADD COLUMN buyer_discounted_utility REAL;
                ALTER TABLE tournament_sessions ADD COLUMN seller_discounted_utility REAL;
                ALTER TABLE tournament_sessions ADD COLUMN buyer_model_pearson REAL;
                ALTER TABLE tournament_sessions ADD COLUMN buyer_model_kendall REAL;
                ALTER TABLE tournament_sessions ADD COLUMN seller_model_pearson REAL;
                ALTER TABLE tournament_sessions ADD COLUMN seller_model_kendall REAL;
                """)
        }
        migrator.registerMigration("v9-model-usage") { db in
            // What each side's consulted model cost (JSON, see ModelUsageColumn); NULL for a side without a model, as
            // for every entry stored before.
            try db.execute(sql: """
                ALTER TABLE tournament_sessions ADD COLUMN buyer_model_usage TEXT;
                ALTER TABLE tournament_sessions ADD COLUMN seller_model_usage TEXT;
                """)
        }
        migrator.registerMigration("v10-multi-deals") { db in
            // A multi-deal negotiation: its edge sessions are ordinary sessions (whose sequence links name it); its
            // own row holds its summary (JSON, see MultiDealSummary), its edge sessions' numbers (a JSON array) and its
            // chain of two records, packed as a session's is; a tournament's negotiations carry their position.
            try db.execute(sql: """
                CREATE TABLE multi_deals (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    multi_deal_id TEXT NOT NULL,
                    scenario_id TEXT NOT NULL,
                    centre TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    sessions TEXT NOT NULL,
                    records TEXT NOT NULL,
                    hashes BLOB NOT NULL,
                    final_hash TEXT NOT NULL,
                    signature TEXT,
                    public_key TEXT,
                    tournament TEXT,
                    idx INTEGER,
                    repetition INTEGER
                );
                CREATE INDEX multi_deals_by_id ON multi_deals(multi_deal_id);
                CREATE UNIQUE INDEX multi_deals_by_position ON multi_deals(tournament, idx) WHERE tournament IS NOT NULL;
                """)
        }
        return migrator
    }
}

import GRDB

/// The store's schema, as versioned migrations. A store with a migration this build does not know was
/// written by a newer Parley and is refused rather than misread.
enum StoreSchema {
    /// `PRAGMA application_id` of a Parley store: "PRLY".
    static let applicationID = 0x5052_4C59

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
        return migrator
    }
}

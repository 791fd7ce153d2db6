import Foundation
import ParleyLedger

/// The PostgreSQL store's schema: the same tables and meaning as the SQLite store's current schema, created in one
/// step, and a version row. A database whose version this build does not know was written by a newer Parley and
/// is refused (``ParleyLedger/StoreError/Code/newerSchema``) rather than misread.
enum PostgresSchema {
    /// The version this build writes and reads.
    static let version = 3

    /// Creates the tables when the database has none, and brings an older database to version 3 (version 2: each
    /// side's model usage; version 3: multi-deal negotiations); run one statement at a time, under an advisory lock so that
    /// workers starting at once create them once.
    static let create = statements("""
        CREATE TABLE IF NOT EXISTS parley_schema (version INTEGER NOT NULL);
        INSERT INTO parley_schema (version) SELECT 3 WHERE NOT EXISTS (SELECT 1 FROM parley_schema);
        CREATE TABLE IF NOT EXISTS sessions (
            number BIGINT PRIMARY KEY,
            session_id TEXT NOT NULL,
            scenario_id TEXT NOT NULL,
            buyer TEXT NOT NULL,
            seller TEXT NOT NULL,
            seed TEXT NOT NULL,
            started_at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            caused_by TEXT,
            turns INTEGER NOT NULL,
            final_hash TEXT NOT NULL,
            signature TEXT,
            public_key TEXT,
            link TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS sessions_by_session_id ON sessions(session_id);
        CREATE INDEX IF NOT EXISTS sessions_by_scenario ON sessions(scenario_id);
        CREATE INDEX IF NOT EXISTS sessions_by_start ON sessions(started_at);
        CREATE TABLE IF NOT EXISTS chains (
            session BIGINT PRIMARY KEY REFERENCES sessions(number) ON DELETE CASCADE,
            records TEXT NOT NULL,
            hashes BYTEA NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tournaments (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            total BIGINT NOT NULL,
            plan TEXT NOT NULL,
            registered BIGSERIAL
        );
        CREATE TABLE IF NOT EXISTS tournament_sessions (
            tournament TEXT NOT NULL REFERENCES tournaments(id) ON DELETE CASCADE,
            idx BIGINT NOT NULL,
            session BIGINT NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
            repetition INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            scenario_id TEXT NOT NULL,
            buyer TEXT NOT NULL,
            seller TEXT NOT NULL,
            seed TEXT NOT NULL,
            started_at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            caused_by TEXT,
            turns INTEGER NOT NULL,
            rounds INTEGER NOT NULL,
            agreed BOOLEAN NOT NULL,
            buyer_utility DOUBLE PRECISION NOT NULL,
            seller_utility DOUBLE PRECISION NOT NULL,
            buyer_advantage DOUBLE PRECISION NOT NULL,
            seller_advantage DOUBLE PRECISION NOT NULL,
            welfare DOUBLE PRECISION NOT NULL,
            distance_to_nash DOUBLE PRECISION,
            distance_to_pareto DOUBLE PRECISION NOT NULL,
            buyer_discounted_utility DOUBLE PRECISION,
            seller_discounted_utility DOUBLE PRECISION,
            buyer_model_pearson DOUBLE PRECISION,
            buyer_model_kendall DOUBLE PRECISION,
            seller_model_pearson DOUBLE PRECISION,
            seller_model_kendall DOUBLE PRECISION,
            buyer_model_usage TEXT,
            seller_model_usage TEXT,
            PRIMARY KEY (tournament, idx)
        );
        CREATE INDEX IF NOT EXISTS tournament_sessions_by_session ON tournament_sessions(session);
        CREATE TABLE IF NOT EXISTS tournament_blocks (
            tournament TEXT NOT NULL REFERENCES tournaments(id) ON DELETE CASCADE,
            start BIGINT NOT NULL,
            stop BIGINT NOT NULL,
            worker TEXT,
            expires_at TIMESTAMPTZ,
            done BOOLEAN NOT NULL DEFAULT false,
            PRIMARY KEY (tournament, start)
        );
        ALTER TABLE tournament_sessions ADD COLUMN IF NOT EXISTS buyer_model_usage TEXT;
        ALTER TABLE tournament_sessions ADD COLUMN IF NOT EXISTS seller_model_usage TEXT;
        CREATE TABLE IF NOT EXISTS multi_deals (
            number BIGINT PRIMARY KEY,
            multi_deal_id TEXT NOT NULL,
            scenario_id TEXT NOT NULL,
            centre TEXT NOT NULL,
            started_at TEXT NOT NULL,
            summary TEXT NOT NULL,
            sessions TEXT NOT NULL,
            records TEXT NOT NULL,
            hashes BYTEA NOT NULL,
            final_hash TEXT NOT NULL,
            signature TEXT,
            public_key TEXT,
            tournament TEXT,
            idx BIGINT,
            repetition INTEGER
        );
        CREATE INDEX IF NOT EXISTS multi_deals_by_id ON multi_deals(multi_deal_id);
        CREATE UNIQUE INDEX IF NOT EXISTS multi_deals_by_position ON multi_deals(tournament, idx) WHERE tournament IS NOT NULL;
        UPDATE parley_schema SET version = 3 WHERE version < 3
        """)

    private static func statements(_ script: String) -> [String] {
        script.split(separator: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The advisory lock key that serializes schema creation: "PRLY".
    static let lockKey = 0x5052_4C59
}

import Foundation
import ParleyLedger
import ParleyPostgres
import Testing

/// What only the PostgreSQL store meets: URLs, an unreachable or refusing server, a database that is not a store or
/// was written by a newer Parley, and several writers at once. (Everything the backends share is in
/// ``StoreContractTests``.)
@Suite("The PostgreSQL store")
struct PostgresStoreTests {
    @Test func urlsAreReadAndPasswordsNeverShown() throws {
        let location = try PostgresLocation("postgres://ann:s3cret@db.example:6543/deals")
        #expect(location.host == "db.example" && location.port == 6543 && location.user == "ann" && location.password == "s3cret" && location.database == "deals")
        #expect(location.description == "postgres://ann@db.example:6543/deals")
        #expect(try PostgresLocation("postgresql://ann@127.0.0.1").database == "ann", "the user's name by default, as psql does")
        #expect(try PostgresLocation("postgres://ann@localhost/x?host=/run/postgresql").isSocket)
        for bad in ["postgres://", "postgres://host/db", "mysql://ann@h/db", "postgres://ann@h:99999/db", "postgres://ann:pw@h/db?sslmode=require"] {
            let error = #expect(throws: StoreError.self) { try PostgresLocation(bad) }
            #expect(error?.code == .cannotOpen, "\(bad)")
            #expect(error?.message.contains("pw") == false, "no password in \(error?.message ?? "")")
        }
    }

    @Test func anUnreachableServerAndAMissingDatabaseAreNamed() throws {
        let refused = #expect(throws: StoreError.self) { try PostgresStore(url: "postgres://parley:pw@127.0.0.1:1/none") }
        #expect(refused?.code == .cannotOpen)
        #expect(refused?.message.contains("postgres://parley@127.0.0.1:1/none") == true && refused?.message.contains("pw") == false, "\(refused?.message ?? "")")
        var missing = try #require(URLComponents(string: try PostgresTestDatabase.serverURL()))
        missing.path = "/no_such_database"
        let absent = #expect(throws: StoreError.self) { try PostgresStore(url: missing.string ?? "") }
        #expect(absent?.code == .cannotOpen && absent?.message.contains("does not exist") == true, "\(absent?.message ?? "")")
    }

    /// `scripts/with-postgres` makes the role `parley_password` give a password: a wrong one is refused with its own
    /// code, and the right one opens the store.
    @Test func aWrongPasswordIsRefusedWithItsOwnCode() throws {
        let url = try PostgresTestDatabase.create()
        try PostgresTestDatabase.execute("DO $$ BEGIN CREATE ROLE parley_password LOGIN PASSWORD 'right'; EXCEPTION WHEN duplicate_object THEN NULL; END $$", in: url)
        try PostgresTestDatabase.execute("GRANT ALL ON SCHEMA public TO parley_password", in: url)
        var components = try #require(URLComponents(string: url))
        components.user = "parley_password"
        components.password = "wrong"
        let refused = #expect(throws: StoreError.self) { try PostgresStore(url: components.string ?? "") }
        #expect(refused?.code == .authenticationFailed, "\(refused?.message ?? "")")
        #expect(refused?.message.contains("wrong") == false)
        components.password = "right"
        #expect(try PostgresStore(url: components.string ?? "").count() == 0)
    }

    @Test func aNewerSchemaAndForeignTablesAreRefused() throws {
        let newer = try PostgresTestDatabase.create()
        _ = try PostgresStore(url: newer)
        try PostgresTestDatabase.execute("UPDATE parley_schema SET version = 99", in: newer)
        let error = #expect(throws: StoreError.self) { try PostgresStore(url: newer) }
        #expect(error?.code == .newerSchema)
        let foreign = try PostgresTestDatabase.create()
        try PostgresTestDatabase.execute("CREATE TABLE sessions (id integer)", in: foreign)
        let refused = #expect(throws: StoreError.self) { try PostgresStore(url: foreign) }
        #expect(refused?.code == .notAStore)
    }

    @Test func aVersion1DatabaseGainsTheModelUsageColumnsAndTheMultiDealTable() throws {
        let url = try PostgresTestDatabase.create()
        _ = try PostgresStore(url: url)
        try PostgresTestDatabase.execute("ALTER TABLE tournament_sessions DROP COLUMN buyer_model_usage, DROP COLUMN seller_model_usage", in: url)
        try PostgresTestDatabase.execute("DROP TABLE multi_deals", in: url)
        try PostgresTestDatabase.execute("UPDATE parley_schema SET version = 1", in: url)
        #expect(throws: (any Error).self) { try PostgresTestDatabase.execute("SELECT buyer_model_usage FROM tournament_sessions", in: url) }
        let store = try PostgresStore(url: url)
        try PostgresTestDatabase.execute("SELECT buyer_model_usage, seller_model_usage FROM tournament_sessions", in: url)
        try PostgresTestDatabase.execute("SELECT multi_deal_id, summary, records, hashes, tournament, idx FROM multi_deals", in: url)
        try PostgresTestDatabase.execute("DO $$ BEGIN IF (SELECT max(version) FROM parley_schema) <> 3 THEN RAISE 'not version 3'; END IF; END $$", in: url)
        #expect(try store.count() == 0 && store.multiDeals().isEmpty)
    }

    /// Four stores (four connections, as four worker processes have) save batches into one database at once: every
    /// session is stored once, numbered without gaps, and the sequence verifies.
    @Test func writersAtOnceTakeTurnsAndTheSequenceVerifies() async throws {
        let url = try PostgresTestDatabase.create()
        let (record, profiles) = try await Support.session()
        let stores = try (0..<4).map { _ in try PostgresStore(url: url) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores {
                group.addTask {
                    for _ in 0..<5 {
                        try store.save(Array(repeating: (record, profiles), count: 6))
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try PostgresStore(url: url)
        #expect(try store.count() == 4 * 5 * 6)
        #expect(try store.sessions(after: 0, limit: 1_000).map(\.number) == Array(1...120))
        let verification = try store.verifyAll()
        #expect(verification.failures.isEmpty && verification.checked == 120)
    }
}

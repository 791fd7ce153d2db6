import Foundation
import Logging
import NIOPosix
import PostgresNIO
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyLedger
import ParleyStore
import ParleyTesting

/// Real sessions to store, and fresh store files in a temporary folder.
enum Support {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ name: String) throws -> ScenarioFile {
        try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: repository.appendingPathComponent("Examples/Scenarios/\(name).json")))
    }

    /// A path for a new store file in a new temporary folder.
    static func storePath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("parley.sqlite").path
    }

    /// A real session between built-ins, timed by a manual clock.
    static func session(_ scenario: String = "reference-supply", buyer: String = "boulware", seller: String = "conceder", seed: UInt64 = 1) async throws -> (record: SessionRecord, profiles: [Role: Profile]) {
        let file = try file(scenario)
        let arbiter = Arbiter(clock: ManualClock(), wallClock: { Date(timeIntervalSince1970: 1_800_000_000 + Double(seed)) }, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let record = try await arbiter.play(
            Match(
                file: file, buyer: try StrategySource(AgentSpec(parsing: buyer)), seller: try StrategySource(AgentSpec(parsing: seller)), seed: seed,
                landscape: try OutcomeLandscape(file: file)
            )
        )
        return (record, file.profiles)
    }
}

/// Fresh databases on the test PostgreSQL server that `scripts/test` starts (`PARLEY_POSTGRES_URL`).
enum PostgresTestDatabase {
    /// Why a PostgreSQL test cannot run: it fails with this, never skips.
    struct NoServer: Error, CustomStringConvertible {
        var description: String {
            "PARLEY_POSTGRES_URL is not set: run the tests with scripts/test, which starts a throwaway PostgreSQL server for them"
        }
    }

    /// The server's URL, as `scripts/with-postgres` exports it.
    static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["PARLEY_POSTGRES_URL"], !url.isEmpty else { throw NoServer() }
        return url
    }

    /// The URL of a new, empty database on the test server.
    static func create() throws -> String {
        let server = try serverURL()
        guard var components = URLComponents(string: server) else { throw NoServer() }
        let name = "parley_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try execute("CREATE DATABASE \(name)", in: server)
        components.path = "/" + name
        return components.string ?? server
    }

    /// Runs one statement in the database a URL names, as an administrator with `psql` would.
    static func execute(_ sql: String, in url: String) throws {
        guard let components = URLComponents(string: url), let host = components.host, let user = components.user else { throw NoServer() }
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password, database: String(components.path.dropFirst()),
            tls: .disable
        )
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger).wait()
        defer { try? (connection.close() as EventLoopFuture<Void>).wait() }
        _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
    }
}

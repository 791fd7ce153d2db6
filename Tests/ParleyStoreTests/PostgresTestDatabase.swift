import Foundation
import Logging
import NIOPosix
import PostgresNIO

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
        guard var components = URLComponents(string: server), let host = components.host, let user = components.user else { throw NoServer() }
        let name = "parley_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password, database: String(components.path.dropFirst()),
            tls: .disable
        )
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger).wait()
        defer { try? (connection.close() as EventLoopFuture<Void>).wait() }
        _ = try connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger).wait()
        components.path = "/" + name
        return components.string ?? server
    }
}

import Foundation
public import ParleyLedger
import PostgresNIO

/// Where a PostgreSQL store is: a URL such as `postgres://parley@127.0.0.1:5432/parley` (or `postgresql://`),
/// with an optional password (`user:password@`) and, for a server on a Unix socket, `?host=/run/postgresql`.
///
/// Connections are not encrypted: use the store on loopback, on a private network or through a tunnel. A URL that
/// asks for TLS (`sslmode=require`, `verify-ca`, `verify-full`) is refused rather than silently sent in the clear.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// The host name or address, or the Unix socket's folder.
    public var host: String
    /// The TCP port (5432 by default), or the socket's suffix.
    public var port: Int
    /// The user.
    public var user: String
    /// The password, if the URL has one.
    public var password: String?
    /// The database (the user's name by default, as `psql` does).
    public var database: String

    /// Whether `text` names a PostgreSQL store rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a URL; throws ``ParleyLedger/StoreError/Code/cannotOpen`` naming what is wrong with it.
    public init(_ text: String) throws(StoreError) {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw StoreError(.cannotOpen, "'\(Self.redacted(text))' is not a PostgreSQL URL: write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError(.cannotOpen, "'\(Self.redacted(text))' names no user: write postgres://USER@HOST/DATABASE")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        if let mode = query["sslmode"], !["disable", "allow", "prefer"].contains(mode) {
            throw StoreError(.cannotOpen, "sslmode=\(mode): Parley's PostgreSQL store does not encrypt its connections yet; reach the server on loopback or through a tunnel, and drop sslmode")
        }
        let socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        guard let host = socketFolder ?? components.host.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw StoreError(.cannotOpen, "'\(Self.redacted(text))' names no host: write postgres://USER@HOST/DATABASE")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw StoreError(.cannotOpen, "port \(port) is outside 1–65535") }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.host = host
        self.port = port
        self.user = user
        self.password = components.password
        self.database = path.isEmpty ? user : path
    }

    /// Whether the server is reached through a Unix socket.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// The URL without its password, as messages and `location` show it.
    public var description: String {
        let server = isSocket ? "localhost" : (host.contains(":") ? "[\(host)]" : host)
        let socket = isSocket ? "?host=\(host)" : ""
        return "postgres://\(user)@\(server):\(port)/\(database)\(socket)"
    }

    /// The connection settings for postgres-nio.
    var configuration: PostgresConnection.Configuration {
        if isSocket {
            return PostgresConnection.Configuration(
                unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database
            )
        }
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: .disable)
    }

    /// `text` with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://…"
    }
}

import Foundation
public import Logging
import NIOCore
import NIOPosix
public import ParleyLedger
import ParleyProtocol
import PostgresNIO
import Synchronization

/// The store protocol on PostgreSQL, selected by URL (`--store postgres://user@host/db`): what any number of
/// `parley` processes on any number of machines can write to and read from at once.
///
/// The same tables, meaning and verification as the SQLite store (``PostgresSchema``). Writers take turns: each
/// batch is one transaction that first locks the `sessions` table against other writers (readers go on), reads
/// the last session's number and sequence link, and inserts its sessions, chains and tournament entries with
/// multi-row inserts. A transaction PostgreSQL aborts as a serialization failure or deadlock is run again (up to
/// five times). One connection per store, used by one operation at a time; calls block their thread while the
/// server answers, except tournament batches, which run on a dispatch queue so that the tournament's workers go on.
public final class PostgresStore: TranscriptStore, Sendable {
    /// The URL without its password.
    public let location: String
    private let url: PostgresLocation
    private let connection = Mutex<PostgresConnection?>(nil)
    let logger: Logger

    /// Opens the store at a PostgreSQL URL, creating its tables in an empty database. Throws
    /// ``ParleyLedger/StoreError/Code/cannotOpen`` when the server cannot be reached or the database does not exist,
    /// ``ParleyLedger/StoreError/Code/authenticationFailed`` when it refuses the user,
    /// ``ParleyLedger/StoreError/Code/newerSchema`` for a store written by a newer Parley, and
    /// ``ParleyLedger/StoreError/Code/notAStore`` for a database that holds other tables of those names.
    public init(url text: String, logger: Logger = Logger(label: "parley.postgres") { _ in SwiftLogNoOpLogHandler() }) throws(StoreError) {
        url = try PostgresLocation(text)
        location = url.description
        self.logger = logger
        let location = self.location
        try transaction { connection in
            try Self.run("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))", on: connection, logger: logger)
            let found = try Self.run("SELECT to_regclass('parley_schema') IS NOT NULL, to_regclass('sessions') IS NOT NULL", on: connection, logger: logger)
            let (hasSchema, hasSessions) = try found.first.map { try $0.decode((Bool, Bool).self) } ?? (false, false)
            if hasSchema {
                let version = try Self.run("SELECT max(version) FROM parley_schema", on: connection, logger: logger).first?.decode(Int?.self) ?? nil
                if let version, version > PostgresSchema.version {
                    throw StoreError(.newerSchema, "\(location) was written by a newer Parley (schema \(version), this one reads up to \(PostgresSchema.version)); upgrade Parley")
                }
            } else if hasSessions {
                throw StoreError(.notAStore, "\(location) already has a sessions table that Parley did not create; use another database")
            }
            for statement in PostgresSchema.create { try Self.run(PostgresQuery(unsafeSQL: statement), on: connection, logger: logger) }
        }
    }

    /// Closes the connection, waiting until it is closed (postgres-nio requires it before the connection goes).
    deinit {
        let open: PostgresConnection? = connection.withLock { slot in
            defer { slot = nil }
            return slot
        }
        try? (open?.close() as EventLoopFuture<Void>?)?.wait()
    }

    // MARK: Sessions

    /// Stores chained sessions in one transaction: all of them, or none.
    @discardableResult
    public func save(_ sessions: [ChainedSession], signer: SigningKey?) throws(StoreError) -> [StoredSession] {
        let logger = self.logger
        return try transaction { connection in try Self.insert(sessions, entries: nil, signer: signer, on: connection, logger: logger) }
    }

    /// The sessions matching a filter, newest first.
    public func sessions(matching filter: SessionFilter) throws(StoreError) -> [StoredSession] {
        var conditions: [String] = []
        var bindings = PostgresBindings()
        func condition(_ sql: (Int) -> String, _ values: String...) {
            let first = bindings.count + 1
            for value in values { bindings.append(value) }
            conditions.append(sql(first))
        }
        if let scenario = filter.scenario { condition({ "scenario_id = $\($0)" }, scenario) }
        if let agent = filter.agent {
            condition({ "(buyer = $\($0) OR seller = $\($0) OR buyer LIKE $\($0 + 1) OR seller LIKE $\($0 + 1))" }, agent, Self.escapedForLike(agent) + ":%")
        }
        if let outcome = filter.outcome { condition({ "outcome = $\($0)" }, outcome.rawValue) }
        if let since = filter.since { condition({ "started_at >= $\($0)" }, StoredSession.timestamp(since)) }
        if let until = filter.until { condition({ "started_at < $\($0)" }, StoredSession.timestamp(until)) }
        var sql = "SELECT \(PostgresSessionRow.columns) FROM sessions"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY number DESC"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return try storedSessions(PostgresQuery(unsafeSQL: sql, binds: bindings))
    }

    /// Up to `limit` sessions numbered above `number`, oldest first.
    public func sessions(after number: Int, limit: Int) throws(StoreError) -> [StoredSession] {
        try storedSessions("SELECT \(unescaped: PostgresSessionRow.columns) FROM sessions WHERE number > \(number) ORDER BY number LIMIT \(max(0, limit))")
    }

    /// The number of stored sessions.
    public func count() throws(StoreError) -> Int {
        try query("SELECT count(*) FROM sessions") { rows in try rows.first?.decode(Int.self) ?? 0 }
    }

    /// A session by its number (`12`) or its session id (`s-…`, the newest if several share it).
    public func session(_ reference: String) throws(StoreError) -> StoredSession {
        let found: [StoredSession]
        if let number = Int(reference) {
            found = try storedSessions("SELECT \(unescaped: PostgresSessionRow.columns) FROM sessions WHERE number = \(number)")
        } else {
            found = try storedSessions(
                "SELECT \(unescaped: PostgresSessionRow.columns) FROM sessions WHERE session_id = \(reference) ORDER BY number DESC LIMIT 1"
            )
        }
        guard let first = found.first else { throw StoreError(.notFound, "no session '\(reference)' in \(location)") }
        return first
    }

    /// A session's chain as stored; empty when it has none.
    public func chain(of session: StoredSession) throws(StoreError) -> PackedChain {
        try packedChain("SELECT records, hashes FROM chains WHERE session = \(session.number)")
    }

    /// The chain a query's first row holds in its `records` and `hashes` columns; empty when there is no row.
    func packedChain(_ query: PostgresQuery) throws(StoreError) -> PackedChain {
        try self.query(query) { rows in
            guard let row = rows.first else { return PackedChain() }
            let (records, hashes) = try row.decode((String, ByteBuffer).self)
            return PackedChain(records: Array(records.utf8), hashes: Array(hashes.readableBytesView))
        }
    }

    // MARK: Running queries

    /// Rows of `sessions` as stored sessions.
    private func storedSessions(_ query: PostgresQuery) throws(StoreError) -> [StoredSession] {
        let rows = try self.query(query) { rows in try rows.map(PostgresSessionRow.init) }
        return try rows.map { row throws(StoreError) in try row.stored() }
    }

    /// Runs one query and reads its rows while the connection is held.
    func query<T: Sendable>(_ query: PostgresQuery, _ read: (PostgresQueryResult) throws -> T) throws(StoreError) -> T {
        let logger = self.logger
        return try perform { connection in try read(try Self.run(query, on: connection, logger: logger)) }
    }

    /// Runs `body` in one transaction, run again when PostgreSQL aborts it as a serialization failure or deadlock.
    func transaction<T: Sendable>(_ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        let logger = self.logger
        var attempt = 1
        while true {
            do {
                return try withConnection { connection in
                    try Self.run("BEGIN", on: connection, logger: logger)
                    do {
                        let result = try body(connection)
                        try Self.run("COMMIT", on: connection, logger: logger)
                        return result
                    } catch {
                        _ = try? Self.run("ROLLBACK", on: connection, logger: logger)
                        throw error
                    }
                }
            } catch where StoreError.isRetryable(error) && attempt < 5 {
                attempt += 1
            } catch {
                throw translate(error)
            }
        }
    }

    /// Runs `body` with the connection, translating its failure.
    func perform<T: Sendable>(_ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try withConnection(body)
        } catch {
            throw translate(error)
        }
    }

    /// Runs `body` with the store's connection, held for the call; connects (again) when there is none or it closed.
    private func withConnection<T: Sendable>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let configuration = url.configuration
        let logger = self.logger
        return try connection.withLock { slot in
            if slot?.isClosed ?? true {
                slot = try PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
                ).wait()
            }
            guard let connection = slot else { throw StoreError(.cannotOpen, "cannot reach \(location)") }
            return try body(connection)
        }
    }

    private func translate(_ error: any Error) -> StoreError {
        (error as? StoreError) ?? StoreError(postgres: error, location: location)
    }

    /// Runs a query on a connection and waits for all of its rows.
    @discardableResult
    static func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    /// `text` with LIKE's wildcards escaped, as a pattern matching it literally.
    private static func escapedForLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}

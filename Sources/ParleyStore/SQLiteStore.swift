public import Foundation
import GRDB
import ParleyRecords
public import ParleyLedger
import ParleyProtocol

/// The embedded ``ParleyLedger/TranscriptStore``: one SQLite file in WAL mode, through GRDB.
///
/// Each session is written in one transaction, as a hash chain of records (header with profiles, every event,
/// the settlement; see `ParleyLedger`), so a killed process never leaves half a session and any later edit of
/// a record is detected by `verify`. Safe to share between tasks: writes are serialized by SQLite and
/// GRDB, reads run concurrently.
public struct SQLiteStore: TranscriptStore {
    /// How to open a store.
    public struct Options: Sendable {
        /// Open for reading only; every write fails with ``StoreError/Code/readOnly``.
        public var readOnly = false
        /// How long to wait for another writer before failing with ``StoreError/Code/locked``.
        public var busyTimeout: TimeInterval = 5
        /// A size limit in pages of 4 KiB (SQLite's `max_page_count`), to bound the file or to simulate a full disk.
        public var maximumPageCount: Int?

        /// Default options: writable, a 5-second busy timeout, no size limit.
        public init(readOnly: Bool = false, busyTimeout: TimeInterval = 5, maximumPageCount: Int? = nil) {
            self.readOnly = readOnly
            self.busyTimeout = busyTimeout
            self.maximumPageCount = maximumPageCount
        }
    }

    /// The store's file.
    public let path: String
    let database: any DatabaseWriter

    /// The store's file, as messages name it.
    public var location: String { path }

    /// Opens (or creates) the store at `path`, migrating it to the current schema; a store written by an older
    /// Parley is upgraded even when opened for reading, as long as its file is writable. Throws a ``StoreError``
    /// when the file is not a Parley store, is corrupt, locked, read-only, or was written by a newer Parley.
    public init(path: String, options: Options = Options()) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.label = "parley-store"
        configuration.readonly = options.readOnly
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.foreignKeysEnabled = true
        if let pages = options.maximumPageCount {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        // Setting up a new file (WAL mode, the schema) can find it busy at once, without SQLite's busy wait, when
        // another process sets up the same file at that moment: such an open is retried within the busy timeout.
        let deadline = Date().addingTimeInterval(options.busyTimeout)
        var pause: useconds_t = 10_000
        while true {
            do {
                database = try Self.open(path, readOnly: options.readOnly, configuration: configuration)
                return
            } catch let error as StoreError {
                guard error.code == .locked, Date() < deadline else { throw error }
            } catch {
                let error = StoreError(error, path: path)
                guard error.code == .locked, Date() < deadline else { throw error }
            }
            usleep(pause)
            pause = min(pause * 2, 200_000)
        }
    }

    /// Opens the file and brings its schema up to date; see ``init(path:options:)``.
    private static func open(_ path: String, readOnly: Bool, configuration: Configuration) throws -> any DatabaseWriter {
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw StoreError(.cannotOpen, "there is no store at \(path)")
            }
            let state = try inspect(try DatabaseQueue(path: path, configuration: configuration), path: path)
            if !state.isMigrated {
                guard state.isParley else { throw StoreError(.notAStore, "\(path) is not a Parley store (it has no Parley tables)") }
                // Written by an older Parley: upgrade its schema through a short-lived writable connection first.
                var writable = configuration
                writable.readonly = false
                do {
                    try StoreSchema.migrate(try DatabaseQueue(path: path, configuration: writable))
                } catch {
                    let cause = StoreError(error, path: path)
                    if cause.code == .locked { throw cause }  // another process is setting the file up: retried
                    throw StoreError(.readOnly, "\(path) was written by an older Parley and cannot be upgraded here (\(cause.code)); open it once where it is writable")
                }
            }
            return try DatabaseQueue(path: path, configuration: configuration)
        }
        let database = try DatabasePool(path: path, configuration: configuration)
        let state = try inspect(database, path: path)
        try StoreSchema.migrate(database)
        // Connections opened before a migration keep what they read of the old schema; start afresh.
        if !state.isMigrated { database.releaseMemory() }
        return database
    }

    /// Refuses a file that is not a Parley store or was written by a newer Parley, and says whether the store's
    /// schema is current. A new, empty file counts as a store to create.
    private static func inspect(_ reader: some DatabaseReader, path: String) throws -> (isMigrated: Bool, isParley: Bool) {
        let migrator = StoreSchema.migrator
        let (isForeign, isNewer, isMigrated, isParley, isEmpty) = try reader.read { db in
            let applicationID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            let foreign = applicationID != StoreSchema.applicationID && tables > 0
            let newer = foreign ? false : try migrator.hasBeenSuperseded(db)
            let migrated = foreign ? false : try migrator.hasCompletedMigrations(db)
            let parley = foreign ? false : try !migrator.appliedIdentifiers(db).isEmpty
            return (foreign, newer, migrated, parley, tables == 0)
        }
        if isForeign { throw StoreError(.notAStore, "\(path) is an SQLite database, but not a Parley store") }
        if isNewer { throw StoreError(.newerSchema, "\(path) was written by a newer version of Parley; upgrade Parley to read it") }
        if !isMigrated, !isParley, !isEmpty { throw StoreError(.notAStore, "\(path) is not a Parley store (it has no Parley tables)") }
        return (isMigrated, isParley)
    }

    /// Stores sessions whose chains were already computed (the expensive part, which callers can spread over
    /// cores), in one transaction: all of them, or none.
    @discardableResult
    public func save(_ sessions: [ChainedSession], signer: SigningKey?) throws(StoreError) -> [StoredSession] {
        try perform {
            try database.write { db in try Self.insert(sessions, signer: signer, into: db) }
        }
    }

    /// Inserts sessions, each with its tournament entry when it has one (or as part of a multi-deal negotiation, when
    /// `parts` says so), linked after the last stored session.
    static func insert(
        _ sessions: [ChainedSession], entries: [TournamentEntry?]? = nil, parts: [SequenceLink.Part]? = nil, signer: SigningKey?, into db: Database
    ) throws -> [StoredSession] {
        let insertChain = try db.cachedStatement(sql: "INSERT INTO chains (session, records, hashes) VALUES (?, ?, ?)")
        var previous = try String.fetchOne(db, sql: "SELECT link FROM sessions ORDER BY number DESC LIMIT 1") ?? HashChain.origin
        return try sessions.enumerated().map { position, session in
            let entry = entries?[position]
            var stored = try parts.map { try StoredSession(number: 0, session: session, signer: signer, after: previous, part: $0[position]) }
                ?? StoredSession(number: 0, session: session, signer: signer, after: previous, entry: entry)
            var row = SessionRow(stored)
            try row.insertPrepared(db)
            stored.number = row.number ?? 0
            previous = stored.link
            try insertChain.execute(arguments: [stored.number, String(decoding: session.chain.records, as: UTF8.self), Data(session.chain.hashes)])
            if let entry { try EntryRow(entry, session: stored.number).insertPrepared(db) }
            return stored
        }
    }

    /// The sessions matching a filter, newest first.
    public func sessions(matching filter: SessionFilter = SessionFilter()) throws(StoreError) -> [StoredSession] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let scenario = filter.scenario {
            conditions.append("scenario_id = ?")
            arguments.append(scenario)
        }
        if let agent = filter.agent {
            conditions.append("(buyer = ? OR seller = ? OR buyer LIKE ? OR seller LIKE ?)")
            arguments += [agent, agent, agent + ":%", agent + ":%"]
        }
        if let outcome = filter.outcome {
            conditions.append("outcome = ?")
            arguments.append(outcome.rawValue)
        }
        if let since = filter.since {
            conditions.append("started_at >= ?")
            arguments.append(StoredSession.timestamp(since))
        }
        if let until = filter.until {
            conditions.append("started_at < ?")
            arguments.append(StoredSession.timestamp(until))
        }
        var sql = "SELECT * FROM sessions"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY number DESC"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        let statementArguments = StatementArguments(arguments)
        return try perform {
            try database.read { db in try SessionRow.fetchAll(db, sql: sql, arguments: statementArguments).map { try $0.stored() } }
        }
    }

    /// Up to `limit` sessions numbered above `number`, oldest first.
    public func sessions(after number: Int, limit: Int) throws(StoreError) -> [StoredSession] {
        try perform {
            try database.read { db in
                try SessionRow.fetchAll(db, sql: "SELECT * FROM sessions WHERE number > ? ORDER BY number LIMIT ?", arguments: [number, limit]).map { try $0.stored() }
            }
        }
    }

    /// The number of stored sessions.
    public func count() throws(StoreError) -> Int {
        try perform { try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? 0 } }
    }

    /// A session by its number (`12`) or its session id (`s-…`, the newest if several share it).
    public func session(_ reference: String) throws(StoreError) -> StoredSession {
        let found = try perform {
            try database.read { db in
                if let number = Int(reference) {
                    return try SessionRow.fetchOne(db, key: number).map { try $0.stored() }
                }
                return try SessionRow.fetchOne(db, sql: "SELECT * FROM sessions WHERE session_id = ? ORDER BY number DESC LIMIT 1", arguments: [reference])
                    .map { try $0.stored() }
            }
        }
        guard let found else { throw StoreError(.notFound, "no session '\(reference)' in \(path)") }
        return found
    }

    /// A session's chain as stored.
    public func chain(of session: StoredSession) throws(StoreError) -> PackedChain {
        let row = try perform {
            try database.read { db in try Row.fetchOne(db, sql: "SELECT records, hashes FROM chains WHERE session = ?", arguments: [session.number]) }
        }
        return row.map(Self.packedChain(from:)) ?? PackedChain()
    }

    /// A chain from a row's `records` (text, or a blob from an older store) and `hashes` columns.
    static func packedChain(from row: Row) -> PackedChain {
        let records: DatabaseValue = row["records"]
        let text = String.fromDatabaseValue(records) ?? Data.fromDatabaseValue(records).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let hashes = Data.fromDatabaseValue(row["hashes"]) ?? Data()
        return PackedChain(records: Array(text.utf8), hashes: Array(hashes))
    }

    /// Runs a database operation, translating its failure.
    func perform<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }

}

import ParleyLedger
import ParleyPostgres
import ParleyStore

/// What `--store` names: a PostgreSQL URL (`postgres://user@host/db`) or an SQLite file.
enum StoreLocation {
    /// `--store`'s help, shared by every command that takes it.
    static let help = "The store: an SQLite file, or a PostgreSQL URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE) that many processes share."

    /// Opens the store `text` names; an SQLite file read-only when `readOnly` (a PostgreSQL store is never changed
    /// by a reading command, but its tables are created if the database is empty).
    static func open(_ text: String, readOnly: Bool = false) throws -> any TranscriptStore {
        if PostgresLocation.isURL(text) { return try PostgresStore(url: text) }
        return try SQLiteStore(path: text, options: .init(readOnly: readOnly))
    }

    /// How messages name the store: the URL without its password, or the file's path.
    static func display(_ text: String) -> String {
        (try? PostgresLocation(text).description) ?? text
    }
}

import GRDB
import ParleyLedger

extension StoreError {
    /// Translates a database failure on a store file.
    init(_ error: any Error, path: String) {
        guard let error = error as? DatabaseError else {
            self.init(.database, "\(path): \(error)")
            return
        }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            self.init(.notAStore, "\(path) is not a Parley store (not an SQLite database)")
        case .SQLITE_CORRUPT:
            self.init(.corrupt, "\(path) is corrupt (SQLite: database disk image is malformed)")
        case .SQLITE_READONLY:
            self.init(.readOnly, "\(path) is read-only; choose a writable store, or store nothing")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(.locked, "\(path) is locked by another writer; gave up after the busy timeout")
        case .SQLITE_FULL:
            self.init(.diskFull, "\(path): the disk or the store's size limit is full; nothing was written")
        case .SQLITE_CANTOPEN:
            self.init(.cannotOpen, "cannot open \(path): check that the folder exists and is writable")
        default:
            self.init(.database, "\(path): SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")")
        }
    }
}

import Foundation
import GRDB
import ParleyLedger
import ParleyStore
import Synchronization
import Testing

/// Each bad condition gets a clear, typed error, and nothing already stored is lost.
@Suite("Bad store conditions")
struct BadConditionsTests {
    func code(_ body: () throws -> Void) -> StoreError.Code? {
        do {
            try body()
            return nil
        } catch let error as StoreError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func aFileThatIsNotSQLite() throws {
        let path = try Support.storePath()
        try Data("just some text, not a database".utf8).write(to: URL(fileURLWithPath: path))
        #expect(code { _ = try SQLiteStore(path: path) } == .notAStore)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "just some text, not a database", "the file is left alone")
    }

    @Test func anotherSQLiteDatabase() async throws {
        let path = try Support.storePath()
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        #expect(code { _ = try SQLiteStore(path: path) } == .notAStore)
        #expect(code { _ = try SQLiteStore(path: path, options: .init(readOnly: true)) } == .notAStore)
    }

    @Test func aCorruptStore() async throws {
        let path = try Support.storePath()
        do {
            let store = try SQLiteStore(path: path)
            let session = try await Support.session()
            for _ in 0..<20 { try store.save(session.record, profiles: session.profiles) }
        }
        try await DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096 * 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096 * 3))
        try handle.close()
        let result = code {
            let store = try SQLiteStore(path: path)
            _ = try store.verifyAll()
        }
        #expect(result == .corrupt)
    }

    @Test func aReadOnlyStoreRefusesWritesAndStillReads() async throws {
        let path = try Support.storePath()
        let session = try await Support.session()
        try SQLiteStore(path: path).save(session.record, profiles: session.profiles)
        let readOnly = try SQLiteStore(path: path, options: .init(readOnly: true))
        #expect(code { try readOnly.save(session.record, profiles: session.profiles) } == .readOnly)
        #expect(try readOnly.count() == 1)
        #expect(try readOnly.verifyAll().failures.isEmpty)
    }

    @Test func readingAMissingStoreIsCannotOpen() throws {
        let path = try Support.storePath()
        #expect(code { _ = try SQLiteStore(path: path, options: .init(readOnly: true)) } == .cannotOpen)
    }

    @Test func aStoreLockedByAnotherWriterFailsAfterTheTimeout() async throws {
        let path = try Support.storePath()
        let session = try await Support.session()
        let store = try SQLiteStore(path: path, options: .init(busyTimeout: 0.1))
        try store.save(session.record, profiles: session.profiles)
        // Another writer takes the write lock on its own thread and holds it until told to let go.
        let other = try DatabaseQueue(path: path)
        let holding = DispatchSemaphore(value: 0)
        let letGo = DispatchSemaphore(value: 0)
        let writer = Thread {
            try? other.inTransaction(.immediate) { _ in
                holding.signal()
                letGo.wait()
                return .rollback
            }
            holding.signal()
        }
        writer.start()
        holding.wait()
        #expect(code { try store.save(session.record, profiles: session.profiles) } == .locked)
        letGo.signal()
        holding.wait()
        try store.save(session.record, profiles: session.profiles)
        #expect(try store.count() == 2)
        #expect(try store.verifyAll().failures.isEmpty)
    }

    @Test func aStoreFromANewerParley() async throws {
        let path = try Support.storePath()
        _ = try SQLiteStore(path: path)
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        #expect(code { _ = try SQLiteStore(path: path) } == .newerSchema)
        #expect(code { _ = try SQLiteStore(path: path, options: .init(readOnly: true)) } == .newerSchema)
    }

    @Test func aFullDiskLosesNothingAlreadyStored() async throws {
        let path = try Support.storePath()
        let session = try await Support.session()
        let store = try SQLiteStore(path: path, options: .init(maximumPageCount: 40))
        var saved = 0
        var failure: StoreError.Code?
        while failure == nil, saved < 1000 {
            failure = code { try store.save(session.record, profiles: session.profiles) }
            if failure == nil { saved += 1 }
        }
        #expect(failure == .diskFull)
        #expect(saved > 0)
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.count() == saved, "no half-written session")
        #expect(try reopened.verifyAll().failures.isEmpty)
    }
}

extension BadConditionsTests {
    @Test("Several openers of one new store at once (two commands started together, a reader polling a writer) all get a current store")
    func concurrentOpenersOfANewStoreAllSucceed() throws {
        for _ in 0..<20 {
            let path = try Support.storePath()
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { opener in
                do {
                    let store = try SQLiteStore(path: path, options: .init(readOnly: opener == 3 && FileManager.default.fileExists(atPath: path)))
                    _ = try store.count()
                } catch let error as StoreError where error.code == .notAStore || error.code == .cannotOpen {
                    // A reader that comes before the writer has made the file a store is told so; that is not a failure.
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty)
            #expect(try SQLiteStore(path: path).verifyAll().failures.isEmpty)
        }
    }
}

import Foundation
import GRDB
import ParleyArbiter
import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyStore
import Testing

@Suite("The SQLite store: its file, its connections, its transactions (the store protocol's behaviour is in StoreContractTests)")
struct StoreTests {
    @Test func storesUseWALAndAreMarkedAsParleyStores() async throws {
        let path = try Support.storePath()
        _ = try SQLiteStore(path: path)
        let raw = try DatabaseQueue(path: path)
        let (mode, applicationID) = try await raw.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(mode == "wal")
        #expect(applicationID == 0x5052_4C59)
    }

    @Test func unknownReferenceIsNotFound() throws {
        let store = try SQLiteStore(path: Support.storePath())
        #expect(throws: StoreError(.notFound, "no session '7' in \(store.path)")) { try store.session("7") }
    }

    @Test func concurrentWritersFromManyTasksLoseNothing() async throws {
        let path = try Support.storePath()
        let store = try SQLiteStore(path: path)
        let second = try SQLiteStore(path: path)  // a second connection pool on the same file
        let session = try await Support.session()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for _ in 0..<10 { try (task.isMultiple(of: 2) ? store : second).save(session.record, profiles: session.profiles) }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.count() == 80)
        let result = try store.verifyAll()
        #expect(result.checked == 80 && result.failures.isEmpty)
    }

    @Test func aBatchIsWrittenInOneTransaction() async throws {
        let store = try SQLiteStore(path: Support.storePath())
        let first = try await Support.session(seed: 1)
        let second = try await Support.session(seed: 2)
        let stored = try store.save([first, second])
        #expect(stored.map(\.number) == [1, 2])
        #expect(try store.verifyAll().failures.isEmpty)
    }
}

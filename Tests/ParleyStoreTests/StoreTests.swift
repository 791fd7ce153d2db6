import Foundation
import GRDB
import ParleyArbiter
import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyStore
import Testing

@Suite("Transcript store")
struct StoreTests {
    @Test func aSessionReadsBackExactlyAndVerifies() async throws {
        let store = try SQLiteStore(path: Support.storePath())
        let (record, profiles) = try await Support.session()
        let stored = try store.save(record, profiles: profiles)
        #expect(stored.number == 1)
        #expect(stored.outcome == "agreement" && stored.turns == record.settlement.turns)
        #expect(stored.finalHash == (try record.chain(profiles: profiles)).finalHash)
        let readBack = try store.record(of: store.session("1"))
        #expect(readBack.record == record)
        #expect(readBack.profiles == profiles)
        #expect(try store.session(record.transcript.header.sessionID.rawValue) == stored)
        #expect(try store.verify(stored) == nil)
    }

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

    @Test func filtersSelectSessions() async throws {
        let store = try SQLiteStore(path: Support.storePath())
        for (scenario, buyer, seller, seed) in [
            ("reference-supply", "boulware", "conceder", UInt64(1)), ("industrial-components", "hardliner", "hardliner", 2),
            ("industrial-components", "linear:e=1", "random", 3),
        ] {
            let session = try await Support.session(scenario, buyer: buyer, seller: seller, seed: seed)
            try store.save(session.record, profiles: session.profiles)
        }
        #expect(try store.sessions().map(\.number) == [3, 2, 1])
        #expect(try store.sessions(matching: .init(scenario: "industrial-components")).map(\.number) == [3, 2])
        #expect(try store.sessions(matching: .init(agent: "linear")).map(\.number) == [3])
        #expect(try store.sessions(matching: .init(agent: "conceder")).map(\.number) == [1])
        #expect(try store.sessions(matching: .init(outcome: "deadline")).map(\.number) == [2])
        let secondStart = Date(timeIntervalSince1970: 1_800_000_002)
        #expect(try store.sessions(matching: .init(since: secondStart)).map(\.number) == [3, 2])
        #expect(try store.sessions(matching: .init(until: secondStart)).map(\.number) == [1])
        #expect(try store.sessions(matching: .init(limit: 1)).map(\.number) == [3])
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

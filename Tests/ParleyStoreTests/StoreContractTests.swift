import Foundation
import ParleyAgents
import ParleyAnalysis
import ParleyLedger
import ParleyPostgres
import ParleyProtocol
import ParleyRecords
import ParleyStore
import ParleyTesting
import Testing

/// The backends a store test runs on.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, memory, postgres

    var testDescription: String { rawValue }

    func make() throws -> any TranscriptStore {
        switch self {
        case .sqlite: try SQLiteStore(path: Support.storePath())
        case .memory: InMemoryStore()
        case .postgres: try PostgresStore(url: PostgresTestDatabase.create())
        }
    }
}

@Suite("The store protocol: every backend keeps and answers the same")
struct StoreContractTests {
    @Test("A saved session reads back exactly, by number and by id, and verifies", arguments: StoreBackend.allCases)
    func savesAndReadsBack(backend: StoreBackend) async throws {
        let store = try backend.make()
        let (record, profiles) = try await Support.session()
        let stored = try store.save(record, profiles: profiles)
        #expect(stored.number == 1)
        #expect(stored.outcome == .agreement && stored.turns == record.settlement.turns)
        #expect(stored.finalHash == (try record.chain(profiles: profiles)).finalHash)
        let readBack = try store.record(of: store.session("1"))
        #expect(readBack.record == record)
        #expect(readBack.profiles == profiles)
        #expect(try store.session(record.transcript.header.sessionID.rawValue) == stored)
        #expect(try store.count() == 1)
        #expect(try store.verify(stored) == nil)
        #expect {
            try store.session("7")
        } throws: { ($0 as? StoreError)?.code == .notFound }
    }

    @Test("Filters select the same sessions, newest first", arguments: StoreBackend.allCases)
    func filters(backend: StoreBackend) async throws {
        let store = try backend.make()
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
        #expect(try store.sessions(matching: .init(outcome: .deadline)).map(\.number) == [2])
        let secondStart = Date(timeIntervalSince1970: 1_800_000_002)
        #expect(try store.sessions(matching: .init(since: secondStart)).map(\.number) == [3, 2])
        #expect(try store.sessions(matching: .init(until: secondStart)).map(\.number) == [1])
        #expect(try store.sessions(matching: .init(limit: 1)).map(\.number) == [3])
        #expect(try store.sessions(after: 1, limit: 1).map(\.number) == [2])
        #expect(try store.sessions(after: 3, limit: 10).isEmpty)
    }

    @Test("Signed sessions verify against their key only", arguments: StoreBackend.allCases)
    func signing(backend: StoreBackend) async throws {
        let store = try backend.make()
        let key = SigningKey(), other = SigningKey()
        let (record, profiles) = try await Support.session()
        let stored = try store.save(record, profiles: profiles, signer: key)
        #expect(stored.publicKey == key.publicKey.rawValue)
        #expect(try store.verify(stored, trusting: key.publicKey) == nil)
        #expect(try store.verify(stored, trusting: other.publicKey)?.reason == "the settlement is signed by another key")
        #expect(try store.verify(stored, trusting: other.publicKey)?.code == .untrustedSigner)
        #expect(try store.verifyAll().checked == 1)
    }

    @Test("Tournaments: registered once, entries stored with their sessions, a taken position fails the whole batch", arguments: StoreBackend.allCases)
    func tournaments(backend: StoreBackend) async throws {
        let store = try backend.make()
        // Plans as verification reads them: each tournament's id is the hash of its plan, which states its total.
        let plans = [#"{"seed":"1","total":3}"#, #"{"seed":"2","total":1}"#]
        let ids = plans.map(StoredTournament.id(ofPlan:))
        let first = try store.register(tournament: ids[0], total: 3, plan: plans[0], at: Date(timeIntervalSince1970: 1_800_000_000))
        let again = try store.register(tournament: ids[0], total: 3, plan: plans[0], at: Date(timeIntervalSince1970: 1_900_000_000))
        #expect(first == again)
        try store.register(tournament: ids[1], total: 1, plan: plans[1], at: Date(timeIntervalSince1970: 1_800_000_100))
        #expect(try store.tournaments().map(\.id) == [ids[1], ids[0]])

        var batch: [(session: ChainedSession, entry: TournamentEntry)] = []
        for (index, seed) in [(2, UInt64(5)), (0, 6)] {
            let (record, profiles) = try await Support.session(seed: seed)
            let chained = ChainedSession(record: record, chain: try record.chain(profiles: profiles))
            batch.append((chained, TournamentEntry(tournament: ids[0], index: index, repetition: 0, record: record)))
        }
        try await store.save(batch, signer: nil)
        #expect(try store.tournament(ids[0]).completed == 2)
        let completed = try store.completedSessions(of: ids[0], total: 3)
        #expect(completed.members == 2 && completed.contains(0) && !completed.contains(1) && completed.contains(2))
        var order: [Int] = []
        try store.forEachEntry(of: ids[0]) { order.append($0.index) }
        #expect(order == [0, 2])
        #expect(try store.entry(forSession: 1)?.index == 2)
        #expect(try store.entry(forSession: 2)?.session == 2)
        #expect(try store.verifyAll().failures.isEmpty)

        let taken = await #expect(throws: StoreError.self) { try await store.save([batch[0]], signer: nil) }
        #expect(taken?.code == .positionTaken, "two runs of one tournament on one store get a typed error, not SQLite's")
        #expect(try store.count() == 2, "a failed batch stores nothing")
        #expect {
            try store.tournament("t-9")
        } throws: { ($0 as? StoreError)?.code == .notFound }
    }

    @Test("Each side's model usage reads back exactly, and a side without a model has none", arguments: StoreBackend.allCases)
    func modelUsage(backend: StoreBackend) async throws {
        let store = try backend.make()
        let plan = #"{"seed":"3","total":1}"#
        let id = StoredTournament.id(ofPlan: plan)
        try store.register(tournament: id, total: 1, plan: plan, at: Date(timeIntervalSince1970: 1_800_000_000))
        let (record, profiles) = try await Support.session(seed: 3)
        var entry = TournamentEntry(tournament: id, index: 0, repetition: 0, record: record)
        var usage = ModelUsage()
        (usage.requests, usage.promptTokens, usage.completionTokens, usage.cost) = (7, 8_400, 1_234, 0.1 + 0.2)
        (usage.currency, usage.latency, usage.slowest, usage.modelMoves, usage.fallbackMoves) = (Currency(rawValue: "EUR"), 3.3, 1.7, 5, 1)
        (usage.strategyMoves, usage.mandateRefusals, usage.notesWithheld) = (0, 2, 1)
        entry.buyerModelUsage = usage
        try await store.save([(ChainedSession(record: record, chain: try record.chain(profiles: profiles)), entry)], signer: nil)
        let read = try #require(try store.entry(forSession: 1))
        #expect(read.buyerModelUsage == usage, "every figure, 0.1 + 0.2 included, as it was")
        #expect(read.sellerModelUsage == nil)
    }
}

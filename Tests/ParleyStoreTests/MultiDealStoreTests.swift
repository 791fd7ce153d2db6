import Foundation
import GRDB
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyStore
import ParleyTesting
import Testing

/// Multi-deal negotiations in the store: each edge session stored as a session, the negotiation's own chain over
/// their final hashes, and verification that recomputes its settlement.
@Suite("Multi-deal negotiations are stored, read back and verified")
struct MultiDealStoreTests {
    static let indexes = BiddingIndexCache()

    /// A split order of 1,000 valves across four suppliers, played to its end: several deals, some sessions superseded.
    static func negotiation(seed: UInt64 = 1, centre: String = "boulware") async throws -> MultiDealRecord {
        let url = Support.repository.appendingPathComponent("Examples/MultiDeal/valves-split-order.json")
        let scenario = try WireCodec().decode(MultiDealScenario.self, from: Data(contentsOf: url))
        let arbiter = Arbiter(clock: ManualClock(), wallClock: { Date(timeIntervalSince1970: 1_800_000_000) }, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let source = { (spec: String) throws -> StrategySource in try StrategySource(AgentSpec(parsing: spec), indexes: indexes) }
        let match = MultiDealMatch(
            scenario: scenario, centre: CentreSource(rule: .remainingEdges, agent: try source(centre), indexes: indexes),
            edges: try ["random", "linear", "boulware", "conceder"].map(source), seed: seed
        )
        return try await arbiter.play(match)
    }

    @Test("A negotiation reads back exactly, by number and by id, its edges stored as sessions, and verifies", arguments: StoreBackend.allCases)
    func savesAndReadsBack(backend: StoreBackend) async throws {
        let store = try backend.make()
        let record = try await Self.negotiation()
        #expect(record.settlement.deals.count >= 2, "a split order worth storing: more than one deal")
        let stored = try store.save(record)
        #expect(stored.number == 1 && stored.sessions == [1, 2, 3, 4])
        #expect(stored.summary == MultiDealSummary(record: record))
        #expect(try store.record(of: stored) == record)
        #expect(try store.multiDeal(stored.summary.multiDealID) == stored)
        #expect(try store.multiDeal("1") == stored)
        #expect(try store.multiDeals(after: 0, limit: 10) == [stored])
        #expect(try store.count() == 4, "each edge session is a stored session")
        for (number, session) in zip(stored.sessions, record.sessions) {
            #expect(try store.record(of: store.session(String(number))).record == session.record)
        }
        let verification = try store.verifyAll()
        #expect(verification.failures.isEmpty, "\(verification.failures)")
        #expect(verification.checked == 4 && verification.multiDealsChecked == 1)
        #expect(throws: StoreError.self) { try store.multiDeal("2") }
    }

    @Test("A signed negotiation verifies against its key only, and edge sessions are signed too", arguments: StoreBackend.allCases)
    func signing(backend: StoreBackend) async throws {
        let store = try backend.make()
        let key = SigningKey(), other = SigningKey()
        let stored = try store.save(try await Self.negotiation(), signer: key)
        #expect(try store.verify(stored, trusting: key.publicKey) == nil)
        #expect(try store.verify(stored, trusting: other.publicKey)?.code == .untrustedSigner)
        #expect(try store.verifyAll(trusting: key.publicKey).failures.isEmpty)
    }

    @Test("A tournament position is taken once", arguments: StoreBackend.allCases)
    func positions(backend: StoreBackend) async throws {
        let store = try backend.make()
        let record = try await Self.negotiation()
        try store.register(tournament: "t-1", total: 2, plan: #"{"total":2}"#, at: Date(timeIntervalSince1970: 0))
        try store.save(record, position: MultiDealPosition(tournament: "t-1", index: 0, repetition: 0))
        let taken = #expect(throws: StoreError.self) { try store.save(record, position: MultiDealPosition(tournament: "t-1", index: 0, repetition: 0)) }
        #expect(taken?.code == .positionTaken)
        #expect(try store.count() == 4, "nothing of the refused negotiation was stored")
        #expect(try store.completedMultiDeals(of: "t-1", total: 2).members == 1)
        #expect(try store.tournament("t-1").completed == 1)
    }

    // MARK: Tampering (SQLite, with raw SQL as someone with the sqlite3 tool could)

    func tampered(_ edit: @escaping @Sendable (Database) throws -> Void) async throws -> [VerificationFailure] {
        let path = try Support.storePath()
        let store = try SQLiteStore(path: path)
        try store.save(try await Self.negotiation())
        #expect(try store.verifyAll().failures.isEmpty)
        try await DatabaseQueue(path: path).write { db in try edit(db) }
        return try store.verifyAll().failures
    }

    @Test func anEditedSummaryIsDetected() async throws {
        let failures = try await tampered { db in
            let summary = try String.fetchOne(db, sql: "SELECT summary FROM multi_deals")!
            let edited = summary.replacingOccurrences(of: #""deals":"#, with: #""deals":1"#)
            #expect(edited != summary)
            try db.execute(sql: "UPDATE multi_deals SET summary = ?", arguments: [edited])
        }
        #expect(failures.map(\.code) == [.summaryMismatch] && failures.first?.multiDeal == 1, "\(failures)")
        #expect(failures.first?.description.hasPrefix("multi-deal 1: the multi-deal row's deals") == true)
    }

    @Test func anEditedSettlementRecordBreaksItsChain() async throws {
        let failures = try await tampered { db in
            let records = try String.fetchOne(db, sql: "SELECT records FROM multi_deals")!
            let edited = records.replacingOccurrences(of: #""welfare":"#, with: #""welfare":1"#)
            #expect(edited != records)
            try db.execute(sql: "UPDATE multi_deals SET records = ?", arguments: [edited])
        }
        #expect(failures.map(\.code) == [.brokenChain] && failures.first?.record == 1, "\(failures)")
    }

    @Test func aRemovedNegotiationBreaksItsSessionsSequence() async throws {
        let failures = try await tampered { db in try db.execute(sql: "DELETE FROM multi_deals") }
        #expect(failures.first?.code == .brokenSequence && failures.first?.session == 1, "\(failures)")
    }

    @Test func swappedEdgeSessionsAreNamed() async throws {
        let failures = try await tampered { db in try db.execute(sql: "UPDATE multi_deals SET sessions = '[2,1,3,4]'") }
        #expect(failures.contains { $0.code == .partMismatch && $0.multiDeal == 1 }, "\(failures)")
    }

    @Test func aRemovedEdgeSessionIsNamed() async throws {
        let failures = try await tampered { db in try db.execute(sql: "DELETE FROM sessions WHERE number = 4") }
        #expect(failures.contains { $0.code == .partMismatch && $0.reason.contains("session 4, which is not stored") }, "\(failures)")
    }

    /// A forger who rewrites the analysis and rebuilds the chain, its final hash and the summary row still fails:
    /// the analysis is recomputed from the edge sessions (and the edge sessions' sequence links name the old hash).
    @Test func aRechainedForgedAnalysisIsRecomputed() async throws {
        let failures = try await tampered { db in
            let records = try String.fetchOne(db, sql: "SELECT records FROM multi_deals")!
            let links = HashChain.link(records.split(separator: "\n").map(String.init))
            var settlement = try MultiDealChain.decode(links).settlement
            settlement.settlement.analysis.centreUtility += 0.25
            let bodies = [links[0].body, try CanonicalJSON.string(settlement)]
            var chain = PackedChain()
            for body in bodies { chain.append { $0 += body.utf8 } }
            try db.execute(
                sql: "UPDATE multi_deals SET records = ?, hashes = ?, final_hash = ?",
                arguments: [bodies.joined(separator: "\n"), Data(chain.hashes), chain.finalHash]
            )
        }
        #expect(failures.contains { $0.code == .settlementMismatch && $0.reason == "its analysis does not follow from its deals" }, "\(failures)")
        #expect(failures.contains { $0.code == .brokenSequence })
    }

    @Test("Merging copies a negotiation whole, with its edge sessions and signature, once")
    func merge() async throws {
        let key = SigningKey()
        let source = try SQLiteStore(path: Support.storePath())
        let (plain, profiles) = try await Support.session()
        try source.save(plain, profiles: profiles)
        let stored = try source.save(try await Self.negotiation(), signer: key)
        let target = try SQLiteStore(path: Support.storePath())
        let merged = try await target.merge([source])
        #expect(merged.copied == 5 && merged.copiedMultiDeals == 1)
        let copy = try target.multiDeal("1")
        #expect(copy.signature == stored.signature && copy.finalHash == stored.finalHash)
        #expect(try target.record(of: copy) == source.record(of: stored))
        #expect(try target.verifyAll(trusting: nil).failures.isEmpty)
        let again = try await target.merge([source])
        #expect(again.copied == 0 && again.copiedMultiDeals == 0 && again.alreadyStored == 5)
    }
}

import Foundation
import GRDB
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyAssembly
import ParleyProtocol
import ParleyRecords
import ParleyLedger
import ParleyStore
import ParleyTesting
import ParleyReports
import ParleyTournament
import Synchronization
import Testing

@Suite("Running tournaments")
struct TournamentRunnerTests {
    @Test func theSameSeedGivesTheSameLeaderboard() async throws {
        let plan = try TournamentSupport.plan()
        let first = try await TournamentSupport.run(plan, store: TournamentSupport.store())
        let second = try await TournamentSupport.run(plan, store: TournamentSupport.store(), jobs: 1, batchSize: 7)
        #expect(first.leaderboard.sessions == plan.total)
        #expect(first.leaderboard == second.leaderboard, "same seed, same leaderboard, whatever the jobs and batches")
        #expect(first.leaderboard.markdown == second.leaderboard.markdown)
        #expect(first.leaderboard.rows.map(\.agent).sorted() == plan.agents.map(\.description).sorted())
        let reseeded = try await TournamentSupport.run(try TournamentSupport.plan(seed: 99), store: TournamentSupport.store())
        #expect(reseeded.leaderboard != first.leaderboard, "random's sessions follow the seed")
    }

    @Test func theInMemoryStoreGivesTheSameLeaderboardAndReports() async throws {
        let plan = try TournamentSupport.plan(repetitions: 1)
        let onDisk = try await TournamentSupport.run(plan, store: TournamentSupport.store())
        let memory = InMemoryStore()
        let inMemory = try await TournamentSupport.run(plan, store: memory)
        #expect(inMemory.leaderboard == onDisk.leaderboard)
        #expect(inMemory.leaderboard.markdown == onDisk.leaderboard.markdown)
        #expect(try memory.verifyAll().failures.isEmpty)
    }

    @Test(arguments: [false, true])
    func everySessionIsStoredOnceWithItsEntryAndVerifies(inMemory: Bool) async throws {
        let plan = try TournamentSupport.plan(repetitions: 1)
        let store: any TranscriptStore = inMemory ? InMemoryStore() : try TournamentSupport.store()
        _ = try await TournamentSupport.run(plan, store: store)
        #expect(try store.count() == plan.total)
        var entries: [TournamentEntry] = []
        try store.forEachEntry(of: plan.id) { entries.append($0) }
        #expect(entries.map(\.index) == Array(0..<plan.total))
        for entry in entries {
            let session = try store.session(String(entry.session))
            #expect(session.seed == entry.seed && session.buyer == entry.buyer && session.seller == entry.seller)
            #expect(session.outcome == entry.outcome && session.turns == entry.turns)
        }
        let verified = try store.verifyAll()
        #expect(verified.checked == plan.total && verified.failures.isEmpty)
        #expect(try store.tournament(plan.id).completed == plan.total)
    }

    @Test func aStoredSessionReplaysAloneFromItsSeed() async throws {
        let plan = try TournamentSupport.plan(repetitions: 1)
        let store = try TournamentSupport.store()
        _ = try await TournamentSupport.run(plan, store: store)
        var entries: [TournamentEntry] = []
        try store.forEachEntry(of: plan.id) { entries.append($0) }
        for entry in entries where entry.index % 7 == 3 {
            let file = try #require(plan.scenarios.first { $0.scenario.id == entry.scenarioID })
            let match = Match(
                file: file, buyer: try StrategySource(AgentSpec(parsing: entry.buyer)), seller: try StrategySource(AgentSpec(parsing: entry.seller)),
                seed: entry.seed, landscape: try OutcomeLandscape(file: file)
            )
            let replay = try await Arbiter(clock: ManualClock(), logger: TournamentSupport.quiet).play(match)
            let stored = try store.record(of: store.session(String(entry.session))).record
            #expect(replay.transcript.entries.map(\.action) == stored.transcript.entries.map(\.action))
            #expect(replay.settlement.outcome == stored.settlement.outcome)
            #expect(replay.settlement.analysis?.buyer.utility == entry.buyerUtility)
        }
    }

    @Test func aRerunResumesAndPlaysOnlyWhatIsMissing() async throws {
        let plan = try TournamentSupport.plan()
        let store = try TournamentSupport.store()
        let uninterrupted = try await TournamentSupport.run(plan, store: TournamentSupport.store())
        _ = try await TournamentSupport.run(plan, store: store)
        // Lose a third of the sessions, as a kill before their batch committed would.
        try await DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE number IN (SELECT session FROM tournament_sessions WHERE idx % 3 = 1)")
        }
        let missing = (0..<plan.total).filter { $0 % 3 == 1 }.count
        #expect(try store.tournament(plan.id).completed == plan.total - missing)
        var runner = TournamentRunner(plan: plan, jobs: 2, logger: TournamentSupport.quiet)
        runner.batchSize = 5
        let progress = try await runner.run(store: store)
        #expect(progress.resumed == plan.total - missing)
        #expect(progress.played == missing)
        #expect(progress.stored == missing)
        #expect(try store.count() == plan.total)
        let again = try await runner.run(store: store)
        #expect(again.played == 0 && again.resumed == plan.total, "a finished tournament plays nothing more")
        #expect(try TournamentReport(store: store, tournament: plan.id).leaderboard == uninterrupted.leaderboard)
    }

    /// The leaderboard is computed from the tournament's entries, so an entry edited to flatter an agent must be
    /// caught, and named, by verification.
    @Test func anEditedTournamentEntryFailsVerification() async throws {
        let plan = try TournamentSupport.plan(repetitions: 1)
        let store = try TournamentSupport.store()
        _ = try await TournamentSupport.run(plan, store: store)
        #expect(try store.verifyAll().failures.isEmpty)
        let session = try await DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE tournament_sessions SET buyer_utility = 0.99 WHERE idx = 3")
            return try Int.fetchOne(db, sql: "SELECT session FROM tournament_sessions WHERE idx = 3")!
        }
        let failures = try store.verifyAll().failures
        #expect(failures.map(\.session) == [session])
        #expect(failures.first?.reason == "its entry in tournament \(plan.id) (position 3) has a buyerUtility that does not match the chained settlement")
        #expect(failures.first?.code == .entryMismatch)
    }

    @Test func theInjectedClockTimesEverySession() async throws {
        let plan = try TournamentSupport.plan(agents: "boulware,conceder", repetitions: 1)
        let store = try TournamentSupport.store()
        let progress = try await TournamentRunner(plan: plan, jobs: 2, logger: TournamentSupport.quiet).run(store: store, clock: ManualClock())
        #expect(progress.played == plan.total && progress.elapsed == 0)
        for session in try store.sessions() {
            let record = try store.record(of: session).record
            #expect(record.settlement.elapsed == 0 && record.transcript.entries.allSatisfy { $0.elapsed == 0 }, "no time passes on a manual clock")
        }
    }

    @Test func progressIsReportedUpToTheTotal() async throws {
        let plan = try TournamentSupport.plan(repetitions: 1)
        let seen = Mutex<[TournamentProgress]>([])
        let runner = TournamentRunner(plan: plan, jobs: 2, logger: TournamentSupport.quiet)
        let final = try await runner.run(store: TournamentSupport.store()) { progress in seen.withLock { $0.append(progress) } }
        let reports = seen.withLock { $0 }
        #expect(reports.map(\.played) == reports.map(\.played).sorted(), "never goes backwards")
        #expect(reports.last == final)
        #expect(final.played == plan.total && final.stored == plan.total && final.failures == 0)
    }

    @Test func anAgentThatCannotPlayIsRefusedBeforeAnySessionRuns() async throws {
        let plan = try TournamentSupport.plan(agents: "boulware,no-such-strategy")
        let store = try TournamentSupport.store()
        await #expect(throws: TournamentError.self) { try await TournamentSupport.run(plan, store: store) }
        #expect(try store.count() == 0)
        #expect(try store.tournaments().isEmpty, "nothing is registered either")
    }
}

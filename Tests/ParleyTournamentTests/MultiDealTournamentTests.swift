import Foundation
import Logging
import ParleyAssembly
import ParleyLedger
import ParleyProtocol
import ParleyReports
import ParleyTesting
import ParleyTournament
import Testing

@Suite("Multi-deal tournaments: centres and edge agents ranked apart, every negotiation stored and verified")
struct MultiDealTournamentTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func scenarios() throws -> [MultiDealScenario] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ["pumps-single-sourcing", "valves-split-order"].map { name in
            try WireCodec().decode(MultiDealScenario.self, from: Data(contentsOf: folder.appendingPathComponent("Examples/MultiDeal/\(name).json")))
        }
    }

    static func plan(edges: [String] = ["boulware", "conceder", "linear"], repetitions: Int = 1) throws -> MultiDealTournamentPlan {
        try MultiDealTournamentPlan(
            scenarios: try scenarios(), centres: ["per-edge+boulware", "best-standing+conceder"], edges: try edges.map { try AgentReference(parsing: $0) },
            repetitions: repetitions, seed: 7
        )
    }

    @Test("The rotations seat every edge agent at every edge once per centre, scenario and repetition")
    func rotations() throws {
        let plan = try Self.plan(repetitions: 2)
        #expect(plan.total == 2 * 2 * 3 * 2)
        let negotiations = (0..<plan.total).map(plan.negotiation(at:))
        for scenario in 0..<2 {
            for centre in 0..<2 {
                for repetition in 0..<2 {
                    let group = negotiations.filter { $0.scenario == scenario && $0.centre == centre && $0.repetition == repetition }
                    #expect(group.count == 3)
                    for edge in plan.scenarios[scenario].edges.indices {
                        #expect(Set(group.map { $0.edges[edge] }) == [0, 1, 2], "each agent once at edge \(edge)")
                    }
                }
            }
        }
        #expect(Set(negotiations.map(\.seed)).count == plan.total, "every negotiation its own seed")
        #expect(try Self.plan(repetitions: 2).id == plan.id, "the same plan, the same tournament")
        #expect(try Self.plan(repetitions: 3).id != plan.id)
        #expect(MultiDealTournamentPlan.Description.describes(plan: plan.planJSON))
        let duplicate = #expect(throws: TournamentError.self) { try Self.plan(edges: ["linear", "linear"]) }
        #expect(duplicate?.code == .duplicateAgent)
    }

    @Test("A tournament stores every negotiation at its position, verifies, ranks both sides from the store, and resumes")
    func runsAndResumes() async throws {
        let store = InMemoryStore()
        let plan = try Self.plan()
        var runner = MultiDealTournamentRunner(plan: plan, jobs: 2, logger: Self.logger)
        runner.batchSize = 5
        let progress = try await runner.run(store: store, clock: ManualClock())
        #expect(progress.played == plan.total && progress.stored == plan.total && progress.resumed == 0)
        let stored = try store.multiDeals()
        #expect(Set(stored.compactMap { $0.position?.index }) == Set(0..<plan.total))
        #expect(try store.count() == stored.reduce(0) { $0 + $1.sessions.count })
        let verification = try store.verifyAll()
        #expect(verification.failures.isEmpty && verification.multiDealsChecked == plan.total, "\(verification.failures)")

        let board = try MultiDealLeaderboard(store: store, tournament: plan.id)
        #expect(board.negotiations == plan.total)
        #expect(Set(board.centres.map(\.centre)) == ["per-edge+boulware", "best-standing+conceder"] && board.centres.allSatisfy { $0.negotiations == 6 })
        #expect(try board.edges.map(\.sessions).reduce(0, +) == store.count(), "every edge session counted once, for its agent")
        #expect(zip(board.centres, board.centres.dropFirst()).allSatisfy { $0.meanUtility >= $1.meanUtility })
        let centre = try #require(board.centres.first)
        let mine = stored.filter { $0.summary.centre == centre.centre }.map(\.summary.centreUtility)
        #expect(abs(centre.meanUtility - mine.reduce(0, +) / Double(mine.count)) < 1e-12)

        let again = try await runner.run(store: store, clock: ManualClock())
        #expect(again.played == 0 && again.resumed == plan.total, "nothing is played twice")
        #expect(try store.multiDeals().count == plan.total)
    }

    @Test("Two runs of one plan store the same negotiations, position by position")
    func replays() async throws {
        let plan = try Self.plan()
        let first = InMemoryStore(), second = InMemoryStore()
        for store in [first, second] {
            try await MultiDealTournamentRunner(plan: plan, jobs: 2, logger: Self.logger).run(store: store, clock: ManualClock())
        }
        let one = try first.multiDeals().sorted { $0.position!.index < $1.position!.index }.map(\.summary)
        let other = try second.multiDeals().sorted { $0.position!.index < $1.position!.index }.map(\.summary)
        #expect(one.map(\.multiDealID) == other.map(\.multiDealID))
        #expect(one.map(\.centreUtility) == other.map(\.centreUtility) && one.map(\.edges) == other.map(\.edges))
    }

    @Test("The report writes both leaderboards and one row per negotiation")
    func report() async throws {
        let store = InMemoryStore()
        let plan = try Self.plan()
        try await MultiDealTournamentRunner(plan: plan, jobs: 2, logger: Self.logger).run(store: store, clock: ManualClock())
        let report = try MultiDealTournamentReport(store: store, tournament: plan.id)
        #expect(report.table.contains("Centres (ranked") && report.table.contains("Edge agents (ranked") && report.table.contains("12 negotiations."))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-md-\(UUID().uuidString)")
        try report.write(to: folder, store: store)
        let rows = try String(contentsOf: folder.appendingPathComponent("negotiations.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == plan.total + 1 && rows[1].hasPrefix("0,0,"))
        let edges = try String(contentsOf: folder.appendingPathComponent("edges.csv"), encoding: .utf8).split(separator: "\n")
        #expect(edges.count == 4 && edges[0].hasPrefix("agent,sessions,mean_utility"))
        #expect(try String(contentsOf: folder.appendingPathComponent("multi-deal-leaderboard.md"), encoding: .utf8).contains("## Edge agents"))
    }
}

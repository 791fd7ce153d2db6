import ParleyAgents
import ParleyProtocol
import ParleyTesting
import Testing

@Suite("Strategy conformance")
struct ConformanceTests {
    @Test(arguments: StrategyRegistry.builtIns.names)
    func everyBuiltInConforms(name: String) async throws {
        let file = try Support.scenarioFile("industrial-components")
        let entry = try #require(StrategyRegistry.builtIns.entry(named: name))
        let problems = try await StrategyConformance.check(file: file) { context in
            try entry.make(StrategyParameters(strategy: name, values: [:]), context)
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Draws from the system's generator instead of its seed.
    struct Unseeded: Strategy {
        let index: BiddingIndex
        func respond(to view: TurnView) -> Action {
            .offer(index.terms(atRank: Int.random(in: index.count / 2..<index.count)))
        }
    }

    /// Offers its worst terms.
    struct Reckless: Strategy {
        let index: BiddingIndex
        func respond(to view: TurnView) -> Action { .offer(index.terms(atRank: 0)) }
    }

    @Test func nondeterminismIsCaught() async throws {
        let file = try Support.scenarioFile("reference-supply")
        let problems = try await StrategyConformance.check(file: file, make: { try Unseeded(index: $0.biddingIndex()) }, opponents: ["hardliner"], seeds: [1])
        #expect(problems.contains { $0.contains("the same seed gave a different session") })
    }

    @Test func offersBelowTheReservationValueAreCaught() async throws {
        let file = try Support.scenarioFile("industrial-components")
        let problems = try await StrategyConformance.check(file: file, make: { try Reckless(index: $0.biddingIndex()) }, opponents: ["hardliner"], seeds: [1])
        #expect(problems.contains { $0.contains("offered terms below its reservation value") })
    }
}

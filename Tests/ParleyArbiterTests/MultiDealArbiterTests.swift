import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Testing

@Suite("Multi-deal negotiations through the arbiter: a centre and its edges, in parallel and in sequence")
struct MultiDealArbiterTests {
    static let arbiter = Arbiter(clock: ContinuousClock(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    static let indexes = BiddingIndexCache()

    static func scenario(_ name: String, mode: MultiDealScenario.Mode) throws -> MultiDealScenario {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var scenario = try JSONDecoder().decode(MultiDealScenario.self, from: Data(contentsOf: folder.appendingPathComponent("Examples/MultiDeal/\(name).json")))
        scenario.mode = mode
        return scenario
    }

    static func source(_ spec: String) throws -> StrategySource {
        try StrategySource(AgentSpec(parsing: spec), indexes: indexes)
    }

    static func play(_ scenario: MultiDealScenario, rule: CentreRule, edges: [any AgentSource], seed: UInt64 = 1) async throws -> MultiDealRecord {
        let centre = CentreSource(rule: rule, agent: try source("boulware"), indexes: indexes)
        return try await arbiter.play(MultiDealMatch(scenario: scenario, centre: centre, edges: edges, seed: seed))
    }

    @Test("Single sourcing: one deal, every other session superseded naming it, and the analysis adds up", arguments: MultiDealScenario.Mode.allCases)
    func singleSourcing(mode: MultiDealScenario.Mode) async throws {
        let scenario = try Self.scenario("pumps-single-sourcing", mode: mode)
        let record = try await Self.play(scenario, rule: .bestStanding, edges: try ["boulware", "conceder", "linear"].map(Self.source))
        #expect(record.settlement.deals.count == 1)
        let deal = try #require(record.settlement.deals.first)
        for session in record.sessions where session.edge != deal.edge {
            switch session.end {
            case .superseded(let supersession):
                #expect(supersession == Supersession(cause: .needMet, after: deal.edge))
                #expect(session.record.settlement.outcome == .walkAway(by: .buyer, reason: supersession.description), "its agents were told the centre left")
            case .outcome(let outcome):
                #expect(outcome.agreement == nil, "only one deal under single sourcing")
            }
        }
        let analysis = record.settlement.analysis
        let edge = try #require(scenario.edges.first { $0.id == deal.edge })
        let centreUtility = try UtilityFunction(profile: edge.scenario.profile(for: .buyer)!, scenario: edge.scenario.scenario).utility(of: deal.agreement.terms)
        #expect(analysis.centreUtility == centreUtility)
        #expect((analysis.regret ?? -1) >= -1e-12 && (analysis.best ?? 0) >= analysis.centreUtility, "the edges are rational: nothing beats the best")
        #expect(abs(analysis.welfare - analysis.centreUtility - analysis.edges.reduce(0) { $0 + $1.utility }) < 1e-12)
        if mode == .sequential {
            let dealt = try #require(record.sessions.firstIndex { $0.edge == deal.edge })
            #expect(record.sessions.dropFirst(dealt + 1).allSatisfy { $0.record.settlement.turns == 0 }, "sessions after the deal never started")
        }
    }

    @Test("A split order: under every rule and mode the centre never holds more than it needs, and a replay is the same negotiation")
    func splitOrder() async throws {
        for mode in MultiDealScenario.Mode.allCases {
            for rule in CentreRule.allCases {
                let scenario = try Self.scenario("valves-split-order", mode: mode)
                let edges = try ["conceder", "linear", "boulware", "conceder"].map(Self.source)
                let record = try await Self.play(scenario, rule: rule, edges: edges, seed: 9)
                let total = record.settlement.deals.reduce(0) { $0 + ($1.quantity ?? 0) }
                #expect(total <= 1000, "\(rule) \(mode): \(total)")
                #expect(record.sessions.count == 4)
                for session in record.sessions {
                    if case .superseded(let supersession) = session.end {
                        #expect(record.settlement.deals.contains { $0.edge == supersession.after }, "a superseded session names a deal that was made")
                    }
                }
                let again = try await Self.play(scenario, rule: rule, edges: edges, seed: 9)
                #expect(again.sessions.map(\.end) == record.sessions.map(\.end) && again.settlement.deals == record.settlement.deals)
                #expect(again.sessions.map { $0.record.transcript.entries.map(\.action) } == record.sessions.map { $0.record.transcript.entries.map(\.action) })
            }
        }
    }

    @Test("An edge whose agent fails ends only its own session; the others go on")
    func aFailingEdgeEndsOnlyItsSession() async throws {
        let scenario = try Self.scenario("pumps-single-sourcing", mode: .parallel)
        let record = try await Self.play(scenario, rule: .perEdge, edges: [Broken(), try Self.source("conceder"), try Self.source("conceder")])
        #expect(record.sessions[0].end == .outcome(.failure(by: .seller, error: "the model fell over")))
        #expect(record.settlement.deals.count == 1 && record.settlement.deals[0].edge != "acme-pumps")
    }
}

/// An edge agent that throws on its first turn.
private struct Broken: AgentSource {
    var descriptor: AgentDescriptor { AgentDescriptor(strategy: "broken", spec: "broken") }
    var needsProfile: Bool { false }

    func makeStrategy(for seat: Seat) throws -> any Strategy { ThrowingStrategy() }
}

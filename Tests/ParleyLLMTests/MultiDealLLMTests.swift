import Foundation
import Logging
import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyLLM
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import ScriptedChatServer
import Testing

@Suite("Multi-deal negotiations with LLM edges: unchanged agents, their mandate held, the centre within its need")
struct MultiDealLLMTests {
    @Test func llmEdgesNegotiateWithTheCentre() async throws {
        // A model that accepts whatever stands: the rules and the mandate decide what happens.
        let server = ScriptedChatServer { _, _ in .content(LLMSupport.reply("accept", note: "Deal.")) }
        try await LLMSupport.withServer(server) { url in
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let scenario = try JSONDecoder().decode(MultiDealScenario.self, from: Data(contentsOf: folder.appendingPathComponent("Examples/MultiDeal/pumps-single-sourcing.json")))
            let factory = AgentFactory(clock: ImmediateClock())
            let llm = try factory.source(for: .file(AgentFile(
                name: "llm-supplier", strategy: AgentFile.llmStrategy,
                llm: LLMConfiguration(baseURL: url, model: "scripted", maxAttempts: 2, maxRetries: 0, fallback: "boulware")
            )))
            let arbiter = Arbiter(clock: ContinuousClock(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
            let record = try await arbiter.play(MultiDealMatch(
                scenario: scenario, centre: try factory.centre(for: "best-standing+boulware"), edges: [llm, llm, try factory.source(for: .strategy(AgentSpec(strategy: "conceder")))],
                seed: 2
            ))
            #expect(record.settlement.deals.count == 1)
            for (position, session) in record.sessions.enumerated() where position < 2 {
                let moves = session.record.transcript.entries.filter { $0.by == .seller }
                #expect(moves.allSatisfy { $0.trace != nil }, "every LLM edge move carries its trace")
                let edge = scenario.edges[position].scenario
                let utility = try UtilityFunction(profile: edge.profile(for: .seller)!, scenario: edge.scenario)
                if let terms = session.end.agreement?.terms {
                    #expect(try #require(utility.utility(of: terms)) >= utility.reservation, "the LLM edge's mandate held")
                }
            }
            let refused = record.sessions.flatMap { $0.record.transcript.entries.compactMap(\.trace) }.flatMap(\.attempts).compactMap(\.rejection?.code)
            #expect(refused.contains(LLMRejection.outOfMandate), "accepting the centre's opening offers breaks the edge's mandate, and is refused")
            #expect(server.received.count > 0)
        }
    }
}

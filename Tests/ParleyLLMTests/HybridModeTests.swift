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

/// Hybrid LLM agents: the strategy decides the numbers, the model the note or a pick among the strategy's moves.
@Suite("Hybrid LLM agents: a strategy decides every number, the model writes the note or picks among the strategy's moves")
struct HybridModeTests {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func file(_ url: String, mode: HybridMode, band: Double = 0.05, choices: Int = 5) -> AgentFile {
        AgentFile(
            name: "hybrid", strategy: AgentFile.llmStrategy,
            llm: LLMConfiguration(baseURL: url, model: "scripted", maxAttempts: 2, maxRetries: 0, fallback: "boulware", mode: mode, band: band, choices: choices)
        )
    }

    /// Plays the buyer `buyer` against conceder on the test scenario.
    static func play(buyer: AgentReference, seed: UInt64 = 5) async throws -> SessionRecord {
        let factory = AgentFactory(clock: ImmediateClock())
        let arbiter = Arbiter(clock: ContinuousClock(), logger: quiet)
        return try await arbiter.play(
            Match(file: LLMSupport.file, buyer: try factory.source(for: buyer), seller: try factory.source(for: .strategy(AgentSpec(strategy: "conceder"))), seed: seed)
        )
    }

    @Test("In note mode every move is the strategy's, to the last number; the model's notes go with them, leaks withheld")
    func noteModeKeepsTheStrategysMoves() async throws {
        let server = ScriptedChatServer { _, index in
            .content(#"{"reasoning": "keep it friendly", "note": "\#(index % 5 == 4 ? "Our reservation is 0.5." : "We value working with you.")"}"#)
        }
        try await LLMSupport.withServer(server) { url in
            let hybrid = try await Self.play(buyer: .file(Self.file(url, mode: .note)))
            let plain = try await Self.play(buyer: .strategy(AgentSpec(strategy: "boulware")))
            let moves = hybrid.transcript.entries.map { $0.action.move }
            #expect(moves == plain.transcript.entries.map { $0.action.move }, "the same moves, offer for offer, as boulware alone")
            #expect(hybrid.settlement.outcome == plain.settlement.outcome)
            let buyerEntries = hybrid.transcript.entries.filter { $0.by == .buyer }
            #expect(buyerEntries.count >= 5)
            #expect(buyerEntries.allSatisfy { $0.trace?.decidedBy == .strategy })
            let withheld = buyerEntries.filter { $0.trace?.noteRedacted == true }
            #expect(!withheld.isEmpty && withheld.allSatisfy { $0.action.note == nil }, "the leaking notes are withheld")
            #expect(buyerEntries.filter { $0.trace?.noteRedacted == false }.allSatisfy { $0.action.note == "We value working with you." })
            let request = try #require(server.received.first)
            #expect(request.messages.last?.content.contains("Your move this turn: offer") == true)
            #expect(Set((request.schema?["properties"] as? [String: Any] ?? [:]).keys) == ["reasoning", "note"])
        }
    }

    @Test("In choose mode every move played is one the strategy offered: its own or one within the band, never below the walk-away value")
    func chooseModeStaysWithinTheBand() async throws {
        let band = 0.05
        let server = ScriptedChatServer { request, index in
            // Picks at random among the listed moves, and now and then a number that is not on the list.
            let listed = request.messages.last?.content.split(separator: "\n").filter { $0.first?.isNumber == true && $0.contains(". ") }.count ?? 1
            let choice = index % 7 == 6 ? 9 : (index * 5 + 3) % max(listed, 1) + 1
            return .content(#"{"reasoning": "try this", "choice": \#(choice), "note": "How about this?"}"#)
        }
        try await LLMSupport.withServer(server) { url in
            let record = try await Self.play(buyer: .file(Self.file(url, mode: .choose, band: band, choices: 4)))
            let context = try LLMSupport.context(.buyer)
            var strategy = try StrategyRegistry.builtIns.makeStrategy(AgentSpec(strategy: "boulware"), context: context)
            let entries = record.transcript.entries
            var picked = 0
            for (position, entry) in entries.enumerated() where entry.by == .buyer {
                let history = Array(entries[..<position])
                let view = TurnView(scenario: LLMSupport.file.scenario, role: .buyer, turn: position + 1, history: history, elapsed: .zero)
                let proposal = try await strategy.respond(to: view)
                let trace = try #require(entry.trace)
                guard case .offer(let proposed) = proposal.move, let target = context.utility.utility(of: proposed) else {
                    #expect(entry.action.move == proposal.move, "a strategy's acceptance or walk-away is played as it is")
                    continue
                }
                switch entry.action.move {
                case .offer(let terms):
                    let worth = try #require(context.utility.utility(of: terms))
                    #expect(abs(worth - target) <= band + 1e-9, "turn \(entry.turn): \(worth) against the strategy's \(target)")
                    #expect(worth >= context.utility.reservation)
                case .accept:
                    let standing = try #require(view.standingOffer)
                    #expect(try #require(context.utility.utility(of: standing)) >= max(target - band, context.utility.reservation) - 1e-9)
                case .walkAway:
                    Issue.record("the model cannot walk away when the strategy offers")
                }
                if trace.decidedBy == .model { picked += 1 }
                #expect((trace.choices ?? 0) <= 4)
            }
            #expect(picked >= 5, "the model made the picks")
            let refused = entries.compactMap(\.trace).flatMap(\.attempts).compactMap(\.rejection)
            #expect(refused.contains { $0.code == LLMRejection.invalidAction && $0.message.contains("\"choice\" must be from 1 to") })
            let schema = try #require(server.received.first?.schema?["properties"] as? [String: Any])
            #expect((schema["choice"] as? [String: Any])?["maximum"] as? Int == 4)
        }
    }

    @Test("When the model cannot answer, the hybrid agent plays the strategy's move without a note")
    func anUnreachableModelLeavesTheStrategysMove() async throws {
        let server = ScriptedChatServer { _, _ in .error(status: 401, type: "invalid_request_error", message: "no key") }
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url) { $0.mode = .choose; $0.fallback = "boulware" }
            let action = try await agent.respond(to: LLMSupport.view())
            var boulware = try StrategyRegistry.builtIns.makeStrategy(AgentSpec(strategy: "boulware"), context: try LLMSupport.context())
            #expect(action == (try await boulware.respond(to: LLMSupport.view())))
            #expect(action.note == nil)
            #expect(agent.lastDecision?.decidedBy == .fallback)
            #expect(agent.lastDecision?.fallbackReason?.contains("HTTP 401") == true)
        }
    }

    @Test("An agent file's hybrid settings are checked")
    func settingsAreChecked() {
        var configuration = LLMConfiguration(baseURL: "http://127.0.0.1:9", model: "m", mode: .choose, band: 0.6, choices: 1)
        #expect(configuration.problems().contains("$.band: must be from 0 to 0.5"))
        #expect(configuration.problems().contains("$.choices: must be from 2 to 9"))
        configuration.band = 0.1
        configuration.choices = 3
        #expect(configuration.problems().isEmpty)
    }
}

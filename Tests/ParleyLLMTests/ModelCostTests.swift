import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyAssembly
import ParleyLLM
import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyReports
import ParleyStore
import ParleyTesting
import ParleyTournament
import ScriptedChatServer
import Testing

@Suite("LLM agents: tokens, cost and latency per request, session and agent")
struct ModelCostTests {
    static let euros = ModelPrices(prompt: 0.5, completion: 1.5, currency: Currency(rawValue: "EUR"))

    @Test("A request's cost is its tokens over 1,000 times each price")
    func costArithmetic() {
        #expect(Self.euros.cost(promptTokens: 1200, completionTokens: 300) == 1.05)
        #expect(Self.euros.cost(promptTokens: 0, completionTokens: 0) == 0)
        #expect(ModelPrices(prompt: 0.00015, completion: 0.0006).cost(promptTokens: 1_000_000, completionTokens: 100_000) == 0.15 + 0.06)
        #expect(ModelPrices(prompt: 0.00015, completion: 0.0006).currency == Currency(rawValue: "USD"))
    }

    @Test("Prices that are negative, not finite or in no currency are refused with their path")
    func pricesAreChecked() throws {
        var configuration = LLMConfiguration(baseURL: "http://127.0.0.1:9", model: "m")
        configuration.prices = ModelPrices(prompt: -1, completion: .infinity, currency: Currency(rawValue: "euro"))
        let problems = configuration.problems()
        #expect(problems.contains("$.prices.prompt: must be a price from 0 to 1000000 per 1,000 tokens"))
        #expect(problems.contains("$.prices.completion: must be a price from 0 to 1000000 per 1,000 tokens"))
        #expect(problems.contains("$.prices.currency: must be an ISO 4217 code such as USD"))
        let decoded = try JSONDecoder().decode(LLMConfiguration.self, from: Data(#"{"baseURL": "http://x:1", "model": "m", "prices": {"prompt": 0.1, "completion": 0.2}}"#.utf8))
        #expect(decoded.prices == ModelPrices(prompt: 0.1, completion: 0.2))
    }

    @Test("Each attempt records its cost at the agent file's prices; without reported tokens, none")
    func attemptsCarryTheirCost() async throws {
        let offer = try LLMSupport.terms(worth: 0.9)
        let server = ScriptedChatServer(replies: [
            .content("not json", promptTokens: 1000, completionTokens: 200),
            .content(LLMSupport.reply("offer", terms: offer), promptTokens: 1200, completionTokens: 300),
        ])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url) { $0.prices = Self.euros }
            _ = try await agent.respond(to: LLMSupport.view())
            let trace = try #require(agent.lastDecision)
            #expect(trace.attempts.map(\.cost) == [0.8, 1.05])
            #expect(trace.currency == Currency(rawValue: "EUR"))
            let usage = try #require(ModelUsage(entries: [TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .offer(offer), elapsed: 0, trace: trace)], side: .buyer))
            #expect(usage.requests == 2 && usage.promptTokens == 2200 && usage.completionTokens == 500)
            #expect(abs((usage.cost ?? 0) - 1.85) < 1e-12 && usage.currency == Currency(rawValue: "EUR"))
            #expect(usage.modelMoves == 1 && usage.fallbackMoves == 0)
        }
        let unpriced = ScriptedChatServer(replies: [.raw(status: 200, body: #"{"choices": [{"message": {"role": "assistant", "content": "{}"}}]}"#, contentType: "application/json")])
        try await LLMSupport.withServer(unpriced) { url in
            var agent = try LLMSupport.agent(url) { $0.prices = Self.euros; $0.maxAttempts = 1 }
            _ = try await agent.respond(to: LLMSupport.view())
            #expect(agent.lastDecision?.attempts.first?.cost == nil, "no tokens reported, no cost invented")
        }
    }

    @Test("A session's usage per side counts requests, tokens, refusals, withheld notes and who decided")
    func usagePerSide() {
        let refused = DecisionAttempt(number: 1, asked: "q", latency: 0.5, promptTokens: 100, completionTokens: 10, cost: 0.2, rejection: .init(code: LLMRejection.outOfMandate, message: "x"))
        let played = DecisionAttempt(number: 2, asked: "q", latency: 1.5, promptTokens: 120, completionTokens: 20, cost: 0.3)
        let usd = Currency(rawValue: "USD")
        let entries = [
            TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .walkAway(), elapsed: 0, trace: DecisionTrace(decidedBy: .model, attempts: [refused, played], noteRedacted: true, currency: usd)),
            TranscriptEntry(turn: 2, round: 1, by: .seller, action: .walkAway(), elapsed: 0),
            TranscriptEntry(turn: 3, round: 2, by: .buyer, action: .walkAway(), elapsed: 0, trace: DecisionTrace(decidedBy: .fallback, attempts: [], fallbackReason: "x", currency: usd)),
        ]
        let usage = ModelUsage(entries: entries, side: .buyer)
        #expect(usage?.requests == 2 && usage?.tokens == 250 && usage?.cost == 0.5 && usage?.currency == usd)
        #expect(usage?.latency == 2 && usage?.slowest == 1.5 && usage?.meanLatency == 1)
        #expect(usage?.modelMoves == 1 && usage?.fallbackMoves == 1 && usage?.mandateRefusals == 1 && usage?.notesWithheld == 1)
        #expect(ModelUsage(entries: entries, side: .seller) == nil, "a side that consulted no model has no usage")

        var total = ModelUsage()
        total.add(usage!)
        total.add(usage!)
        #expect(total.cost == 1.0 && total.requests == 4 && total.currency == usd)
        var euros = usage!
        euros.currency = Currency(rawValue: "EUR")
        total.add(euros)
        #expect(total.cost == nil && total.currency == nil, "no sum across currencies")
    }

    @Test("A tournament's leaderboard reports each LLM agent's tokens, cost and latency, summed from its stored transcripts")
    func leaderboardReportsUsage() async throws {
        let server = ScriptedChatServer { _, index in
            .content(LLMSupport.reply(index % 3 == 2 ? "accept" : "walkAway"), promptTokens: 1000, completionTokens: 100)
        }
        try await LLMSupport.withServer(server) { url in
            let file = AgentFile(
                name: "priced", strategy: AgentFile.llmStrategy,
                llm: LLMConfiguration(baseURL: url, model: "scripted", maxAttempts: 1, maxRetries: 0, fallback: "conceder", prices: Self.euros)
            )
            let store = try SQLiteStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("usage-\(UUID()).sqlite").path)
            let plan = try TournamentPlan(scenarios: [LLMSupport.file], agents: [.file(file), .strategy(AgentSpec(strategy: "boulware"))], repetitions: 2)
            var runner = TournamentRunner(plan: plan, jobs: 2, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
            runner.factory = AgentFactory(clock: ImmediateClock())
            _ = try await runner.run(store: store)
            let leaderboard = try TournamentReport(store: store, tournament: plan.id).leaderboard
            let row = try #require(leaderboard.rows.first { $0.agent == "priced" })
            let usage = try #require(row.modelUsage)
            var requests = 0
            for session in try store.sessions() {
                let (record, _) = try store.record(of: session)
                for side in Role.allCases where record.transcript.header.agent(side).spec == "priced" {
                    requests += ModelUsage(entries: record.transcript.entries, side: side)?.requests ?? 0
                }
            }
            #expect(usage.requests == requests && requests == server.received.count)
            #expect(usage.promptTokens == 1000 * requests && usage.completionTokens == 100 * requests)
            #expect(abs((usage.cost ?? 0) - 0.65 * Double(requests)) < 1e-9 && usage.currency == Currency(rawValue: "EUR"))
            #expect(leaderboard.rows.first { $0.agent == "boulware" }?.modelUsage == nil)
            #expect(leaderboard.table.contains("tokens/session") && leaderboard.table.contains("EUR"))
            #expect(leaderboard.csv.contains(",llm_cost,"))
            #expect(try store.verifyAll().failures.isEmpty, "the stored usage agrees with the transcripts")
        }
    }
}

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
import ParleyStore
import ParleyTesting
import ParleyReports
import ParleyTournament
import ScriptedChatServer
import Testing

/// Whole sessions through the arbiter against a model that answers anything at all.
@Suite("LLM agent: the mandate holds in whole sessions")
struct MandateSessionTests {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// A model that answers at random: offers anywhere in the space (often below the reservation value),
    /// accepts whatever stands, walks away now and then, writes garbage, leaks its limits, or breaks the domain.
    static func adversary(seed: UInt64) throws -> @Sendable (ScriptedChatServer.Received, Int) -> ScriptedChatServer.Reply {
        let index = try LLMSupport.context(.buyer).biddingIndex()
        return { _, request in
            var random = SeededGenerator(seed: SeededGenerator.derive(seed, UInt64(request)))
            let terms = index.terms(atRank: Int.random(in: 0..<index.count, using: &random))
            switch Int.random(in: 0..<40, using: &random) {
            case 0..<16: return .content(LLMSupport.reply("offer", terms: terms, note: "Take it: 0.5 is my reservation."))
            case 16..<30: return .content(LLMSupport.reply("accept", note: "Deal."))
            case 30: return .content(LLMSupport.reply("walkAway"))
            case 31..<33: return .content("sure, whatever you say")
            case 33..<35: return .content(LLMSupport.reply("offer", terms: Terms(["price": .integer(1)])))
            case 35..<37: return .error(status: 500, type: "server_error", message: "flaky")
            default: return .noChoices
            }
        }
    }

    static func llmFile(_ url: String, name: String = "llm") -> AgentFile {
        AgentFile(name: name, strategy: AgentFile.llmStrategy, llm: LLMConfiguration(baseURL: url, model: "adversary", maxAttempts: 2, maxRetries: 0, fallback: "conceder"))
    }

    @Test(arguments: [Role.buyer, .seller])
    func noSettlementGivesTheLLMAgentLessThanItsReservation(role: Role) async throws {
        let server = ScriptedChatServer(responder: try Self.adversary(seed: role == .buyer ? 11 : 12))
        try await LLMSupport.withServer(server) { url in
            let factory = AgentFactory(clock: ImmediateClock())
            let arbiter = Arbiter(clock: ContinuousClock(), logger: Self.quiet)
            let file = LLMSupport.file
            let llm = try factory.source(for: .file(Self.llmFile(url)))
            var agreements = 0, modelMoves = 0, refusals = 0
            for seed in UInt64(1)...40 {
                let opponent = try factory.source(for: .strategy(AgentSpec(strategy: ["conceder", "linear", "random", "tit-for-tat"][Int(seed) % 4])))
                let (buyer, seller) = role == .buyer ? (llm, opponent) : (opponent, llm)
                let record = try await arbiter.play(Match(file: file, buyer: buyer, seller: seller, seed: seed))
                let utility = try LLMSupport.context(role).utility
                if let terms = record.settlement.outcome.agreement?.terms {
                    agreements += 1
                    #expect(utility.utility(of: terms)! >= utility.reservation, "session \(seed) settled below the reservation value")
                }
                for entry in record.transcript.entries where entry.by == role {
                    let trace = try #require(entry.trace, "every move of the LLM agent carries its trace")
                    if trace.decidedBy == .model { modelMoves += 1 }
                    refusals += trace.attempts.filter { $0.rejection?.code == LLMRejection.outOfMandate }.count
                    #expect(entry.action.note?.contains("reservation") != true, "a note naming the reservation never reaches the opponent")
                    #expect(entry.violation == nil, "the agent never breaks the rules")
                }
                #expect(record.transcript.entries.allSatisfy { $0.by == role || $0.trace == nil })
            }
            #expect(agreements >= 10, "enough sessions settle for the check to mean something (\(agreements))")
            #expect(modelMoves >= 20 && refusals >= 20, "the model both moved (\(modelMoves)) and was refused (\(refusals))")
        }
    }

    @Test func aTournamentWithAnLLMAgentStoresEverySessionWithItsAttempts() async throws {
        let server = ScriptedChatServer(responder: try Self.adversary(seed: 5))
        try await LLMSupport.withServer(server) { url in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-llm-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try SQLiteStore(path: folder.appendingPathComponent("parley.sqlite").path)
            let plan = try TournamentPlan(
                scenarios: [LLMSupport.file], agents: [.file(Self.llmFile(url, name: "llm-adversary")), .strategy(AgentSpec(strategy: "boulware")),
                    .strategy(AgentSpec(strategy: "conceder"))], repetitions: 2
            )
            var runner = TournamentRunner(plan: plan, jobs: 2, logger: Self.quiet)
            runner.factory = AgentFactory(clock: ImmediateClock())
            let progress = try await runner.run(store: store)
            #expect(progress.played == plan.total && plan.total == 12)
            #expect(try store.count() == plan.total)
            #expect(try store.verifyAll().failures.isEmpty, "the traces are inside the verified hash chain")

            let llmSessions = try store.sessions().filter { $0.buyer == "llm-adversary" || $0.seller == "llm-adversary" }
            #expect(llmSessions.count == 8)
            for session in llmSessions {
                let (record, _) = try store.record(of: session)
                let side: Role = session.buyer == "llm-adversary" ? .buyer : .seller
                #expect(record.transcript.header.agent(side) == AgentDescriptor(strategy: "llm", spec: "llm-adversary"))
                let traces = record.transcript.entries.filter { $0.by == side }.compactMap(\.trace)
                #expect(!traces.isEmpty && traces.count == record.transcript.entries.filter { $0.by == side }.count)
                #expect(traces.flatMap(\.attempts).allSatisfy { $0.latency >= 0 && !$0.asked.isEmpty })
            }
            let board = try TournamentReport(store: store, tournament: plan.id).leaderboard
            #expect(board.rows.contains { $0.agent == "llm-adversary" })
        }
    }

    @Test func aTraceIsHashedLikeEveryOtherField() throws {
        let attempt = DecisionAttempt(number: 1, asked: "Turn 1.", reply: "{\"action\":\"accept\"}", status: 200, latency: 0.25, promptTokens: 10,
            completionTokens: 5, rejection: .init(code: LLMRejection.outOfMandate, message: "no"))
        let entry = TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .walkAway(), elapsed: 0.5,
            trace: DecisionTrace(decidedBy: .fallback, attempts: [attempt], fallbackReason: "why"))
        let plain = TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .walkAway(), elapsed: 0.5)
        #expect(try CanonicalJSON.string(entry) != CanonicalJSON.string(plain))
        #expect(try CanonicalJSON.string(entry).contains(#""trace":{"attempts":[{"asked":"Turn 1.","completionTokens":5,"#))
        let decoded = try JSONDecoder().decode(TranscriptEntry.self, from: try CanonicalJSON.encode(entry))
        #expect(decoded == entry)
    }
}

import Foundation
import ParleyAgents
import ParleyArbiter
import ParleyHTTPClient
import ParleyLLM
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import ScriptedChatServer

/// LLM agents wired to a scripted chat-completions server on a free loopback port.
enum LLMSupport {
    static let client = HTTPClient()

    /// The reference scenario with reservation values the mandate can bite on: 0.5 for the buyer, 0.4 for the seller.
    static let file: ScenarioFile = {
        var file = ReferenceScenarios.reference
        file.profiles[.buyer]?.reservation = 0.5
        file.profiles[.seller]?.reservation = 0.4
        return file
    }()

    static func context(_ role: Role = .buyer, file: ScenarioFile = file, seed: UInt64 = 7) throws -> AgentContext {
        try AgentContext(scenario: file.scenario, role: role, profile: file.profile(for: role)!, seed: seed, indexes: BiddingIndexCache())
    }

    /// An LLM agent on a server's base URL; the fallback is `boulware` unless told.
    static func agent<C: Clock>(
        _ url: String, role: Role = .buyer, clock: C, apiKey: String? = nil, gate: EndpointGate? = nil,
        _ adjust: (inout LLMConfiguration) -> Void = { _ in }
    ) throws -> LLMAgent<C> where C.Duration == Duration {
        var configuration = LLMConfiguration(baseURL: url, model: "test-model", turnTimeLimit: 10)
        adjust(&configuration)
        let context = try context(role)
        let fallback = try StrategyRegistry.builtIns.makeStrategy(try AgentSpec(parsing: configuration.fallback), context: context)
        return LLMAgent(configuration: configuration, context: context, fallback: fallback, apiKey: apiKey, client: client, gate: gate, clock: clock)
    }

    static func agent(
        _ url: String, role: Role = .buyer, apiKey: String? = nil, gate: EndpointGate? = nil, _ adjust: (inout LLMConfiguration) -> Void = { _ in }
    ) throws -> LLMAgent<ContinuousClock> {
        try agent(url, role: role, clock: ContinuousClock(), apiKey: apiKey, gate: gate, adjust)
    }

    /// The buyer's opening view, or a later one after `history`.
    static func view(_ role: Role = .buyer, history: [TranscriptEntry] = []) -> TurnView {
        TurnView(scenario: file.scenario, role: role, turn: history.count + 1, history: history, elapsed: .zero)
    }

    /// Terms worth at least `utility` to a side.
    static func terms(worth utility: Double, to role: Role = .buyer) throws -> Terms {
        try context(role).biddingIndex().terms(nearestAtOrAbove: utility)
    }

    /// The worst terms for a side: below any positive reservation value.
    static func worstTerms(for role: Role = .buyer) throws -> Terms {
        try context(role).biddingIndex().terms(atRank: 0)
    }

    static func utility(of terms: Terms, to role: Role = .buyer) throws -> Double {
        try context(role).utility.utility(of: terms)!
    }

    /// A reply as the model writes it.
    static func reply(_ action: String, terms: Terms? = nil, note: String? = nil, reasoning: String = "thinking") -> String {
        var object: [String: Any] = ["reasoning": reasoning, "action": action, "terms": NSNull(), "note": note ?? NSNull()]
        if let terms { object["terms"] = terms.values.mapValues { value -> Any in
            switch value {
            case .integer(let number): number
            case .option(let name): name
            }
        } }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `body` with a started server, stopping it afterwards.
    static func withServer<T>(_ server: ScriptedChatServer, _ body: (String) async throws -> T) async throws -> T {
        let url = try await server.start()
        do {
            let result = try await body(url)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

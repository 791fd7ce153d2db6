public import ParleyAgents
public import ParleyLLM

/// An agent described in a JSON file, usable wherever an agent is named (`--buyer agents/tough.json`): a
/// built-in strategy with its parameters, or an LLM agent with its endpoint, model and limits.
///
/// ```json
/// {"name": "patient-boulware", "strategy": "boulware", "parameters": {"e": 0.1}}
///
/// {"name": "llm-buyer", "strategy": "llm",
///  "llm": {"baseURL": "http://127.0.0.1:11434", "model": "llama3.1:8b", "fallback": "boulware"}}
/// ```
/// Parameters may be written as numbers or strings. The `llm` object is an ``LLMConfiguration``; see
/// `Examples/Agents/` for complete files.
public struct AgentFile: Sendable, Hashable, Codable {
    /// The strategy name of LLM agents.
    public static let llmStrategy = "llm"

    /// The agent's name in transcripts and leaderboards; unique within a tournament.
    public var name: String
    /// A built-in strategy's name, or `llm`.
    public var strategy: String
    /// The strategy's parameters, as text.
    public var parameters: [String: String]
    /// The LLM agent's configuration, for `strategy: "llm"`.
    public var llm: LLMConfiguration?

    /// Creates an agent file.
    public init(name: String, strategy: String, parameters: [String: String] = [:], llm: LLMConfiguration? = nil) {
        self.name = name
        self.strategy = strategy
        self.parameters = parameters
        self.llm = llm
    }

    private enum CodingKeys: String, CodingKey {
        case name, strategy, parameters, llm
    }

    /// A parameter written as a number or a string.
    private struct ParameterText: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            } else {
                text = try container.decode(String.self)
            }
        }
    }

    /// Decodes a file; parameters may be numbers or strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        strategy = try container.decode(String.self, forKey: .strategy)
        parameters = (try container.decodeIfPresent([String: ParameterText].self, forKey: .parameters) ?? [:]).mapValues(\.text)
        llm = try container.decodeIfPresent(LLMConfiguration.self, forKey: .llm)
    }

    /// The spec of a built-in strategy's file, such as `boulware:e=0.1`.
    public var spec: AgentSpec { AgentSpec(strategy: strategy, parameters: parameters) }

    /// Checks the file against a registry: a known strategy with known parameters, or a complete LLM
    /// configuration whose fallback is a known strategy. The error lists every problem.
    public func check(registry: StrategyRegistry) throws(AgentSpecError) {
        var problems: [String] = []
        if name.isEmpty || name.contains(",") { problems.append("$.name: must be a non-empty name without commas") }
        if strategy == Self.llmStrategy {
            if !parameters.isEmpty { problems.append("$.parameters: an llm agent takes its settings in $.llm") }
            if let llm {
                problems += llm.problems(at: "$.llm")
                do {
                    _ = try registry.check(try AgentSpec(parsing: llm.fallback))
                } catch {
                    problems.append("$.llm.fallback: \(error.message)")
                }
            } else {
                problems.append("$.llm: an llm agent needs its endpoint and model, such as {\"baseURL\": \"http://127.0.0.1:11434\", \"model\": \"llama3.1:8b\"}")
            }
        } else {
            if llm != nil { problems.append("$.llm: only an agent with strategy \"llm\" takes an llm object") }
            do {
                _ = try registry.check(spec)
            } catch {
                problems.append("$.strategy: \(error.message)")
            }
        }
        guard problems.isEmpty else {
            throw AgentSpecError(.invalidAgentFile, "the agent file '\(name)' has problems:\n" + problems.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}

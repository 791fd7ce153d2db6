/// How an ``LLMAgent`` reaches its model and how far it trusts it: the `llm` object of an agent file.
///
/// ```json
/// {"baseURL": "http://127.0.0.1:11434", "model": "llama3.1:8b", "temperature": 0.2,
///  "apiKeyVariable": "OPENAI_API_KEY", "instructions": "You are a patient, polite buyer.",
///  "turnTimeLimit": 30, "maxAttempts": 3, "maxRetries": 3, "tokenBudget": 50000,
///  "fallback": "boulware", "responseFormat": "auto", "maxTokens": 400, "maxConcurrentRequests": 4,
///  "mode": "full", "band": 0.05, "choices": 5, "prices": {"prompt": 0.00015, "completion": 0.0006, "currency": "USD"}}
/// ```
/// Only `baseURL` and `model` are required. The API key itself is never in the file: `apiKeyVariable` names the
/// environment variable that holds it.
public struct LLMConfiguration: Sendable, Hashable, Codable {
    /// How the reply's JSON shape is requested.
    public enum ResponseFormat: String, Sendable, Hashable, Codable, CaseIterable {
        /// `json_schema` first; on a server that refuses it, a tool call, then `json_object`, then the schema in the
        /// prompt only.
        case auto
        /// `response_format: {"type": "json_schema", …}` with the action's schema (OpenAI, vLLM, Ollama, llama.cpp).
        case jsonSchema = "json_schema"
        /// The action as an OpenAI tool call: `tools` with one function whose parameters are the action's schema, and
        /// `tool_choice` naming it (servers that support function calling better than structured outputs).
        case toolCall = "tool_call"
        /// `response_format: {"type": "json_object"}` (JSON mode), with the schema in the prompt.
        case jsonObject = "json_object"
        /// No `response_format`; the schema is in the prompt only.
        case prompt
    }

    /// The endpoint's base URL; requests go to `{baseURL}/v1/chat/completions` (a trailing `/v1` is allowed).
    public var baseURL: String
    /// The model's name, as the endpoint knows it.
    public var model: String
    /// The sampling temperature; `nil` leaves the endpoint's default.
    public var temperature: Double?
    /// The environment variable that holds the API key, sent as `Authorization: Bearer …`; `nil` for none.
    public var apiKeyVariable: String?
    /// A persona or instructions added to the system prompt.
    public var instructions: String?
    /// Seconds the model may take for one turn, retries included; the scenario's turn limit lowers it.
    public var turnTimeLimit: Double
    /// Replies the model may give in one turn before the fallback moves; an invalid or out-of-mandate reply is
    /// sent back with the reason.
    public var maxAttempts: Int
    /// Times one request is repeated after 429 or 5xx, with backoff, within the turn's time.
    public var maxRetries: Int
    /// Tokens (prompt and completion) the agent may spend in one session; once spent, the fallback moves.
    public var tokenBudget: Int?
    /// The agent spec of the strategy that moves when the model cannot, such as `boulware` or `linear:e=1`.
    public var fallback: String
    /// How the reply's JSON shape is requested.
    public var responseFormat: ResponseFormat
    /// The most tokens one completion may have (`max_tokens`).
    public var maxTokens: Int
    /// What the model's tokens cost, to report the cost of each session and agent; `nil` when not stated.
    public var prices: ModelPrices?
    /// A second model that scores each note for leaks and format before it is sent; `nil` for none.
    public var judge: JudgeConfiguration?
    /// How far the model decides the moves; in the hybrid modes the `fallback` strategy proposes every move.
    public var mode: HybridMode
    /// In `choose` mode, how far in utility (0 to 0.5) the offers the model picks from may lie from the strategy's.
    public var band: Double
    /// In `choose` mode, how many moves the model picks from at most (2 to 9), the strategy's own first.
    public var choices: Int
    /// The most requests in flight to this endpoint at once, across every session and every agent that uses it (the
    /// smallest any agent file states); `nil` for no limit. A 429 lowers it for a while (see ``EndpointGate``).
    public var maxConcurrentRequests: Int?

    /// A configuration with the defaults of the optional fields.
    public init(
        baseURL: String, model: String, temperature: Double? = 0.2, apiKeyVariable: String? = nil, instructions: String? = nil,
        turnTimeLimit: Double = 30, maxAttempts: Int = 3, maxRetries: Int = 3, tokenBudget: Int? = nil, fallback: String = "boulware",
        responseFormat: ResponseFormat = .auto, maxTokens: Int = 400, mode: HybridMode = .full, band: Double = 0.05, choices: Int = 5,
        maxConcurrentRequests: Int? = nil, prices: ModelPrices? = nil, judge: JudgeConfiguration? = nil
    ) {
        self.baseURL = baseURL
        self.model = model
        self.temperature = temperature
        self.apiKeyVariable = apiKeyVariable
        self.instructions = instructions
        self.turnTimeLimit = turnTimeLimit
        self.maxAttempts = maxAttempts
        self.maxRetries = maxRetries
        self.tokenBudget = tokenBudget
        self.fallback = fallback
        self.responseFormat = responseFormat
        self.maxTokens = maxTokens
        self.mode = mode
        self.band = band
        self.choices = choices
        self.maxConcurrentRequests = maxConcurrentRequests
        self.prices = prices
        self.judge = judge
    }

    private enum CodingKeys: String, CodingKey {
        case baseURL, model, temperature, apiKeyVariable, instructions, turnTimeLimit, maxAttempts, maxRetries, tokenBudget, fallback,
            responseFormat, maxTokens, mode, band, choices, maxConcurrentRequests, prices, judge
    }

    /// Decodes a configuration, filling in the defaults of absent optional fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = LLMConfiguration(baseURL: "", model: "")
        self.init(
            baseURL: try container.decode(String.self, forKey: .baseURL),
            model: try container.decode(String.self, forKey: .model),
            temperature: try container.decodeIfPresent(Double.self, forKey: .temperature) ?? defaults.temperature,
            apiKeyVariable: try container.decodeIfPresent(String.self, forKey: .apiKeyVariable),
            instructions: try container.decodeIfPresent(String.self, forKey: .instructions),
            turnTimeLimit: try container.decodeIfPresent(Double.self, forKey: .turnTimeLimit) ?? defaults.turnTimeLimit,
            maxAttempts: try container.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? defaults.maxAttempts,
            maxRetries: try container.decodeIfPresent(Int.self, forKey: .maxRetries) ?? defaults.maxRetries,
            tokenBudget: try container.decodeIfPresent(Int.self, forKey: .tokenBudget),
            fallback: try container.decodeIfPresent(String.self, forKey: .fallback) ?? defaults.fallback,
            responseFormat: try container.decodeIfPresent(ResponseFormat.self, forKey: .responseFormat) ?? defaults.responseFormat,
            maxTokens: try container.decodeIfPresent(Int.self, forKey: .maxTokens) ?? defaults.maxTokens,
            mode: try container.decodeIfPresent(HybridMode.self, forKey: .mode) ?? defaults.mode,
            band: try container.decodeIfPresent(Double.self, forKey: .band) ?? defaults.band,
            choices: try container.decodeIfPresent(Int.self, forKey: .choices) ?? defaults.choices,
            maxConcurrentRequests: try container.decodeIfPresent(Int.self, forKey: .maxConcurrentRequests),
            prices: try container.decodeIfPresent(ModelPrices.self, forKey: .prices),
            judge: try container.decodeIfPresent(JudgeConfiguration.self, forKey: .judge)
        )
    }

    /// What is wrong with the configuration, as `path: problem` lines; empty when it is usable.
    public func problems(at root: String = "$") -> [String] {
        var problems: [String] = []
        let lowered = baseURL.lowercased()
        if !(lowered.hasPrefix("http://") || lowered.hasPrefix("https://")) || baseURL.count < 10 {
            problems.append("\(root).baseURL: must be an http:// or https:// URL, such as http://127.0.0.1:11434")
        }
        if model.isEmpty { problems.append("\(root).model: must name the model, such as llama3.1:8b") }
        if let temperature, !(0...2).contains(temperature) { problems.append("\(root).temperature: must be from 0 to 2") }
        if let variable = apiKeyVariable, variable.isEmpty || variable.contains("=") {
            problems.append("\(root).apiKeyVariable: must name an environment variable, such as OPENAI_API_KEY")
        }
        if !(turnTimeLimit > 0 && turnTimeLimit <= 3600) { problems.append("\(root).turnTimeLimit: must be from 0 (exclusive) to 3600 seconds") }
        if !(1...10).contains(maxAttempts) { problems.append("\(root).maxAttempts: must be from 1 to 10") }
        if !(0...10).contains(maxRetries) { problems.append("\(root).maxRetries: must be from 0 to 10") }
        if let tokenBudget, tokenBudget < 1 { problems.append("\(root).tokenBudget: must be at least 1") }
        if !(16...100_000).contains(maxTokens) { problems.append("\(root).maxTokens: must be from 16 to 100000") }
        if !(0...0.5).contains(band) { problems.append("\(root).band: must be from 0 to 0.5") }
        if !(2...9).contains(choices) { problems.append("\(root).choices: must be from 2 to 9") }
        if let prices { problems += prices.problems(at: "\(root).prices") }
        if let judge { problems += judge.problems(at: "\(root).judge") }
        if let maxConcurrentRequests, !(1...10_000).contains(maxConcurrentRequests) {
            problems.append("\(root).maxConcurrentRequests: must be from 1 to 10000")
        }
        return problems
    }

    /// The chat-completions URL: `{baseURL}/v1/chat/completions`, whether or not the base ends in `/v1`.
    public var completionsURL: String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/v1") { base.removeLast(3) }
        return base + "/v1/chat/completions"
    }
}

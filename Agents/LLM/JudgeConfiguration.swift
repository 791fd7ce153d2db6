/// A second model that scores each note before it is sent: the `judge` object of an agent file's `llm`.
///
/// ```json
/// "judge": {"baseURL": "http://127.0.0.1:8000", "model": "Qwen/Qwen2.5-7B-Instruct", "withholdAbove": 0.5}
/// ```
/// The judge is told the principal's private limits (so that it can recognize them however they are phrased) and the
/// note, and answers with a leak score and a format score from 0 to 1 (see ``ParleyProtocol/NoteJudgement``). A note
/// whose leak score reaches `withholdAbove` is withheld. Like the negotiating model, the judge should run on your
/// own machines when the limits must not leave them.
public struct JudgeConfiguration: Sendable, Hashable, Codable {
    /// The judge's endpoint; requests go to `{baseURL}/v1/chat/completions`.
    public var baseURL: String
    /// The judge model's name.
    public var model: String
    /// The environment variable that holds the judge's API key; `nil` for none.
    public var apiKeyVariable: String?
    /// Seconds the judge may take for one note (and at most what is left of the turn's time).
    public var timeLimit: Double
    /// The leak score from which a note is withheld.
    public var withholdAbove: Double
    /// The most tokens of the judge's answer.
    public var maxTokens: Int
    /// What the judge's tokens cost, if stated.
    public var prices: ModelPrices?

    /// A judge configuration with the defaults of the optional fields.
    public init(
        baseURL: String, model: String, apiKeyVariable: String? = nil, timeLimit: Double = 10, withholdAbove: Double = 0.5, maxTokens: Int = 200,
        prices: ModelPrices? = nil
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKeyVariable = apiKeyVariable
        self.timeLimit = timeLimit
        self.withholdAbove = withholdAbove
        self.maxTokens = maxTokens
        self.prices = prices
    }

    private enum CodingKeys: String, CodingKey {
        case baseURL, model, apiKeyVariable, timeLimit, withholdAbove, maxTokens, prices
    }

    /// Decodes a judge, filling in the defaults of absent optional fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = JudgeConfiguration(baseURL: "", model: "")
        self.init(
            baseURL: try container.decode(String.self, forKey: .baseURL), model: try container.decode(String.self, forKey: .model),
            apiKeyVariable: try container.decodeIfPresent(String.self, forKey: .apiKeyVariable),
            timeLimit: try container.decodeIfPresent(Double.self, forKey: .timeLimit) ?? defaults.timeLimit,
            withholdAbove: try container.decodeIfPresent(Double.self, forKey: .withholdAbove) ?? defaults.withholdAbove,
            maxTokens: try container.decodeIfPresent(Int.self, forKey: .maxTokens) ?? defaults.maxTokens,
            prices: try container.decodeIfPresent(ModelPrices.self, forKey: .prices)
        )
    }

    /// What is wrong with the judge, as `path: problem` lines.
    func problems(at root: String) -> [String] {
        var problems = LLMConfiguration(baseURL: baseURL, model: model, apiKeyVariable: apiKeyVariable).problems(at: root)
        if !(timeLimit > 0 && timeLimit <= 600) { problems.append("\(root).timeLimit: must be from 0 (exclusive) to 600 seconds") }
        if !(withholdAbove > 0 && withholdAbove <= 1) { problems.append("\(root).withholdAbove: must be from 0 (exclusive) to 1") }
        if !(16...4000).contains(maxTokens) { problems.append("\(root).maxTokens: must be from 16 to 4000") }
        if let prices { problems += prices.problems(at: "\(root).prices") }
        return problems
    }

    /// The chat-completions URL.
    var completionsURL: String { LLMConfiguration(baseURL: baseURL, model: model).completionsURL }
}

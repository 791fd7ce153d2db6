public import ParleyProtocol

/// What a model's tokens cost, as the provider lists it: per 1,000 prompt tokens and per 1,000 completion tokens,
/// in one currency. The `prices` object of an agent file's `llm`:
///
/// ```json
/// "prices": {"prompt": 0.00015, "completion": 0.0006, "currency": "USD"}
/// ```
public struct ModelPrices: Sendable, Hashable, Codable {
    /// The price of 1,000 prompt tokens.
    public var prompt: Double
    /// The price of 1,000 completion tokens.
    public var completion: Double
    /// The currency of both prices; `USD` when the file names none.
    public var currency: Currency

    /// Prices per 1,000 tokens.
    public init(prompt: Double, completion: Double, currency: Currency = Currency(rawValue: "USD")) {
        self.prompt = prompt
        self.completion = completion
        self.currency = currency
    }

    private enum CodingKeys: String, CodingKey {
        case prompt, completion, currency
    }

    /// Decodes prices; the currency defaults to `USD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            prompt: try container.decode(Double.self, forKey: .prompt), completion: try container.decode(Double.self, forKey: .completion),
            currency: try container.decodeIfPresent(Currency.self, forKey: .currency) ?? Currency(rawValue: "USD")
        )
    }

    /// The cost of one exchange: tokens × price for each kind, ÷ 1,000 (dividing last keeps round prices exact).
    public func cost(promptTokens: Int, completionTokens: Int) -> Double {
        (Double(promptTokens) * prompt + Double(completionTokens) * completion) / 1000
    }

    /// What is wrong with the prices, as `path: problem` lines.
    func problems(at root: String) -> [String] {
        var problems: [String] = []
        for (name, price) in [("prompt", prompt), ("completion", completion)] where !(price.isFinite && price >= 0 && price <= 1_000_000) {
            problems.append("\(root).\(name): must be a price from 0 to 1000000 per 1,000 tokens")
        }
        if !currency.isWellFormed { problems.append("\(root).currency: must be an ISO 4217 code such as USD") }
        return problems
    }
}

/// The LLM agent's course through one turn, as a pure state machine: after each answer of the endpoint, whether to
/// ask again, wait and retry, ask in a simpler response format, or let the fallback strategy move, and why.
///
/// It reads no clock and sends nothing: ``LLMAgent`` tells it what happened and the time left, and does what it
/// says. Its limits come from the ``LLMConfiguration``: replies per turn (``LLMConfiguration/maxAttempts``),
/// retries after 429 and 5xx (``LLMConfiguration/maxRetries``), the session's token budget, and, in `auto` mode,
/// the response formats to fall back through.
struct LLMTurnPolicy: Sendable {
    /// What the agent does next.
    enum Step: Sendable, Hashable {
        /// Send the conversation (again).
        case ask
        /// Wait this long, then ask again.
        case retry(after: Duration)
        /// Ask again with this simpler response format.
        case simplify(to: LLMConfiguration.ResponseFormat)
        /// Stop asking: the fallback strategy moves, for this reason.
        case fallBack(String)
    }

    /// The limits.
    let configuration: LLMConfiguration
    /// The turn's time for the model.
    let timeLimit: Duration
    /// Replies received this turn (read or not).
    private(set) var replies = 0
    /// Retries after 429 and 5xx this turn.
    private(set) var retries = 0

    /// A turn's policy.
    init(configuration: LLMConfiguration, timeLimit: Duration) {
        self.configuration = configuration
        self.timeLimit = timeLimit
    }

    /// Before asking: ask, unless the budget is spent or too little time is left.
    func beforeAsking(tokensSpent: Int, timeLeft: Duration) -> Step {
        if let spent = budgetSpent(tokensSpent) { return .fallBack(spent) }
        guard timeLeft > .milliseconds(10) else { return .fallBack("no acceptable reply within the turn's \(timeLimit)") }
        return .ask
    }

    /// After a reply that was refused (unreadable, against the rules or the mandate): ask again while attempts and
    /// budget remain.
    mutating func afterRefusedReply(tokensSpent: Int) -> Step {
        replies += 1
        if let spent = budgetSpent(tokensSpent) { return .fallBack(spent) }
        guard replies < configuration.maxAttempts else { return .fallBack("no acceptable reply in \(replies) attempts") }
        return .ask
    }

    /// After an HTTP status that is not a completion: 429 and 5xx are retried after `Retry-After` or a backoff
    /// while retries and time remain; in `auto` mode a 400 or 422 moves to a simpler response format; anything
    /// else is a refusal.
    mutating func afterStatus(_ status: Int, retryAfter: Duration?, format: LLMConfiguration.ResponseFormat, timeLeft: Duration) -> Step {
        if status == 429 || status >= 500 {
            retries += 1
            let wait = retryAfter ?? Self.backoff(retry: retries)
            guard retries <= configuration.maxRetries else { return .fallBack("the endpoint answered HTTP \(status) after \(retries - 1) retries") }
            guard wait < timeLeft else { return .fallBack("the endpoint asked to wait \(wait), past the turn's time") }
            return .retry(after: wait)
        }
        if status == 400 || status == 422, configuration.responseFormat == .auto, let simpler = format.simpler {
            return .simplify(to: simpler)
        }
        return .fallBack("the endpoint refused the request with HTTP \(status)")
    }

    /// After the request ran out of the turn's time.
    func afterTimeout() -> Step {
        .fallBack("the model did not answer within the turn's \(timeLimit)")
    }

    /// After the endpoint could not be reached.
    func afterUnreachable() -> Step {
        .fallBack("the endpoint could not be reached")
    }

    /// Exponential backoff for the n-th retry without `Retry-After`: 0.5 s, 1 s, 2 s … at most 8 s.
    static func backoff(retry: Int) -> Duration {
        .milliseconds(500 << min(max(retry - 1, 0), 4))
    }

    private func budgetSpent(_ tokensSpent: Int) -> String? {
        guard let budget = configuration.tokenBudget, tokensSpent >= budget else { return nil }
        return "the session's token budget (\(budget) tokens) is spent"
    }
}

extension LLMConfiguration.ResponseFormat {
    /// Whether the request itself carries the action's schema (as a response format or a tool's parameters), so the
    /// prompt need not.
    var carriesSchema: Bool { self == .auto || self == .jsonSchema || self == .toolCall }

    /// The next simpler format to try after a server refuses this one.
    var simpler: Self? {
        switch self {
        case .auto, .jsonSchema: .toolCall
        case .toolCall: .jsonObject
        case .jsonObject: .prompt
        case .prompt: nil
        }
    }
}

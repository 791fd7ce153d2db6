public import ParleyProtocol

/// What one side's consulted model cost in a session, summed from the decision traces of its moves: requests,
/// tokens, money, time, and who decided the moves.
///
/// `nil` for a side that consulted no model. Costs are summed only in one currency: when a side's traces name two
/// (which one agent file cannot), ``cost`` is `nil`.
public struct ModelUsage: Sendable, Hashable, Codable {
    /// Requests sent to the model, and to its judge.
    public var requests: Int
    /// Prompt tokens, as the endpoint reported them.
    public var promptTokens: Int
    /// Completion tokens, as the endpoint reported them.
    public var completionTokens: Int
    /// What the tokens cost, in ``currency``, when the agent file states prices.
    public var cost: Double?
    /// The currency of ``cost``.
    public var currency: Currency?
    /// Seconds from sending each request to its answer, summed.
    public var latency: Double
    /// The longest of those, in seconds.
    public var slowest: Double
    /// Moves the model decided.
    public var modelMoves: Int
    /// Moves the fallback strategy made because the model could not.
    public var fallbackMoves: Int
    /// Moves a hybrid agent's strategy decided, with the model's note.
    public var strategyMoves: Int
    /// Replies refused because they broke the mandate.
    public var mandateRefusals: Int
    /// Notes withheld because they gave a limit away (by the redactor or the judge).
    public var notesWithheld: Int
    /// Notes a judge model scored.
    public var judgedNotes: Int
    /// The judge's leak scores, summed over the notes it scored.
    public var leakScore: Double
    /// The judge's format scores, summed over the notes it scored.
    public var formatScore: Double

    /// Usage with every count at zero.
    public init() {
        (requests, promptTokens, completionTokens, latency, slowest) = (0, 0, 0, 0, 0)
        (modelMoves, fallbackMoves, strategyMoves, mandateRefusals, notesWithheld) = (0, 0, 0, 0, 0)
        (judgedNotes, leakScore, formatScore) = (0, 0, 0)
    }

    /// The usage of `side` in a transcript's entries; `nil` when none of its moves carries a decision trace.
    public init?(entries: [TranscriptEntry], side: Role) {
        self.init()
        var traced = false
        var currencies: Set<Currency> = []
        for entry in entries where entry.by == side {
            // A move a tools client chose consulted no model.
            guard let trace = entry.trace, trace.decidedBy != .client else { continue }
            traced = true
            add(trace)
            if let currency = trace.currency { currencies.insert(currency) }
        }
        guard traced else { return nil }
        if currencies.count == 1 { currency = currencies.first } else { cost = nil }
    }

    /// Adds another session's usage (the sums of a tournament's agent); costs add only in one currency.
    public mutating func add(_ other: ModelUsage) {
        requests += other.requests
        promptTokens = Self.sum(promptTokens, other.promptTokens)
        completionTokens = Self.sum(completionTokens, other.completionTokens)
        if let otherCost = other.cost {
            if cost == nil, currency == nil {
                (cost, currency) = (otherCost, other.currency)
            } else if let sum = cost, currency == other.currency {
                cost = sum + otherCost
            } else {
                // Two currencies: no sum means anything.
                (cost, currency) = (nil, nil)
            }
        }
        latency += other.latency
        slowest = max(slowest, other.slowest)
        modelMoves += other.modelMoves
        fallbackMoves += other.fallbackMoves
        strategyMoves += other.strategyMoves
        mandateRefusals += other.mandateRefusals
        notesWithheld += other.notesWithheld
        judgedNotes += other.judgedNotes
        leakScore += other.leakScore
        formatScore += other.formatScore
    }

    /// Tokens of both kinds.
    public var tokens: Int { Self.sum(promptTokens, completionTokens) }

    /// The judge's mean leak score, over the notes it scored; `nil` when it scored none.
    public var meanLeakScore: Double? { judgedNotes > 0 ? leakScore / Double(judgedNotes) : nil }
    /// The judge's mean format score, over the notes it scored; `nil` when it scored none.
    public var meanFormatScore: Double? { judgedNotes > 0 ? formatScore / Double(judgedNotes) : nil }

    /// Mean seconds per request; 0 without requests.
    public var meanLatency: Double { requests > 0 ? latency / Double(requests) : 0 }

    private mutating func add(_ trace: DecisionTrace) {
        switch trace.decidedBy {
        case .model: modelMoves += 1
        case .fallback: fallbackMoves += 1
        case .strategy: strategyMoves += 1
        case .client: break
        }
        if trace.noteRedacted { notesWithheld += 1 }
        if let judgement = trace.judgement, let leak = judgement.leak, let format = judgement.format {
            judgedNotes += 1
            leakScore += leak
            formatScore += format
        }
        for attempt in trace.attempts + (trace.judgement.map { [$0.attempt] } ?? []) {
            requests += 1
            promptTokens = Self.sum(promptTokens, attempt.promptTokens ?? 0)
            completionTokens = Self.sum(completionTokens, attempt.completionTokens ?? 0)
            if let price = attempt.cost { cost = (cost ?? 0) + price }
            latency += attempt.latency
            slowest = max(slowest, attempt.latency)
            if attempt.rejection?.code.rawValue == "out_of_mandate" { mandateRefusals += 1 }
        }
    }

    /// A sum that saturates instead of trapping: token counts come from endpoints.
    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : total
    }
}

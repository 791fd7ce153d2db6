import Foundation
public import ParleyAgents
public import ParleyHTTPClient
public import ParleyProtocol

/// An agent whose moves come from a language model behind an OpenAI-compatible chat-completions endpoint
/// (hosted APIs, vLLM, Ollama, llama.cpp's server, LM Studio), inside a mandate the model cannot break.
///
/// Each turn the model is asked for a JSON action (see ``LLMConfiguration/ResponseFormat``). The reply is read,
/// checked against the rules with ``AlternatingOffers`` and against the ``Mandate``: no offer and no acceptance
/// worth less to the principal than walking away. A reply that fails is sent back with the reason, up to
/// ``LLMConfiguration/maxAttempts`` replies; 429 and 5xx answers are retried with backoff (honouring
/// `Retry-After`) within the turn's time. When the model cannot give an acceptable move in time, within the
/// token budget, or at all, the fallback strategy moves, and its move is held to the mandate too.
///
/// Every request is recorded in ``lastDecision`` for the transcript: what was asked, the raw reply (truncated),
/// the latency, the tokens, and why a reply was refused. The model's reasoning stays there; the opponent gets
/// only the action and its note, and a note that reveals the principal's limits is withheld. The API key is
/// sent to the endpoint only, and removed from anything recorded.
public struct LLMAgent<C: Clock>: Strategy where C.Duration == Duration {
    /// The configuration from the agent file.
    public let configuration: LLMConfiguration
    /// The tokens spent so far in this session, as the endpoint reported them.
    public private(set) var tokensSpent = 0
    /// How the last action was decided: every attempt, and whether the fallback moved.
    public internal(set) var lastDecision: DecisionTrace?

    let role: Role
    private let seed: UInt64
    let mandate: Mandate
    let prompt: NegotiationPrompt
    let redactor: NoteRedactor
    private let endpoint: ChatEndpoint
    /// The judge that scores each note before it is sent, when the configuration names one.
    let judge: NoteJudge?
    /// The endpoint's shared limit and 429 pauses, if the agent is gated.
    private let gate: EndpointGate?
    private let clock: C
    let bestTerms: Terms?
    /// The principal's outcomes by utility, for the moves a `choose`-mode model picks from.
    let index: BiddingIndex?
    /// The reply's JSON Schema on this scenario, built once.
    private let schema: JSONValue
    var fallback: any Strategy
    private var format: LLMConfiguration.ResponseFormat
    /// The system message for the current format, rebuilt only when the format changes.
    private var systemPrompt: String
    /// The system prompt last recorded in a decision trace, so that each distinct prompt is recorded once.
    private var recordedSystemPrompt: String?

    /// The longest text kept of a prompt or a reply in an attempt.
    public static var recordedLength: Int { 2000 }

    /// An agent for one side of one session.
    ///
    /// - Parameters:
    ///   - fallback: the strategy that moves when the model cannot, built for the same context.
    ///   - apiKey: the key read from the environment variable the configuration names, if any.
    ///   - judgeAPIKey: the judge's key, read from the variable its configuration names, if any.
    ///   - gate: the endpoint's gate, shared with every other agent on it; `nil` sends without waiting for others.
    ///   - clock: measures latency and the turn's time, and waits between retries.
    public init(
        configuration: LLMConfiguration, context: AgentContext, fallback: any Strategy, apiKey: String?, judgeAPIKey: String? = nil,
        client: HTTPClient, gate: EndpointGate? = nil, clock: C
    ) {
        self.configuration = configuration
        self.role = context.role
        self.seed = context.seed
        let mandate = Mandate(utility: context.utility)
        self.mandate = mandate
        self.prompt = NegotiationPrompt(
            scenario: context.scenario, role: context.role, utility: context.utility, profile: context.profile, instructions: configuration.instructions,
            mode: configuration.mode
        )
        let redactor = NoteRedactor(utility: context.utility, profile: context.profile)
        self.redactor = redactor
        self.judge = configuration.judge.map { judge in
            NoteJudge(
                configuration: judge, facts: redactor.facts,
                endpoint: ChatEndpoint(url: judge.completionsURL, apiKey: judgeAPIKey.flatMap { $0.isEmpty ? nil : $0 }, client: client)
            )
        }
        self.endpoint = ChatEndpoint(url: configuration.completionsURL, apiKey: apiKey.flatMap { $0.isEmpty ? nil : $0 }, client: client)
        self.gate = gate
        self.clock = clock
        let index = try? context.biddingIndex()
        self.index = index
        let best = index.map { $0.terms(atRank: $0.count - 1) }
        self.bestTerms = best.flatMap { mandate.allows($0) ? $0 : nil }
        self.fallback = fallback
        let format = configuration.responseFormat == .auto ? .jsonSchema : configuration.responseFormat
        let schema = ActionSchema.schema(for: context.scenario, mode: configuration.mode, choices: configuration.choices)
        self.format = format
        self.schema = schema
        self.systemPrompt = prompt.system(schemaInPrompt: format.carriesSchema ? nil : schema)
    }

    /// Asks the model for the turn's action, and falls back when it cannot give an acceptable one; in the hybrid
    /// modes, asks it for the note or a pick among the strategy's moves (see ``HybridMode``).
    public mutating func respond(to view: TurnView) async throws -> Action {
        lastDecision = nil
        let started = clock.now
        guard configuration.mode == .full else { return try await respondHybrid(to: view, started: started) }
        let (role, mandate, redactor) = (role, mandate, redactor)
        // The rules as they stand before this turn, to check each reply against.
        var rules = AlternatingOffers(scenario: view.scenario)
        for entry in view.history { try? rules.apply(entry.action, by: entry.by) }
        let consulted = await consult(view, asking: prompt.turn(view, best: bestTerms)) { content throws(DecisionAttempt.Rejection) in
            try Self.judge(content, view: view, rules: rules, role: role, mandate: mandate, redactor: redactor)
        }
        guard let (action, redacted) = consulted.result else { return try await fallBack(view, attempts: consulted.attempts, reason: consulted.reason) }
        let (judged, judgement) = await judged(action, view: view, started: started)
        lastDecision = DecisionTrace(
            decidedBy: .model, attempts: consulted.attempts, noteRedacted: redacted || judgement?.withheld == true, judgement: judgement,
            currency: configuration.prices?.currency
        )
        return judged
    }

    /// The move with its note judged, when a judge is configured and the move has a note: the note is withheld when
    /// the judge's leak score reaches the threshold. The judge gets at most what is left of the turn's time.
    func judged(_ action: Action, view: TurnView, started: C.Instant) async -> (Action, NoteJudgement?) {
        guard let judge, let note = action.note else { return (action, nil) }
        let left = timeLimit(for: view) - started.duration(to: clock.now)
        let judgement = await judge.judge(note, timeout: max(.zero, min(.saturating(seconds: judge.configuration.timeLimit), left)), clock: clock)
        guard judgement.withheld else { return (action, judgement) }
        var action = action
        action.note = nil
        return (action, judgement)
    }

    /// What asking the model in one turn came to: the move read from an accepted reply and whether its note was
    /// withheld, or `nil` and why not; every attempt either way.
    struct Consultation {
        var result: (action: Action, noteRedacted: Bool)?
        var attempts: [DecisionAttempt]
        var reason: String
    }

    /// Asks the model until `read` accepts a reply's text or the turn's policy says to stop: the conversation, the
    /// endpoint's gate, retries, simpler formats, the token budget and the turn's time.
    mutating func consult(
        _ view: TurnView, asking question: String, read: (String) throws(DecisionAttempt.Rejection) -> (Action, Bool)
    ) async -> Consultation {
        let timeLimit = timeLimit(for: view)
        let deadline = clock.now.advanced(by: timeLimit)
        var policy = LLMTurnPolicy(configuration: configuration, timeLimit: timeLimit)
        var conversation: [ChatCompletions.Message] = [.system(systemPrompt), .user(question)]
        var attempts: [DecisionAttempt] = []
        var step = LLMTurnPolicy.Step.ask
        while true {
            switch step {
            case .ask:
                break
            case .retry(let wait):
                try? await clock.sleep(for: wait)
            case .simplify(let simpler):
                format = simpler
                systemPrompt = prompt.system(schemaInPrompt: simpler.carriesSchema ? nil : schema)
                conversation[0] = .system(systemPrompt)
            case .fallBack(let reason):
                return Consultation(result: nil, attempts: attempts, reason: reason)
            }
            // Every request is preceded by the budget and time check.
            step = policy.beforeAsking(tokensSpent: tokensSpent, timeLeft: clock.now.duration(to: deadline))
            guard step == .ask else { continue }
            let queued = clock.now
            if let gate, !(await gate.enter(limit: configuration.maxConcurrentRequests, patience: clock.now.duration(to: deadline))) {
                step = .fallBack("the endpoint had no room for another request within the turn's \(timeLimit)")
                continue
            }
            let remaining = clock.now.duration(to: deadline)
            let started = clock.now
            let answer = await endpoint.send(request(conversation, turn: view.turn), timeout: remaining)
            await gate?.finish(answer.gateResult(wait: LLMTurnPolicy.backoff(retry: policy.retries + 1)))
            var attempt = DecisionAttempt(
                number: attempts.count + 1, system: newSystemPrompt(), asked: record(conversation.last?.content ?? ""),
                latency: started.duration(to: clock.now) / .seconds(1), queued: Self.seconds(queued.duration(to: started))
            )
            switch answer {
            case .completion(let completion):
                attempt.record(completion.usage, prices: configuration.prices)
                // Each count is at most 2⁴⁰, so the sum stays far from overflow however long the session.
                tokensSpent = min(tokensSpent + (completion.usage?.spent ?? 0), Int.max / 2)
                let content = completion.choices.first?.message?.reply(tool: ActionSchema.name).text ?? ""
                attempt.reply = content.isEmpty ? nil : record(content)
                do {
                    let result = try read(try Self.replyText(of: completion))
                    attempts.append(attempt)
                    return Consultation(result: result, attempts: attempts, reason: "")
                } catch {
                    attempt.rejection = error
                    if !content.isEmpty { conversation += [.assistant(content), .user(NegotiationPrompt.correction(error.message))] }
                }
                step = policy.afterRefusedReply(tokensSpent: tokensSpent)
            case .unreadable(let excerpt):
                attempt.status = 200
                attempt.reply = record(excerpt)
                attempt.rejection = .init(code: LLMRejection.unreadableResponse, message: "the response body is not a chat completion")
                step = policy.afterRefusedReply(tokensSpent: tokensSpent)
            case .status(let status, let message, let retryAfter):
                attempt.status = status
                attempt.reply = record(message)
                step = policy.afterStatus(status, retryAfter: retryAfter, format: format, timeLeft: clock.now.duration(to: deadline))
                attempt.rejection = switch step {
                case .retry: .init(code: status == 429 ? LLMRejection.rateLimited : LLMRejection.serverError, message: "HTTP \(status)")
                case .simplify(let simpler):
                    .init(code: LLMRejection.unsupportedResponseFormat, message: "HTTP \(status) with response format \(format.rawValue); next: \(simpler.rawValue)")
                case .ask, .fallBack:
                    status == 429 || status >= 500
                        ? .init(code: status == 429 ? LLMRejection.rateLimited : LLMRejection.serverError, message: "HTTP \(status)")
                        : .init(code: LLMRejection.refused, message: "HTTP \(status)")
                }
            case .timedOut:
                attempt.rejection = .init(code: LLMRejection.timedOut, message: "no answer within \(remaining)")
                step = policy.afterTimeout()
            case .unreachable(let detail):
                attempt.rejection = .init(code: LLMRejection.unreachable, message: record(detail))
                step = policy.afterUnreachable()
            }
            attempts.append(attempt)
        }
    }

    /// Tells the fallback strategy how the session ended.
    public mutating func sessionEnded(with outcome: Outcome) async {
        await fallback.sessionEnded(with: outcome)
    }

    /// The text of a completion's reply (its content, or the arguments of its call of the action tool), if it is a
    /// whole reply.
    private static func replyText(of completion: ChatCompletions.Response) throws(DecisionAttempt.Rejection) -> String {
        guard let choice = completion.choices.first, let reply = choice.message?.reply(tool: ActionSchema.name), let content = reply.text, !content.isEmpty else {
            throw .init(code: LLMRejection.emptyChoices, message: "the response has no reply")
        }
        if let other = reply.otherTool {
            throw .init(code: LLMRejection.notAnAction, message: "the reply called the tool '\(other.prefix(40))'; call \(ActionSchema.name) with the action")
        }
        if choice.finishReason == "length" {
            throw .init(code: LLMRejection.truncated, message: "the reply was cut off at the token limit; keep the reasoning to one short sentence")
        }
        return content
    }

    /// The action a reply stands for, if it is legal now and keeps the mandate, and whether its note was withheld.
    private static func judge(
        _ content: String, view: TurnView, rules: AlternatingOffers, role: Role, mandate: Mandate, redactor: NoteRedactor
    ) throws(DecisionAttempt.Rejection) -> (Action, Bool) {
        let action = try ModelReply.read(content).action()
        do {
            try rules.check(action, by: role)
        } catch {
            throw .init(code: LLMRejection.invalidAction, message: error.message)
        }
        if let breach = mandate.breach(of: action, standingOffer: view.standingOffer) {
            throw .init(code: LLMRejection.outOfMandate, message: breach.description)
        }
        return redactor.withholdingRevealingNote(action)
    }

    /// The fallback's move, held to the mandate: a move that breaks it becomes an offer of the principal's best
    /// terms, or walking away when no terms are acceptable.
    private mutating func fallBack(_ view: TurnView, attempts: [DecisionAttempt], reason: String) async throws -> Action {
        let (action, replaced) = try await mandatedStrategyMove(view)
        lastDecision = DecisionTrace(
            decidedBy: .fallback, attempts: attempts, fallbackReason: reason + (replaced ? "; the fallback's move broke the mandate and was replaced" : ""),
            currency: configuration.prices?.currency
        )
        return action
    }

    /// The fallback strategy's move, held to the mandate, and whether it had to be replaced.
    mutating func mandatedStrategyMove(_ view: TurnView) async throws -> (Action, Bool) {
        let action = try await fallback.respond(to: view)
        guard mandate.breach(of: action, standingOffer: view.standingOffer) != nil else { return (action, false) }
        return (bestTerms.map { .offer($0) } ?? .walkAway(), true)
    }

    private func request(_ conversation: [ChatCompletions.Message], turn: Int) -> ChatCompletions.Request {
        let responseFormat: ChatCompletions.ResponseFormat? = switch format {
        case .jsonSchema, .auto: .jsonSchema(name: ActionSchema.name, schema: schema)
        case .jsonObject: .jsonObject
        case .toolCall, .prompt: nil
        }
        let tool = format == .toolCall
            ? ChatCompletions.Tool(name: ActionSchema.name, description: "Make your move in the negotiation: offer terms, accept the standing offer, or walk away.", parameters: schema)
            : nil
        return ChatCompletions.Request(
            model: configuration.model, messages: conversation, temperature: configuration.temperature, maxTokens: configuration.maxTokens,
            seed: Int(SeededGenerator.derive(seed, UInt64(turn)) >> 33), responseFormat: responseFormat, tool: tool
        )
    }

    /// The time the model gets for a turn: the configured limit, and at most 80% of the scenario's turn limit
    /// and of the time left, so the fallback can still move in time.
    private func timeLimit(for view: TurnView) -> Duration {
        var limit = Duration.saturating(seconds: configuration.turnTimeLimit)
        if let turn = view.scenario.turnDuration { limit = min(limit, turn * 0.8) }
        if let left = view.timeLeft { limit = min(limit, left * 0.8) }
        return limit
    }

    /// The system prompt, whole (the API key removed), when it was not sent before in this session; then `nil`
    /// until it changes.
    private mutating func newSystemPrompt() -> String? {
        guard systemPrompt != recordedSystemPrompt else { return nil }
        recordedSystemPrompt = systemPrompt
        guard let key = endpoint.apiKey, key.count >= 4 else { return systemPrompt }
        return systemPrompt.replacingOccurrences(of: key, with: "[API key]")
    }

    /// Seconds spent waiting for the endpoint's gate, when there was a wait worth recording (a millisecond or more).
    private static func seconds(_ wait: Duration) -> Double? {
        wait >= .milliseconds(1) ? wait / .seconds(1) : nil
    }

    /// Text as recorded: the API key removed, at most ``recordedLength`` characters.
    private func record(_ text: String) -> String {
        var text = text
        if let key = endpoint.apiKey, key.count >= 4 { text = text.replacingOccurrences(of: key, with: "[API key]") }
        return text.count > Self.recordedLength ? String(text.prefix(Self.recordedLength)) + "…" : text
    }
}

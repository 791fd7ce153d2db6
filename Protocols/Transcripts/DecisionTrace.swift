/// How an agent arrived at one action when it consulted something else first, such as a language model: every
/// attempt, whether a fallback strategy made the move in the end, and whether the note was redacted.
///
/// It rides on the ``TranscriptEntry`` of the action, in the arbiter's record. It is never sent to the opponent.
///
/// JSON: `{"decidedBy": "model", "attempts": [{"number": 1, …}], "fallbackReason": null, "noteRedacted": false}`.
public struct DecisionTrace: Sendable, Hashable, Codable {
    /// Who chose the action that was played.
    public enum Decider: String, Sendable, Hashable, Codable {
        /// The consulted model's reply, accepted.
        case model
        /// The agent's fallback strategy, after the model could not give an acceptable reply (in a hybrid mode: the
        /// strategy's own move, without a note).
        case fallback
        /// The agent's strategy (a hybrid agent's), with the note the model wrote for it.
        case strategy
        /// A client of Parley's MCP tools (an assistant, or a person through one) chose the move, within the mandate.
        case client
    }

    /// Who chose the action.
    public var decidedBy: Decider
    /// Every attempt, in order.
    public var attempts: [DecisionAttempt]
    /// Why the fallback strategy made the move, when it did.
    public var fallbackReason: String?
    /// Whether the note the model wrote was withheld from the opponent because it revealed private limits.
    public var noteRedacted: Bool
    /// What the judge model made of the note, when the agent file names a judge and the move had a note.
    public var judgement: NoteJudgement?
    /// The currency of the attempts' costs, when the agent file states prices.
    public var currency: Currency?
    /// How many moves the model picked from, when a hybrid agent's strategy offered it several; `nil` otherwise.
    public var choices: Int?

    /// Creates a trace.
    public init(
        decidedBy: Decider, attempts: [DecisionAttempt], fallbackReason: String? = nil, noteRedacted: Bool = false, choices: Int? = nil,
        judgement: NoteJudgement? = nil, currency: Currency? = nil
    ) {
        self.decidedBy = decidedBy
        self.attempts = attempts
        self.fallbackReason = fallbackReason
        self.noteRedacted = noteRedacted
        self.choices = choices
        self.judgement = judgement
        self.currency = currency
    }
}

/// One request to the consulted model, and what became of its reply.
public struct DecisionAttempt: Sendable, Hashable, Codable {
    /// Why a reply was not used, with a stable code.
    public struct Rejection: CodedError, Hashable, Codable {
        /// Stable codes, written as bare strings; the LLM agent's are `ParleyLLM.LLMRejection`'s members.
        public struct Code: ErrorCode, Codable {
            /// The code's text.
            public let rawValue: String
            /// A code from its text.
            public init(rawValue: String) { self.rawValue = rawValue }
        }

        /// A stable code, such as `out_of_mandate`.
        public var code: Code
        /// What was wrong, as the model is told it. Never the profile's values.
        public var message: String

        /// `code: message`.
        public var description: String { "\(code): \(message)" }

        /// Creates a rejection.
        public init(code: Code, message: String) {
            self.code = code
            self.message = message
        }
    }

    /// The attempt's position in the turn, from 1.
    public var number: Int
    /// The system prompt sent with this request, whole (an API key removed), when it is the session's first request
    /// or the prompt changed since the last one recorded; otherwise the last recorded one applies. With ``asked`` and
    /// ``reply`` of the attempts before it in the turn, it gives the whole conversation the model saw.
    public var system: String?
    /// What was asked: the last message sent, truncated.
    public var asked: String
    /// The reply's raw content or the response body, truncated; `nil` when nothing came back.
    public var reply: String?
    /// The HTTP status, when an answer came.
    public var status: Int?
    /// Seconds from sending the request to its answer or failure.
    public var latency: Double
    /// Seconds the request waited before it was sent, because the endpoint had as many requests in flight as it
    /// allows or was pausing after a 429; `nil` when it did not wait.
    public var queued: Double?
    /// Tokens in the prompt, as the endpoint reported them.
    public var promptTokens: Int?
    /// Tokens in the completion, as the endpoint reported them.
    public var completionTokens: Int?
    /// What the exchange cost, in ``DecisionTrace/currency``, when the agent file states prices and the endpoint
    /// reported the tokens.
    public var cost: Double?
    /// Why the reply was not used; `nil` for the reply that was.
    public var rejection: Rejection?

    /// Creates an attempt.
    public init(
        number: Int, system: String? = nil, asked: String, reply: String? = nil, status: Int? = nil, latency: Double, queued: Double? = nil,
        promptTokens: Int? = nil, completionTokens: Int? = nil, cost: Double? = nil, rejection: Rejection? = nil
    ) {
        self.number = number
        self.system = system
        self.asked = asked
        self.reply = reply
        self.status = status
        self.latency = latency
        self.queued = queued
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cost = cost
        self.rejection = rejection
    }
}

public import ParleyProtocol

/// The decision logic of an agent: given a read-only view of the session, choose an action.
///
/// A strategy is a value bound to one side of one session: it is created from an ``AgentContext`` (scenario,
/// role, its own profile, a seed) and asked for an action on each of its turns. It never sees the opponent's
/// profile.
///
/// Rules every conformer must keep, checked by `ParleyTesting.StrategyConformance`:
/// - **Deterministic.** The actions depend only on the context (including its seed) and the views received.
///   Use ``SeededGenerator`` seeded from ``AgentContext/seed`` for randomness; never a global generator or the clock.
/// - **No shared mutable state.** Keep state in the value's own stored properties (it is `mutating`).
/// - **Within the rules.** Offer only terms inside the scenario's domains; accept only when
///   ``TurnView/standingOffer`` is set. The arbiter ends the session with a violation otherwise.
///
/// A synchronous `mutating func respond(to:) throws -> Action` satisfies the requirement; remote and LLM agents
/// implement it asynchronously. Throwing ends the session with ``Outcome/failure(by:error:)`` naming this side.
public protocol Strategy: Sendable {
    /// Chooses the action for the current turn.
    nonisolated(nonsending) mutating func respond(to view: TurnView) async throws -> Action

    /// Told once, after the session ends, how it ended. The default does nothing.
    mutating func sessionEnded(with outcome: Outcome) async

    /// How the last action was decided, for the transcript, when the strategy consulted something else first
    /// (an LLM agent's attempts and fallbacks). The arbiter records it with the action; the opponent never
    /// sees it. The default is `nil`.
    var lastDecision: DecisionTrace? { get }

    /// The executor this strategy's turns would rather run on, or `nil` (the default) for no preference.
    ///
    /// A remote agent names its HTTP client's transfer thread: the arbiter then runs the whole session there, so
    /// a response resumes the session on the thread that received it instead of waking another. Everything else
    /// in that session runs on the same thread, so a strategy that names an executor should be paired with
    /// strategies that decide quickly.
    var preferredExecutor: (any TaskExecutor)? { get }
}

extension Strategy {
    /// `nil`: the action speaks for itself.
    public var lastDecision: DecisionTrace? { nil }

    /// `nil`: no preference; turns run wherever the session runs.
    public var preferredExecutor: (any TaskExecutor)? { nil }

    /// Does nothing.
    public mutating func sessionEnded(with outcome: Outcome) async {}
}

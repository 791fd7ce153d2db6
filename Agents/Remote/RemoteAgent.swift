public import ParleyProtocol

/// A strategy played by an agent elsewhere: each turn is a call of the agent API through an ``AgentTransport``.
///
/// The session starts on the agent with the first turn (so an agent that never gets a turn is never called),
/// each turn sends the opponent's last action and returns the agent's, and the outcome is reported at the end.
/// A call that times out throws ``AgentTimedOut``, which the arbiter records as a turn timeout; every other
/// failure is recorded as a failure naming this side. An action that breaks the rules is returned as it is, for
/// the arbiter to judge.
public struct RemoteAgent: Strategy {
    /// The transport the calls go through.
    public let transport: any AgentTransport
    /// The session start sent before the first turn.
    public let start: SessionStart
    /// How long a request may take when the scenario sets no turn limit or deadline; `nil` leaves it to the
    /// transport (an HTTP client's request timeout, which `--remote-timeout` sets).
    public var defaultTimeout: Duration?
    private var started = false
    /// The key the agent issued for the session, sent with every later request.
    private var key: String?

    /// A remote agent for one side of one session.
    public init(transport: any AgentTransport, start: SessionStart, defaultTimeout: Duration? = nil) {
        self.transport = transport
        self.start = start
        self.defaultTimeout = defaultTimeout
    }

    /// The transport's thread (an HTTP client's transfer thread), so the arbiter runs the session where the answers arrive.
    public var preferredExecutor: (any TaskExecutor)? { transport.executor }

    /// Starts the session on the first turn, then asks the agent for the action.
    public mutating func respond(to view: TurnView) async throws -> Action {
        // The arbiter's own timer ends the turn at its limit and cancels the request; this one only backs it up.
        let timeout = [view.scenario.turnDuration, view.timeLeft].compactMap { $0 }.min().map { $0 + .seconds(1) } ?? defaultTimeout
        if !started {
            key = try await transport.startSession(start, timeout: timeout).sessionKey
            started = true
        }
        let request = TurnRequest(
            sessionID: start.sessionID, turn: view.turn, opponentAction: view.lastOpponentAction, elapsed: view.elapsed / .seconds(1),
            round: view.round, lastTurn: view.isLastTurn, progress: view.progress
        )
        return try await transport.requestTurn(request, key: key, timeout: timeout).action
    }

    /// Reports the outcome to the agent, if the session started there, as parties are told it
    /// (``ParleyProtocol/Outcome/toldToParties``: no other agent's address or error). A failure to report is not
    /// an error of the session, which has ended.
    public mutating func sessionEnded(with outcome: Outcome) async {
        guard started else { return }
        try? await transport.reportOutcome(OutcomeNotice(sessionID: start.sessionID, outcome: outcome.toldToParties), key: key, timeout: .seconds(5))
    }
}

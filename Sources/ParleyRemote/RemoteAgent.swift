public import ParleyAgents
import ParleyHTTPClient
public import ParleyProtocol

/// A strategy played by an agent server: each turn is a call to its HTTP API.
///
/// The session starts on the server with the first turn (so an agent that never gets a turn is never called),
/// each turn sends the opponent's last action and returns the server's, and the outcome is reported at the end.
/// A request that times out throws ``AgentTimedOut``, which the arbiter records as a turn timeout; every other
/// failure throws ``RemoteAgentError``, which it records as a failure naming this side. An action that breaks
/// the rules is returned as it is, for the arbiter to judge.
public struct RemoteAgent: Strategy {
    /// The server.
    public let endpoint: AgentEndpoint
    /// The session start sent before the first turn.
    public let start: SessionStart
    /// How long a request may take when the scenario sets no turn limit or deadline.
    public var defaultTimeout: Duration
    private var started = false

    /// A remote agent for one side of one session.
    public init(endpoint: AgentEndpoint, start: SessionStart, defaultTimeout: Duration = .seconds(30)) {
        self.endpoint = endpoint
        self.start = start
        self.defaultTimeout = defaultTimeout
    }

    /// The client's transfer thread, so the arbiter runs the session where the responses arrive.
    public var preferredExecutor: (any TaskExecutor)? { endpoint.client.executor }

    /// Starts the session on the first turn, then asks the server for the action.
    public mutating func respond(to view: TurnView) async throws -> Action {
        // The arbiter's own timer ends the turn at its limit and cancels the request; this one only backs it up.
        let timeout = [view.scenario.turnDuration, view.timeLeft].compactMap { $0 }.min().map { $0 + .seconds(1) } ?? defaultTimeout
        do {
            if !started {
                try await endpoint.start(start, timeout: timeout)
                started = true
            }
            let request = TurnRequest(sessionID: start.sessionID, turn: view.turn, opponentAction: view.lastOpponentAction, elapsed: view.elapsed / .seconds(1))
            return try await endpoint.turn(request, timeout: timeout).action
        } catch {
            if case .transport(let url, .timedOut(let limit)) = error {
                throw AgentTimedOut("remote agent at \(url) did not answer within \(limit)")
            }
            throw error
        }
    }

    /// Reports the outcome to the server, if the session started there. A failure to report is not an error of
    /// the session, which has ended.
    public mutating func sessionEnded(with outcome: Outcome) async {
        guard started else { return }
        try? await endpoint.report(OutcomeNotice(sessionID: start.sessionID, outcome: outcome), timeout: .seconds(5))
    }
}

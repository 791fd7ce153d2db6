public import ParleyProtocol

/// How an arbiter reaches an agent that plays elsewhere: the calls of the agent API (`Protocols/Spec/openapi.json`)
/// as typed messages, whatever carries them.
///
/// `ParleyRemote.AgentEndpoint` carries them over HTTP through libcurl; `ParleyServer.InProcessTransport` hands them
/// to an agent server's own logic in the same process, with no socket, so the same remote-agent tests run over
/// both. A new carrier (another protocol binding) is a new conformer; ``RemoteAgent`` and ``RemoteSource`` work
/// over any of them.
///
/// Errors: a call that ran out of time throws ``AgentTimedOut`` (the arbiter records a turn time-out); every other
/// failure throws an error that names the agent, which the arbiter records as a failure of that side.
public protocol AgentTransport: Sendable {
    /// The agent's address as transcripts name it, such as `http://127.0.0.1:8081`.
    var address: String { get }
    /// Where tasks that wait on this transport's answers should run (the HTTP client's transfer thread), if anywhere.
    var executor: (any TaskExecutor)? { get }

    /// The agent's card.
    func card() async throws -> AgentCard
    /// Starts a session on the agent (a repeated start is answered the same, with the same key).
    func startSession(_ message: SessionStart, timeout: Duration?) async throws -> SessionStarted
    /// Asks the agent for its action on a turn (a repeated turn is answered the same), with the session's key
    /// when its start returned one.
    func requestTurn(_ request: TurnRequest, key: String?, timeout: Duration?) async throws -> TurnReply
    /// Tells the agent how the session ended, with the session's key when its start returned one.
    func reportOutcome(_ notice: OutcomeNotice, key: String?, timeout: Duration?) async throws
}

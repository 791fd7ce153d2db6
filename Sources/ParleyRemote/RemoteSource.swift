public import ParleyAgents
public import ParleyProtocol

/// An agent on an agent server as sessions seat it: for each seat, a ``RemoteAgent`` that is sent the seat's
/// scenario, side, profile (when known), seed and session id before its first turn.
public struct RemoteSource: AgentSource {
    /// The server.
    public let endpoint: AgentEndpoint

    /// An agent on the server at `endpoint`.
    public init(endpoint: AgentEndpoint) {
        self.endpoint = endpoint
    }

    /// How the agent is named in transcripts: strategy `remote` and the server's URL.
    public var descriptor: AgentDescriptor { AgentDescriptor(strategy: "remote", spec: endpoint.baseURL) }

    /// A server may keep its own preferences; it is sent the profile when the seat has one.
    public var needsProfile: Bool { false }

    /// The agent for a seat; nothing is sent until its first turn.
    public func makeStrategy(for seat: Seat) throws -> any Strategy {
        RemoteAgent(
            endpoint: endpoint,
            start: SessionStart(sessionID: seat.sessionID, scenario: seat.scenario, role: seat.role, profile: seat.profile, seed: seat.seed)
        )
    }

    /// Asks the server for its card, so a wrong URL or token fails before any session.
    public func preflight() async throws {
        _ = try await endpoint.card()
    }
}

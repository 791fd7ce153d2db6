public import ParleyProtocol

/// An agent elsewhere as sessions seat it: for each seat, a ``RemoteAgent`` that is sent the seat's scenario, side,
/// profile (when known), seed and session id before its first turn.
public struct RemoteSource: AgentSource {
    /// The transport its calls go through.
    public let transport: any AgentTransport

    /// An agent reached through `transport`.
    public init(transport: any AgentTransport) {
        self.transport = transport
    }

    /// Its turns wait on its server.
    public var waitsOnNetwork: Bool { true }

    /// How the agent is named in transcripts: strategy `remote` and its address.
    public var descriptor: AgentDescriptor { AgentDescriptor(strategy: "remote", spec: transport.address) }

    /// A server may keep its own preferences; it is sent the profile when the seat has one.
    public var needsProfile: Bool { false }

    /// The agent for a seat; nothing is sent until its first turn.
    public func makeStrategy(for seat: Seat) throws -> any Strategy {
        RemoteAgent(
            transport: transport,
            start: SessionStart(sessionID: seat.sessionID, scenario: seat.scenario, role: seat.role, profile: seat.profile, seed: seat.seed)
        )
    }

    /// Asks the agent for its card, so a wrong address or token fails before any session.
    public func preflight() async throws {
        _ = try await transport.card()
    }
}

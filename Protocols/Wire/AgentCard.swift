/// What an agent server says about its agent at `GET /v1/agent`.
public struct AgentCard: Sendable, Hashable, Codable {
    /// A display name, such as `boulware:e=0.2`.
    public var name: String
    /// The strategy's name, such as `boulware`.
    public var strategy: String
    /// The protocol versions the agent speaks, such as `["parley/1"]`.
    public var protocols: [ProtocolVersion]
    /// The sides it can play.
    public var roles: [Role]
    /// Whether a session start must carry the agent's profile. Agents that bring their own preferences say `false`.
    public var needsProfile: Bool

    /// Creates a card.
    public init(name: String, strategy: String, protocols: [ProtocolVersion] = [.current], roles: [Role] = Role.allCases, needsProfile: Bool = true) {
        self.name = name
        self.strategy = strategy
        self.protocols = protocols
        self.roles = roles
        self.needsProfile = needsProfile
    }
}

/// The answer to `POST /v1/sessions`: the session the agent now holds.
public struct SessionStarted: Sendable, Hashable, Codable {
    /// The session, as the start message named it.
    public var sessionID: SessionID
    /// A secret the server issued for the session, when it issues them: every later request of the session
    /// must carry it in the ``AgentAPI/sessionKeyHeader`` header, and a request without it is answered 404, as
    /// if the session did not exist. It binds the session to the client that started it.
    public var sessionKey: String?

    /// Creates the message.
    public init(sessionID: SessionID, sessionKey: String? = nil) {
        self.sessionID = sessionID
        self.sessionKey = sessionKey
    }
}

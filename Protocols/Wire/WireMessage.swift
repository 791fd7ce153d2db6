/// A protocol message: a body with the protocol version beside its fields.
///
/// `{"protocol": "parley/1", …the body's fields…}`. Decoding checks the version first and throws
/// ``WireError/Code/unsupportedVersion`` for any other.
public struct WireMessage<Body: Codable & Sendable & Hashable>: Sendable, Hashable, Codable {
    private enum CodingKeys: String, CodingKey { case `protocol` }

    /// The protocol version.
    public var version: ProtocolVersion
    /// The message itself.
    public var body: Body

    /// Wraps a body in the current version.
    public init(_ body: Body, version: ProtocolVersion = .current) {
        self.body = body
        self.version = version
    }

    /// Decodes the version, then the body from the same object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(ProtocolVersion.self, forKey: .protocol)
        guard version == .current else {
            throw WireError(.unsupportedVersion, path: "$.protocol", message: "unsupported protocol '\(version)'; this build speaks \(ProtocolVersion.current)")
        }
        body = try Body(from: decoder)
    }

    /// Encodes the body's fields and the version in one object.
    public func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .protocol)
    }
}

/// The arbiter tells an agent that a session starts: the scenario, its role, and its profile when the arbiter assigns one.
public struct SessionStart: Sendable, Hashable, Codable {
    /// The session.
    public var sessionID: SessionID
    /// The public scenario.
    public var scenario: Scenario
    /// The side the agent plays.
    public var role: Role
    /// The agent's private profile, when the arbiter assigns it (as in tournaments).
    public var profile: Profile?
    /// The seed for the agent's own randomness. On the wire it is a string of decimal digits (`"18446744073709551615"`),
    /// which every language holds exactly; a JSON number up to 2⁵³ − 1 is read too.
    public var seed: UInt64?

    /// Creates the message.
    public init(sessionID: SessionID, scenario: Scenario, role: Role, profile: Profile? = nil, seed: UInt64? = nil) {
        self.sessionID = sessionID
        self.scenario = scenario
        self.role = role
        self.profile = profile
        self.seed = seed
    }

    private enum CodingKeys: String, CodingKey { case sessionID, scenario, role, profile, seed }

    /// Decodes the message; a seed that is neither decimal digits within `UInt64` nor a whole JSON number from 0
    /// to 2⁵³ − 1 is an invalid field at `$.seed`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sessionID = try container.decode(SessionID.self, forKey: .sessionID)
        scenario = try container.decode(Scenario.self, forKey: .scenario)
        role = try container.decode(Role.self, forKey: .role)
        profile = try container.decodeIfPresent(Profile.self, forKey: .profile)
        if let text = try? container.decodeIfPresent(String.self, forKey: .seed) {
            guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let seed = UInt64(text) else {
                throw WireError(.invalidField, path: WireError.path(container.codingPath + [CodingKeys.seed]), message: "a seed is decimal digits from 0 to 18446744073709551615")
            }
            self.seed = seed
        } else {
            seed = try container.decodeWholeIfPresent(.seed, in: 0...Limits.integerMagnitude).map { UInt64($0) }
        }
    }

    /// Encodes the message, the seed as a string of decimal digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sessionID, forKey: .sessionID)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(role, forKey: .role)
        try container.encodeIfPresent(profile, forKey: .profile)
        try container.encodeIfPresent(seed.map { String($0) }, forKey: .seed)
    }
}

/// The arbiter asks an agent for its action on a turn, passing the opponent's last action.
public struct TurnRequest: Sendable, Hashable, Codable {
    /// The session.
    public var sessionID: SessionID
    /// The turn being asked for, from 1.
    public var turn: Int
    /// The opponent's last action, if it has acted.
    public var opponentAction: Action?
    /// Seconds since the session started.
    public var elapsed: Double

    /// Creates the message.
    public init(sessionID: SessionID, turn: Int, opponentAction: Action?, elapsed: Double) {
        self.sessionID = sessionID
        self.turn = turn
        self.opponentAction = opponentAction
        self.elapsed = elapsed
    }

    private enum CodingKeys: String, CodingKey { case sessionID, turn, opponentAction, elapsed }

    /// Decodes the message; a turn outside `1 … 2 ×` ``Limits/maximumRounds`` or an elapsed time outside
    /// `0 …` ``Limits/maximumSeconds`` is an invalid field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sessionID = try container.decode(SessionID.self, forKey: .sessionID)
        turn = Int(try container.decodeWhole(.turn, in: 1...Int64(2 * Limits.maximumRounds)))
        opponentAction = try container.decodeIfPresent(Action.self, forKey: .opponentAction)
        elapsed = try container.decode(Double.self, forKey: .elapsed)
        guard (0...Limits.maximumSeconds).contains(elapsed) else {
            throw WireError(.invalidField, path: WireError.path(container.codingPath + [CodingKeys.elapsed]), message: "elapsed must be from 0 to \(Int(Limits.maximumSeconds)) seconds")
        }
    }
}

/// An agent's answer to a ``TurnRequest``.
public struct TurnReply: Sendable, Hashable, Codable {
    /// The session.
    public var sessionID: SessionID
    /// The turn answered.
    public var turn: Int
    /// The agent's action.
    public var action: Action

    /// Creates the message.
    public init(sessionID: SessionID, turn: Int, action: Action) {
        self.sessionID = sessionID
        self.turn = turn
        self.action = action
    }

    private enum CodingKeys: String, CodingKey { case sessionID, turn, action }

    /// Decodes the message; the turn must be a whole number from 1 to 2 × ``Limits/maximumRounds``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sessionID = try container.decode(SessionID.self, forKey: .sessionID)
        turn = Int(try container.decodeWhole(.turn, in: 1...Int64(2 * Limits.maximumRounds)))
        action = try container.decode(Action.self, forKey: .action)
    }
}

/// The arbiter tells an agent how the session ended. It carries no analysis: the opponent's utilities stay private.
public struct OutcomeNotice: Sendable, Hashable, Codable {
    /// The session.
    public var sessionID: SessionID
    /// How it ended.
    public var outcome: Outcome

    /// Creates the message.
    public init(sessionID: SessionID, outcome: Outcome) {
        self.sessionID = sessionID
        self.outcome = outcome
    }
}

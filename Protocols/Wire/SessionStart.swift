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

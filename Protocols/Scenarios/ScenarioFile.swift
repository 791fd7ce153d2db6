/// The contents of a scenario file: the scenario itself and, for demos and tournaments, each side's profile.
///
/// The scenario's fields sit at the top level of the JSON object, beside `protocol` and `profiles`:
/// ```json
/// {"protocol": "parley/1", "id": "…", "name": "…", "issues": […], "opener": "buyer",
///  "deadline": {"rounds": 100}, "profiles": {"buyer": {…}, "seller": {…}}}
/// ```
public struct ScenarioFile: Sendable, Hashable {
    /// The public scenario.
    public var scenario: Scenario
    /// Private profiles by role; either may be absent.
    public var profiles: [Role: Profile]

    /// Creates a scenario file.
    public init(scenario: Scenario, profiles: [Role: Profile] = [:]) {
        self.scenario = scenario
        self.profiles = profiles
    }

    /// The profile of a side, or `nil` when the file has none for it.
    public func profile(for role: Role) -> Profile? { profiles[role] }
}

extension ScenarioFile: Codable {
    private enum CodingKeys: String, CodingKey {
        case `protocol`, profiles
    }

    private struct Profiles: Codable {
        var buyer: Profile?
        var seller: Profile?
    }

    /// Decodes a scenario file. A `protocol` field, when present, must be `parley/1`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let version = try container.decodeIfPresent(String.self, forKey: .protocol), version != ProtocolVersion.current.rawValue {
            throw DecodingError.dataCorruptedError(
                forKey: .protocol, in: container,
                debugDescription: "unsupported protocol '\(version)'; this build speaks \(ProtocolVersion.current.rawValue)"
            )
        }
        scenario = try Scenario(from: decoder)
        let profiles = try container.decodeIfPresent(Profiles.self, forKey: .profiles)
        self.profiles = [:]
        self.profiles[.buyer] = profiles?.buyer
        self.profiles[.seller] = profiles?.seller
    }

    /// Encodes the scenario's fields, `protocol` and `profiles` in one object.
    public func encode(to encoder: any Encoder) throws {
        try scenario.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ProtocolVersion.current.rawValue, forKey: .protocol)
        if !profiles.isEmpty {
            try container.encode(Profiles(buyer: profiles[.buyer], seller: profiles[.seller]), forKey: .profiles)
        }
    }
}

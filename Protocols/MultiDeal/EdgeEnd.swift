/// How one edge session of a multi-deal negotiation ended: as a bilateral session does, or superseded because the
/// centre's commitments elsewhere left it no room.
public enum EdgeEnd: Sendable, Hashable {
    /// The session ended by its own rules: agreement, walk-away, deadline, or a fault.
    case outcome(Outcome)
    /// The session was ended by the centre's commitments in other sessions.
    case superseded(Supersession)

    /// The outcome the session's agents are told: its own, or for a superseded session the centre walking away with
    /// the supersession as the reason (agents speak the bilateral protocol, unchanged).
    public func outcome(centre: Role) -> Outcome {
        switch self {
        case .outcome(let outcome): outcome
        case .superseded(let supersession): .walkAway(by: centre, reason: supersession.description)
        }
    }

    /// The agreement, when the session ended in one.
    public var agreement: Agreement? {
        if case .outcome(.agreement(let agreement)) = self { agreement } else { nil }
    }
}

/// Why a session was superseded: it names the cause, so that the edge's agent (and anyone reading the record) knows
/// the session did not fail on its own account.
public struct Supersession: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The cause.
    public enum Cause: String, Sendable, Hashable, Codable {
        /// The centre's need was met by other agreements.
        case needMet
        /// The centre's remaining need left no room for a deal with this edge (or for its own standing offer).
        case noRoom
    }

    /// The cause.
    public var cause: Cause
    /// The edge whose agreement caused it.
    public var after: String

    /// A supersession.
    public init(cause: Cause, after: String) {
        self.cause = cause
        self.after = after
    }

    /// For people: `superseded: the centre's need was met by the agreement with acme`.
    public var description: String {
        switch cause {
        case .needMet: "superseded: the centre's need was met by the agreement with \(after)"
        case .noRoom: "superseded: after the agreement with \(after), the centre's remaining need leaves no room for this deal"
        }
    }
}

extension EdgeEnd: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, outcome, supersession
    }

    /// Decodes `{"type": "outcome", "outcome": …}` or `{"type": "superseded", "supersession": …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "outcome": self = .outcome(try container.decode(Outcome.self, forKey: .outcome))
        case "superseded": self = .superseded(try container.decode(Supersession.self, forKey: .supersession))
        case let other: throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown edge end '\(other.prefix(40))'")
        }
    }

    /// Encodes the end with its `type`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .outcome(let outcome):
            try container.encode("outcome", forKey: .type)
            try container.encode(outcome, forKey: .outcome)
        case .superseded(let supersession):
            try container.encode("superseded", forKey: .type)
            try container.encode(supersession, forKey: .supersession)
        }
    }
}

/// The terms both sides agreed, and how they got there.
public struct Agreement: Sendable, Hashable, Codable {
    /// The agreed terms: exactly the accepted offer.
    public var terms: Terms
    /// The side whose offer was accepted.
    public var proposer: Role
    /// The number of actions in the session, the acceptance included.
    public var turns: Int

    /// Creates an agreement.
    public init(terms: Terms, proposer: Role, turns: Int) {
        self.terms = terms
        self.proposer = proposer
        self.turns = turns
    }

    private enum CodingKeys: String, CodingKey { case terms, proposer, turns }

    /// Decodes an agreement; `turns` must be a whole number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        terms = try container.decode(Terms.self, forKey: .terms)
        proposer = try container.decode(Role.self, forKey: .proposer)
        turns = Int(try container.decodeWhole(.turns, in: 0...Int64(2 * Limits.maximumRounds)))
    }
}

/// How a session ended. Each way to end without agreement has its own case, naming who caused it.
///
/// JSON: `{"type": "agreement", "agreement": {…}}`, `{"type": "walkAway", "by": "seller", "reason": "…"}`,
/// `{"type": "deadline"}`, `{"type": "turnTimeout", "by": "buyer"}`,
/// `{"type": "violation", "by": "buyer", "code": "out_of_turn"}`, `{"type": "failure", "by": "seller", "error": "…"}`.
public enum Outcome: Sendable, Hashable {
    /// Both sides agreed on terms.
    case agreement(Agreement)
    /// A side walked away.
    case walkAway(by: Role, reason: String?)
    /// The deadline (rounds or wall-clock time) passed without agreement.
    case deadline
    /// A side took longer than the per-turn time limit (or the remaining session time).
    case turnTimeout(by: Role)
    /// A side broke a protocol rule.
    case violation(by: Role, code: ViolationCode)
    /// A side's agent failed: it threw, crashed, or answered something unreadable.
    case failure(by: Role, error: String)

    /// Which way a session ended, without the details: a stable category for summaries, filters and statistics.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// Both sides agreed on terms.
        case agreement
        /// A side walked away.
        case walkAway
        /// The deadline passed without agreement.
        case deadline
        /// A side took too long.
        case turnTimeout
        /// A side broke a rule.
        case violation
        /// A side's agent failed.
        case failure

        /// Whether the side that caused it was at fault: a time-out, a violation or a failure (walking away is a
        /// legitimate move, and a deadline is no one's fault).
        public var isFault: Bool { self == .turnTimeout || self == .violation || self == .failure }

        /// The name on the wire, such as `turnTimeout`.
        public var description: String { rawValue }
    }

    /// Which way the session ended.
    public var kind: Kind {
        switch self {
        case .agreement: .agreement
        case .walkAway: .walkAway
        case .deadline: .deadline
        case .turnTimeout: .turnTimeout
        case .violation: .violation
        case .failure: .failure
        }
    }

    /// The outcome's type name on the wire (its ``kind``'s raw value).
    public var typeName: String { kind.rawValue }

    /// The agreement, if there is one.
    public var agreement: Agreement? {
        if case .agreement(let agreement) = self { agreement } else { nil }
    }

    /// The side that ended the session without agreement, if one did.
    public var causedBy: Role? {
        switch self {
        case .walkAway(let role, _), .turnTimeout(let role), .violation(let role, _), .failure(let role, _): role
        case .agreement, .deadline: nil
        }
    }
}

extension Outcome: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, agreement, by, reason, code, error
    }

    /// Decodes the tagged JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func by() throws -> Role { try container.decode(Role.self, forKey: .by) }
        switch type {
        case "agreement": self = .agreement(try container.decode(Agreement.self, forKey: .agreement))
        case "walkAway": self = .walkAway(by: try by(), reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case "deadline": self = .deadline
        case "turnTimeout": self = .turnTimeout(by: try by())
        case "violation": self = .violation(by: try by(), code: try container.decode(ViolationCode.self, forKey: .code))
        case "failure": self = .failure(by: try by(), error: try container.decode(String.self, forKey: .error))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown outcome type '\(type)'")
        }
    }

    /// Encodes the tagged JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        try container.encodeIfPresent(causedBy, forKey: .by)
        switch self {
        case .agreement(let agreement): try container.encode(agreement, forKey: .agreement)
        case .walkAway(_, let reason): try container.encodeIfPresent(reason, forKey: .reason)
        case .violation(_, let code): try container.encode(code, forKey: .code)
        case .failure(_, let error): try container.encode(error, forKey: .error)
        case .deadline, .turnTimeout: break
        }
    }
}

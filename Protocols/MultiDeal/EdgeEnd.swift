/// How one edge session of a multi-deal negotiation ended: as a bilateral session does, or superseded because the
/// centre's commitments elsewhere left it no room.
public enum EdgeEnd: Sendable, Hashable {
    /// The session ended by its own rules: agreement, walk-away, deadline, or a fault.
    case outcome(Outcome)
    /// The session was ended by the centre's commitments in other sessions.
    case superseded(Supersession)

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

/// The public description of a negotiation: its issues, who opens, the deadline and the per-turn time limit.
///
/// A scenario holds nothing private; the parties' preferences are ``Profile``s.
public struct Scenario: Sendable, Hashable, Codable {
    /// A stable identifier such as `reference-supply`.
    public var id: String
    /// A human-readable name.
    public var name: String
    /// The negotiable issues, in display order.
    public var issues: [Issue]
    /// The side that makes the first offer.
    public var opener: Role
    /// When the session ends without agreement.
    public var deadline: Deadline
    /// The longest a party may take for one turn, in seconds; `nil` for no limit.
    public var turnTimeLimit: Double?

    /// Creates a scenario; call ``validate()`` to check it.
    public init(id: String, name: String, issues: [Issue], opener: Role, deadline: Deadline, turnTimeLimit: Double? = nil) {
        self.id = id
        self.name = name
        self.issues = issues
        self.opener = opener
        self.deadline = deadline
        self.turnTimeLimit = turnTimeLimit
    }

    /// The issue with a name, if the scenario has one.
    public func issue(named name: String) -> Issue? {
        issues.first { $0.name == name }
    }

    /// The per-turn time limit as a `Duration` (saturated to ``Limits/maximumSeconds``).
    public var turnDuration: Duration? { turnTimeLimit.map { .saturating(seconds: $0) } }

    /// The side that moves at a turn (0-based): the opener on even turns.
    public func mover(atTurn turn: Int) -> Role {
        turn % 2 == 0 ? opener : opener.opponent
    }
}

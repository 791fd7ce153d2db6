/// When a session ends without agreement: after a number of rounds, after a wall-clock time, or whichever comes first.
///
/// JSON: `{"rounds": 100}`, `{"seconds": 30}` or `{"rounds": 100, "seconds": 30}`.
public struct Deadline: Sendable, Hashable, Codable {
    /// The maximum number of rounds (one action by each side is a round).
    public var rounds: Int?
    /// The maximum wall-clock time of the session, in seconds.
    public var seconds: Double?

    /// Creates a deadline; at least one limit must be set (``Scenario/validate()`` checks this).
    public init(rounds: Int? = nil, seconds: Double? = nil) {
        self.rounds = rounds
        self.seconds = seconds
    }

    private enum CodingKeys: String, CodingKey { case rounds, seconds }

    /// Decodes a deadline; `rounds` must be a whole number (its range is checked by validation).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rounds = try container.decodeWholeIfPresent(.rounds).map { Int($0) }
        seconds = try container.decodeIfPresent(Double.self, forKey: .seconds)
    }

    /// The maximum number of turns (actions): `2 × rounds`, or `2 ×` ``Limits/maximumRounds`` when only
    /// wall-clock time is limited, so no session runs without end.
    public var maximumTurns: Int { 2 * min(max(rounds ?? Limits.maximumRounds, 0), Limits.maximumRounds) }

    /// The wall-clock limit as a `Duration` (saturated to ``Limits/maximumSeconds``).
    public var duration: Duration? { seconds.map { .saturating(seconds: $0) } }
}

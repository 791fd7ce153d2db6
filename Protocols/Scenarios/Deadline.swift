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

    /// The relative time t in [0, 1] at which a discounting profile values what happens in round `round` (from 1)
    /// after `elapsed` seconds, as GENIUS defines it: `round / rounds` when rounds are limited (GENIUS's discrete
    /// timeline), otherwise `elapsed / seconds` (its continuous timeline).
    ///
    /// With both limits the round clock counts, so that a settlement's discounted utilities replay exactly from the
    /// session's seed, whatever the machine's speed. This is not ``TurnView``'s progress, which a time-dependent
    /// strategy concedes by and which runs from 0 in the first round to 1 in the last.
    public func discountTime(round: Int, elapsed: Double) -> Double {
        let t: Double
        if let rounds, rounds > 0 {
            t = Double(round) / Double(rounds)
        } else if let seconds, seconds > 0 {
            t = elapsed / seconds
        } else {
            t = 1
        }
        return t.isNaN ? 1 : min(1, max(0, t))
    }

    /// The wall-clock limit as a `Duration` (saturated to ``Limits/maximumSeconds``).
    public var duration: Duration? { seconds.map { .saturating(seconds: $0) } }
}

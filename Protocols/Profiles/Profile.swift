/// One side's **private** preferences: a linear additive utility over terms, and a reservation value.
///
/// The utility of terms is `Σ weight(issue) × value(issue, term)`, in [0, 1]. The reservation value is the utility
/// of walking away: a rational party never agrees to less.
///
/// JSON:
/// ```json
/// {"reservation": 0.2,
///  "issues": {"price": {"weight": 0.5, "value": {"type": "linear", "direction": "decreasing"}}, …}}
/// ```
/// A profile never leaves its owner: the arbiter does not show it to the opponent, and no error message quotes it.
public struct Profile: Sendable, Hashable, Codable {
    /// One issue's weight and value function.
    public struct IssuePreference: Sendable, Hashable, Codable {
        /// The issue's share of the utility; weights are ≥ 0 and sum to 1.
        public var weight: Double
        /// The worth of each of the issue's values.
        public var value: ValueFunction

        /// Creates an issue preference.
        public init(weight: Double, value: ValueFunction) {
            self.weight = weight
            self.value = value
        }
    }

    /// The utility of no agreement, in [0, 1].
    public var reservation: Double
    /// The preference for each issue of the scenario, by issue name.
    public var issues: [String: IssuePreference]

    /// Creates a profile; call ``validate(against:)`` to check it against a scenario.
    public init(reservation: Double, issues: [String: IssuePreference]) {
        self.reservation = reservation
        self.issues = issues
    }
}

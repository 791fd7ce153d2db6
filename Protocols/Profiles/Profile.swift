import Foundation

/// One side's **private** preferences: a linear additive utility over terms, and a reservation value.
///
/// The utility of terms is `Σ weight(issue) × value(issue, term)`, in [0, 1]. The reservation value is the utility
/// of walking away: a rational party never agrees to less.
///
/// A profile may **discount** time, as GENIUS profiles do: with a discount factor δ in (0, 1], what the principal
/// gets from terms agreed at relative time t is `utility × δ^t`, and from no agreement `reservation × δ^t`
/// (``Deadline/discountTime(round:elapsed:)`` defines t). Without a discount factor, time costs nothing.
///
/// JSON:
/// ```json
/// {"reservation": 0.2, "discount": 0.9,
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
    /// The discount factor δ in (0, 1], or `nil` when time costs nothing (the same as 1).
    public var discount: Double?
    /// The preference for each issue of the scenario, by issue name.
    public var issues: [String: IssuePreference]

    /// Creates a profile; call ``validate(against:)`` to check it against a scenario.
    public init(reservation: Double, discount: Double? = nil, issues: [String: IssuePreference]) {
        self.reservation = reservation
        self.discount = discount
        self.issues = issues
    }

    /// What utility `utility` is worth at relative time `t` in [0, 1]: `utility × δ^t`, or `utility` without a
    /// discount factor.
    public func discounted(_ utility: Double, at t: Double) -> Double {
        Self.discounted(utility, by: discount, at: t)
    }

    /// `utility × δ^t`, or `utility` when `discount` is `nil`. Exactly `utility` at t = 0 and for δ = 1.
    public static func discounted(_ utility: Double, by discount: Double?, at t: Double) -> Double {
        guard let discount, discount != 1 else { return utility }
        return utility * pow(discount, min(1, max(0, t)))
    }
}

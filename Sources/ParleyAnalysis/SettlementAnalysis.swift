/// How good a settlement was, judged with both profiles: utilities, advantage, welfare, and the distance to
/// the Pareto frontier, the Nash point and the Kalai point.
///
/// Without agreement each side gets its reservation value (the disagreement point), and distances are
/// measured from there.
public struct SettlementAnalysis: Sendable, Hashable, Codable {
    /// One side's result.
    public struct Side: Sendable, Hashable, Codable {
        /// The utility the side got: the agreement's, or its reservation value.
        public var utility: Double
        /// The side's reservation value.
        public var reservation: Double
        /// The best utility any outcome could give the side.
        public var maximum: Double
        /// `(utility − reservation) / (maximum − reservation)`: 0 at the reservation value, 1 at the side's best.
        public var advantage: Double

        /// Computes the advantage.
        public init(utility: Double, reservation: Double, maximum: Double) {
            self.utility = utility
            self.reservation = reservation
            self.maximum = maximum
            self.advantage = maximum > reservation ? (utility - reservation) / (maximum - reservation) : 0
        }
    }

    /// The buyer's result.
    public var buyer: Side
    /// The seller's result.
    public var seller: Side
    /// Whether the session ended in agreement.
    public var agreed: Bool
    /// Whether both sides got at least their reservation value.
    public var individuallyRational: Bool
    /// The sum of both utilities.
    public var socialWelfare: Double
    /// The product of both sides' gains over their reservation values; 0 when either gain is negative.
    public var nashProduct: Double
    /// Whether no outcome is better for one side without being worse for the other (false without agreement).
    public var paretoOptimal: Bool
    /// Euclidean distance in utility space to the nearest point of the Pareto frontier.
    public var distanceToPareto: Double
    /// Distance to the Nash point, if one exists.
    public var distanceToNash: Double?
    /// Distance to the Kalai point, if one exists.
    public var distanceToKalai: Double?
    /// The Nash bargaining solution: the rational outcome that maximizes the product of both gains.
    public var nash: OutcomePoint?
    /// The Kalai–Smorodinsky solution: the frontier outcome that maximizes the smaller of the two gains, each
    /// as a fraction of the side's best rational gain.
    public var kalai: OutcomePoint?
    /// The number of distinct utility pairs on the Pareto frontier.
    public var frontierSize: Int
    /// The number of outcomes in the scenario.
    public var outcomeCount: Int
}

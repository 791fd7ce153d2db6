/// How good a settlement was, judged with both profiles: utilities, advantage, welfare, and the distance to
/// the Pareto frontier, the Nash point, the Kalai–Smorodinsky point and the egalitarian point.
///
/// Without agreement each side gets its reservation value (the disagreement point), and distances are
/// measured from there. Distances and the solution points are undiscounted; when a profile discounts time, its
/// side's ``Side/discountedUtility`` says what the principal got at the settlement's ``discountTime``.
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
        /// `utility × δ^t` at the settlement's ``SettlementAnalysis/discountTime``, when the side's profile discounts
        /// time; absent otherwise.
        public var discountedUtility: Double?
        /// How well the side's opponent model had learned the other side's preferences when the session ended, when
        /// the side's strategy carries one; absent otherwise.
        public var modelAccuracy: ModelAccuracy?

        /// Computes the advantage.
        public init(utility: Double, reservation: Double, maximum: Double, discountedUtility: Double? = nil, modelAccuracy: ModelAccuracy? = nil) {
            self.utility = utility
            self.reservation = reservation
            self.maximum = maximum
            self.advantage = maximum > reservation ? (utility - reservation) / (maximum - reservation) : 0
            self.discountedUtility = discountedUtility
            self.modelAccuracy = modelAccuracy
        }

        /// What the side's principal got: ``discountedUtility`` when its profile discounts time, ``utility`` otherwise.
        public var payoff: Double { discountedUtility ?? utility }
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
    /// Distance to the Kalai–Smorodinsky point, if one exists.
    public var distanceToKalaiSmorodinsky: Double?
    /// Distance to the egalitarian point, if one exists (absent in records written before Parley reported it).
    public var distanceToEgalitarian: Double?
    /// The Nash bargaining solution: the acceptable outcome that maximizes the product of both gains.
    public var nash: OutcomePoint?
    /// The Kalai–Smorodinsky solution: the acceptable frontier outcome that maximizes the smaller of the two gains,
    /// each as a fraction of the side's best acceptable gain. (Some tools call this point "Kalai".)
    public var kalaiSmorodinsky: OutcomePoint?
    /// The egalitarian solution: the acceptable frontier outcome that maximizes the smaller of the two gains.
    /// (Some tools call this point "Kalai".)
    public var egalitarian: OutcomePoint?
    /// The number of distinct utility pairs on the Pareto frontier.
    public var frontierSize: Int
    /// The number of outcomes in the scenario.
    public var outcomeCount: Int
    /// The relative time t in [0, 1] at which discounted utilities are taken (``Deadline/discountTime(round:elapsed:)``),
    /// when either profile discounts time; absent otherwise.
    public var discountTime: Double?

    /// Creates an analysis; ``OutcomeLandscape/analyze(_:rounds:elapsed:)`` computes one.
    public init(
        buyer: Side, seller: Side, agreed: Bool, individuallyRational: Bool, socialWelfare: Double, nashProduct: Double,
        paretoOptimal: Bool, distanceToPareto: Double, distanceToNash: Double?, distanceToKalaiSmorodinsky: Double?,
        distanceToEgalitarian: Double?, nash: OutcomePoint?, kalaiSmorodinsky: OutcomePoint?, egalitarian: OutcomePoint?,
        frontierSize: Int, outcomeCount: Int, discountTime: Double? = nil
    ) {
        self.buyer = buyer
        self.seller = seller
        self.agreed = agreed
        self.individuallyRational = individuallyRational
        self.socialWelfare = socialWelfare
        self.nashProduct = nashProduct
        self.paretoOptimal = paretoOptimal
        self.distanceToPareto = distanceToPareto
        self.distanceToNash = distanceToNash
        self.distanceToKalaiSmorodinsky = distanceToKalaiSmorodinsky
        self.distanceToEgalitarian = distanceToEgalitarian
        self.nash = nash
        self.kalaiSmorodinsky = kalaiSmorodinsky
        self.egalitarian = egalitarian
        self.frontierSize = frontierSize
        self.outcomeCount = outcomeCount
        self.discountTime = discountTime
    }
}

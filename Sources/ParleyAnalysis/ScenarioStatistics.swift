import ParleyProtocol

/// What a scenario offers both sides, before anyone negotiates: `parley scenario stats`.
///
/// Definitions (the same as the settlement analysis uses):
/// - The **disagreement point** is the pair of reservation values; an outcome is **acceptable** to a side when its
///   utility is at least that side's reservation value.
/// - The **Pareto frontier** is taken over all outcomes, acceptable or not.
/// - **Nash** maximises the product of both gains over the disagreement point; **Kalai–Smorodinsky** maximises the
///   smaller of both sides' shares of their possible gain (up to the best acceptable utility); **egalitarian**
///   maximises the smaller of both gains; **maximum welfare** maximises the sum of both utilities. All four are
///   chosen among frontier outcomes acceptable to both sides; of tied outcomes, the one with the higher sum of
///   utilities, then the lower ordinal. When no outcome is acceptable to both sides, none of them exists (`null`
///   in JSON).
/// - **Opposition** is the distance in utility space from the ideal point (1, 1) to the nearest outcome (Baarslag,
///   Fujita, Gerding, Hindriks, Ito, Jennings et al., "Evaluating practical negotiating agents: Results and analysis
///   of the 2011 international competition", Artificial Intelligence 198, 2013): 0 when one outcome is best for
///   both, up to √2.
public struct ScenarioStatistics: Sendable, Hashable, Encodable {
    /// One side's possibilities.
    public struct Side: Sendable, Hashable, Encodable {
        /// The highest utility of any outcome.
        public var best: Double
        /// The lowest utility of any outcome.
        public var worst: Double
        /// The reservation value.
        public var reservation: Double
        /// The share of outcomes this side accepts (utility at least its reservation value), from 0 to 1.
        public var acceptableShare: Double
        /// The side's discount factor δ, when its profile discounts time (`null` in JSON otherwise).
        public var discount: Double?

        private enum CodingKeys: String, CodingKey { case best, worst, reservation, acceptableShare, discount }

        /// Encodes every field; no discount factor is `null`, never a missing key.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(best, forKey: .best)
            try container.encode(worst, forKey: .worst)
            try container.encode(reservation, forKey: .reservation)
            try container.encode(acceptableShare, forKey: .acceptableShare)
            try container.encode(discount, forKey: .discount)
        }
    }

    /// The number of outcomes.
    public var outcomeCount: Int
    /// The buyer's possibilities.
    public var buyer: Side
    /// The seller's possibilities.
    public var seller: Side
    /// The share of outcomes acceptable to both sides, from 0 to 1.
    public var acceptableShare: Double
    /// The Pareto frontier, buyer utility descending.
    public var frontier: [OutcomePoint]
    /// The Nash point.
    public var nash: OutcomePoint?
    /// The Kalai–Smorodinsky point.
    public var kalaiSmorodinsky: OutcomePoint?
    /// The egalitarian point.
    public var egalitarian: OutcomePoint?
    /// The maximum-welfare point.
    public var maximumWelfare: OutcomePoint?
    /// The distance from (1, 1) to the nearest outcome.
    public var opposition: Double

    /// The statistics of a landscape's scenario; enumerates the outcome space once more, O(n).
    public init(_ landscape: OutcomeLandscape) {
        let space = landscape.space
        let buyerUtilities = landscape.buyer.utilities(over: space)
        let sellerUtilities = landscape.seller.utilities(over: space)
        let (rb, rs) = (landscape.buyer.reservation, landscape.seller.reservation)
        var (buyerAccepts, sellerAccepts, bothAccept) = (0, 0, 0)
        for ordinal in 0..<space.count {
            let (b, s) = (buyerUtilities[ordinal] >= rb, sellerUtilities[ordinal] >= rs)
            if b { buyerAccepts += 1 }
            if s { sellerAccepts += 1 }
            if b && s { bothAccept += 1 }
        }
        let count = max(1, space.count)
        func side(_ utilities: [Double], of function: UtilityFunction, accepts: Int) -> Side {
            Side(
                best: utilities.max() ?? 0, worst: utilities.min() ?? 0, reservation: function.reservation, acceptableShare: Double(accepts) / Double(count),
                discount: function.discount
            )
        }
        func outcome(_ point: ParetoFrontier.Point) -> OutcomePoint {
            OutcomePoint(terms: space.terms(at: point.ordinal), buyer: point.buyer, seller: point.seller)
        }
        func point(_ point: ParetoFrontier.Point?) -> OutcomePoint? { point.map(outcome) }
        let frontier = landscape.frontier
        outcomeCount = space.count
        buyer = side(buyerUtilities, of: landscape.buyer, accepts: buyerAccepts)
        seller = side(sellerUtilities, of: landscape.seller, accepts: sellerAccepts)
        acceptableShare = Double(bothAccept) / Double(count)
        self.frontier = frontier.points.map(outcome)
        nash = landscape.nash
        kalaiSmorodinsky = landscape.kalaiSmorodinsky
        egalitarian = landscape.egalitarian
        maximumWelfare = point(frontier.best(reservations: rb, rs) { $0.buyer + $0.seller })
        opposition = landscape.opposition
    }

    private enum CodingKeys: String, CodingKey {
        case outcomeCount, buyer, seller, acceptableShare, frontier, nash, kalaiSmorodinsky, egalitarian, maximumWelfare, opposition
    }

    /// Encodes every field; a point that does not exist is `null`, never a missing key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcomeCount, forKey: .outcomeCount)
        try container.encode(buyer, forKey: .buyer)
        try container.encode(seller, forKey: .seller)
        try container.encode(acceptableShare, forKey: .acceptableShare)
        try container.encode(frontier, forKey: .frontier)
        try container.encode(nash, forKey: .nash)
        try container.encode(kalaiSmorodinsky, forKey: .kalaiSmorodinsky)
        try container.encode(egalitarian, forKey: .egalitarian)
        try container.encode(maximumWelfare, forKey: .maximumWelfare)
        try container.encode(opposition, forKey: .opposition)
    }
}

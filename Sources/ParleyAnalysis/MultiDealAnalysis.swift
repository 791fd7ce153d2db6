public import ParleyProtocol

/// How good a multi-deal negotiation's result was: the centre's utility of the combination it ended with, the best
/// combination it could have reached had it known every edge's profile (each edge at or above its reservation
/// value), its regret, the welfare of all parties, and each edge's utility and advantage.
///
/// The best combination: under single sourcing, the best deal any edge would accept; under a split order, the
/// quantities and terms (each edge's best for the centre at each quantity it would accept) that maximize the
/// combination's utility, found by dynamic programming over the totals the edges' quantities can reach; under a
/// table, the listed combination with the highest value times the mean of its members' best acceptable deals.
/// Regret is the best minus what the centre got; it is negative only when an edge accepted terms below its own
/// reservation value.
public struct MultiDealAnalysis: Sendable, Hashable, Codable {
    /// One edge's result.
    public struct Edge: Sendable, Hashable, Codable {
        /// The edge's identifier.
        public var edge: String
        /// Whether it made a deal with the centre.
        public var agreed: Bool
        /// The deal's utility to the centre, under its profile for this edge.
        public var centreUtility: Double?
        /// The edge's utility: of its deal, or its reservation value without one.
        public var utility: Double
        /// (u − r)/(max − r) for the edge, 0 without a deal.
        public var advantage: Double
    }

    /// One deal of the best combination.
    public struct BestDeal: Sendable, Hashable, Codable {
        /// The edge's identifier.
        public var edge: String
        /// The terms.
        public var terms: Terms
        /// Their utility to the centre.
        public var centreUtility: Double
    }

    /// The centre's utility of the combination it ended with.
    public var centreUtility: Double
    /// The best combination's utility to the centre; `nil` when a split order's totals were too many to search.
    public var best: Double?
    /// The deals of the best combination.
    public var bestDeals: [BestDeal]
    /// ``best`` minus ``centreUtility``.
    public var regret: Double?
    /// The centre's utility plus every edge's.
    public var welfare: Double
    /// Each edge's result, in the scenario's order.
    public var edges: [Edge]

    /// The most totals the split-order search keeps.
    public static let maximumTotals = 1_000_000

    /// Analyzes the deals of a multi-deal negotiation, given by edge position; throws when a profile is missing or
    /// does not compile. Analyzing many negotiations of one scenario, build its ``MultiDealLandscape`` once instead.
    public init(scenario: MultiDealScenario, deals: [(edge: Int, terms: Terms)]) throws(LandscapeError) {
        self = try MultiDealLandscape(scenario: scenario).analyze(deals: deals)
    }

    /// The analysis from its parts.
    init(centreUtility: Double, best: Double?, bestDeals: [BestDeal], welfare: Double, edges: [Edge]) {
        self.centreUtility = centreUtility
        self.best = best
        self.bestDeals = bestDeals
        self.regret = best.map { $0 - centreUtility }
        self.welfare = welfare
        self.edges = edges
    }
}

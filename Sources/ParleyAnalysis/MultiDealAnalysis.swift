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
    /// does not compile.
    public init(scenario: MultiDealScenario, deals: [(edge: Int, terms: Terms)]) throws(LandscapeError) {
        let landscapes = try scenario.edges.map { edge throws(LandscapeError) in try Self.landscape(edge, centre: scenario.centre) }
        let quantityIssue: String? = if case .split(let issue, _, _) = scenario.need { issue } else { nil }
        var edges: [Edge] = []
        var achieved: [Need.Deal] = []
        for (position, edge) in scenario.edges.enumerated() {
            let (centre, other) = landscapes[position]
            let deal = deals.first { $0.edge == position }
            let utility = deal.flatMap { other.utility(of: $0.terms) } ?? other.reservation
            let span = other.maximum - other.reservation
            let centreUtility = deal.flatMap { centre.utility(of: $0.terms) }
            if let deal, let centreUtility {
                let quantity = quantityIssue.flatMap { issue -> Int? in if case .integer(let value) = deal.terms[issue] { Int(exactly: value) } else { nil } }
                achieved.append(Need.Deal(edge: edge.id, utility: centreUtility, quantity: quantity))
            }
            edges.append(Edge(
                edge: edge.id, agreed: deal != nil, centreUtility: centreUtility, utility: utility,
                advantage: deal != nil && span > 0 ? (utility - other.reservation) / span : 0
            ))
        }
        let centreUtility = scenario.need.utility(of: achieved, reservation: scenario.reservation)
        let (best, bestDeals) = Self.best(scenario: scenario, landscapes: landscapes)
        self.centreUtility = centreUtility
        self.best = best
        self.bestDeals = bestDeals
        regret = best.map { $0 - centreUtility }
        welfare = centreUtility + edges.reduce(0) { $0 + $1.utility }
        self.edges = edges
    }

    /// The centre's and the edge's utility functions for one edge.
    private static func landscape(_ edge: MultiDealScenario.Edge, centre: Role) throws(LandscapeError) -> (centre: UtilityFunction, edge: UtilityFunction) {
        let file = edge.scenario
        guard let buyer = file.profile(for: .buyer), let seller = file.profile(for: .seller) else {
            throw .invalidProfile(ValidationFailure(problems: [.init(path: "$.profiles", code: "missing_profile", message: "the edge '\(edge.id)' lacks a profile")]))
        }
        do {
            let functions = (try UtilityFunction(profile: buyer, scenario: file.scenario), try UtilityFunction(profile: seller, scenario: file.scenario))
            return centre == .buyer ? (functions.0, functions.1) : (functions.1, functions.0)
        } catch {
            throw .invalidProfile(error)
        }
    }

    /// For one edge, its best terms for the centre among those the edge would accept, per quantity of the split
    /// issue (one entry, keyed 0, for other needs).
    private static func bestAcceptable(_ functions: (centre: UtilityFunction, edge: UtilityFunction), quantityIssue: String?) -> [Int: (Terms, Double)] {
        guard let space = OutcomeSpace(issues: functions.centre.issues) else { return [:] }
        let position = quantityIssue.flatMap { issue in functions.centre.issues.firstIndex { $0.name == issue } }
        var best: [Int: (ordinal: Int, utility: Double)] = [:]
        for ordinal in 0..<space.count {
            let digits = space.digits(of: ordinal)
            guard functions.edge.utility(digits: digits) >= functions.edge.reservation else { continue }
            let utility = functions.centre.utility(digits: digits)
            var key = 0
            if let position, case .integer(let value) = space.value(of: ordinal, at: position) { key = Int(clamping: value) }
            if utility > best[key]?.utility ?? -1 { best[key] = (ordinal, utility) }
        }
        return best.mapValues { (space.terms(at: $0.ordinal), $0.utility) }
    }

    private static func best(scenario: MultiDealScenario, landscapes: [(centre: UtilityFunction, edge: UtilityFunction)]) -> (Double?, [BestDeal]) {
        let ids = scenario.edges.map(\.id)
        switch scenario.need {
        case .single:
            let candidates = landscapes.indices.compactMap { position in
                bestAcceptable(landscapes[position], quantityIssue: nil)[0].map { BestDeal(edge: ids[position], terms: $0.0, centreUtility: $0.1) }
            }
            guard let top = candidates.max(by: { $0.centreUtility < $1.centreUtility }), top.centreUtility > scenario.reservation else {
                return (scenario.reservation, [])
            }
            return (top.centreUtility, [top])
        case .table(let combinations):
            let bests = landscapes.map { bestAcceptable($0, quantityIssue: nil)[0] }
            var result: (Double, [BestDeal]) = (scenario.reservation, [])
            for combination in combinations {
                let members = Set(combination.edges).compactMap { id in ids.firstIndex(of: id) }
                guard !members.isEmpty, members.allSatisfy({ bests[$0] != nil }) else { continue }
                let deals = members.sorted().map { BestDeal(edge: ids[$0], terms: bests[$0]!.0, centreUtility: bests[$0]!.1) }
                let value = combination.value * deals.reduce(0) { $0 + $1.centreUtility } / Double(deals.count)
                if value > result.0 { result = (value, deals) }
            }
            return result
        case .split(let issue, let total, let penalty):
            // totals reached → (value, the deals reaching it)
            var states: [Int: (value: Double, deals: [BestDeal])] = [0: (0, [])]
            for position in landscapes.indices {
                let options = bestAcceptable(landscapes[position], quantityIssue: issue).filter { $0.key > 0 && $0.key <= total }
                var next = states
                for (reached, state) in states {
                    for (quantity, (terms, utility)) in options where reached + quantity <= total {
                        let value = state.value + Double(quantity) / Double(total) * utility
                        if value > next[reached + quantity]?.value ?? -1 {
                            next[reached + quantity] = (value, state.deals + [BestDeal(edge: ids[position], terms: terms, centreUtility: utility)])
                        }
                    }
                }
                guard next.count <= maximumTotals else { return (nil, []) }
                states = next
            }
            let unfilled = max(0, scenario.reservation - penalty)
            let top = states.max { ($0.value.value + Double(total - $0.key) / Double(total) * unfilled) < ($1.value.value + Double(total - $1.key) / Double(total) * unfilled) }!
            return (top.value.value + Double(total - top.key) / Double(total) * unfilled, top.value.deals)
        }
    }
}

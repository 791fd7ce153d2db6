public import ParleyProtocol

/// Everything about a multi-deal scenario that does not depend on how a negotiation went: each edge's landscape
/// (both sides' utilities over its outcomes) and the best combination the centre could reach had it known every
/// edge's profile. Build it once per scenario and share it; ``analyze(deals:)`` then analyzes a negotiation.
///
/// The best combination: under single sourcing, the best deal any edge would accept; under a split order, the
/// quantities and terms (each edge's best for the centre at each quantity it would accept) that maximize the
/// combination's utility, found by dynamic programming over the totals the edges' quantities can reach (at most
/// ``MultiDealAnalysis/maximumTotals`` of them); under a table, the listed combination with the highest value times
/// the mean of its members' best acceptable deals.
public struct MultiDealLandscape: Sendable {
    /// The scenario.
    public let scenario: MultiDealScenario
    /// Each edge's landscape, in the scenario's order.
    public let edges: [OutcomeLandscape]
    /// The best combination's utility to the centre; `nil` when a split order's totals were too many to search.
    public let best: Double?
    /// The deals of the best combination.
    public let bestDeals: [MultiDealAnalysis.BestDeal]

    /// The landscape of a scenario; throws when an edge lacks a profile or one does not fit its scenario.
    public init(scenario: MultiDealScenario) throws(LandscapeError) {
        self.scenario = scenario
        self.edges = try scenario.edges.map { edge throws(LandscapeError) in
            let file = edge.scenario
            guard let buyer = file.profile(for: .buyer), let seller = file.profile(for: .seller) else {
                throw .invalidProfile(ValidationFailure(problems: [.init(path: "$.profiles", code: "missing_profile", message: "the edge '\(edge.id)' lacks a profile")]))
            }
            return try OutcomeLandscape(scenario: file.scenario, buyer: buyer, seller: seller)
        }
        let functions = edges.map { Self.functions($0, centre: scenario.centre) }
        (best, bestDeals) = Self.best(scenario: scenario, functions: functions)
    }

    /// The analysis of a negotiation's deals, given by edge position.
    public func analyze(deals: [(edge: Int, terms: Terms)]) -> MultiDealAnalysis {
        let quantityIssue: String? = if case .split(let issue, _, _) = scenario.need { issue } else { nil }
        var results: [MultiDealAnalysis.Edge] = []
        var achieved: [Need.Deal] = []
        for (position, edge) in scenario.edges.enumerated() {
            let (centre, other) = Self.functions(edges[position], centre: scenario.centre)
            let deal = deals.first { $0.edge == position }
            let utility = deal.flatMap { other.utility(of: $0.terms) } ?? other.reservation
            let span = other.maximum - other.reservation
            let centreUtility = deal.flatMap { centre.utility(of: $0.terms) }
            if let deal, let centreUtility {
                let quantity = quantityIssue.flatMap { issue -> Int? in if case .integer(let value) = deal.terms[issue] { Int(exactly: value) } else { nil } }
                achieved.append(Need.Deal(edge: edge.id, utility: centreUtility, quantity: quantity))
            }
            results.append(MultiDealAnalysis.Edge(
                edge: edge.id, agreed: deal != nil, centreUtility: centreUtility, utility: utility,
                advantage: deal != nil && span > 0 ? (utility - other.reservation) / span : 0
            ))
        }
        let centreUtility = scenario.need.utility(of: achieved, reservation: scenario.reservation)
        return MultiDealAnalysis(
            centreUtility: centreUtility, best: best, bestDeals: bestDeals, welfare: centreUtility + results.reduce(0) { $0 + $1.utility }, edges: results
        )
    }

    /// The centre's and the edge's utility functions of an edge's landscape.
    private static func functions(_ landscape: OutcomeLandscape, centre: Role) -> (centre: UtilityFunction, edge: UtilityFunction) {
        centre == .buyer ? (landscape.buyer, landscape.seller) : (landscape.seller, landscape.buyer)
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

    private static func best(
        scenario: MultiDealScenario, functions: [(centre: UtilityFunction, edge: UtilityFunction)]
    ) -> (Double?, [MultiDealAnalysis.BestDeal]) {
        typealias BestDeal = MultiDealAnalysis.BestDeal
        let ids = scenario.edges.map(\.id)
        switch scenario.need {
        case .single:
            let candidates = functions.indices.compactMap { position in
                bestAcceptable(functions[position], quantityIssue: nil)[0].map { BestDeal(edge: ids[position], terms: $0.0, centreUtility: $0.1) }
            }
            guard let top = candidates.max(by: { $0.centreUtility < $1.centreUtility }), top.centreUtility > scenario.reservation else {
                return (scenario.reservation, [])
            }
            return (top.centreUtility, [top])
        case .table(let combinations):
            let bests = functions.map { bestAcceptable($0, quantityIssue: nil)[0] }
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
            // Each total reached, with its value and the deals reaching it.
            var states: [Int: (value: Double, deals: [BestDeal])] = [0: (0, [])]
            for position in functions.indices {
                let options = bestAcceptable(functions[position], quantityIssue: issue).filter { $0.key > 0 && $0.key <= total }
                var next = states
                for (reached, state) in states {
                    for (quantity, (terms, utility)) in options where reached + quantity <= total {
                        let value = state.value + Double(quantity) / Double(total) * utility
                        if value > next[reached + quantity]?.value ?? -1 {
                            next[reached + quantity] = (value, state.deals + [BestDeal(edge: ids[position], terms: terms, centreUtility: utility)])
                        }
                    }
                }
                guard next.count <= MultiDealAnalysis.maximumTotals else { return (nil, []) }
                states = next
            }
            let unfilled = max(0, scenario.reservation - penalty)
            func worth(_ state: (key: Int, value: (value: Double, deals: [BestDeal]))) -> Double {
                state.value.value + Double(total - state.key) / Double(total) * unfilled
            }
            let top = states.max { worth($0) < worth($1) }!
            return (worth(top), top.value.deals)
        }
    }
}

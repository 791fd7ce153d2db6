public import ParleyLedger

/// A multi-deal tournament's results, centres and edge agents ranked apart, built from the stored negotiations'
/// summaries alone (each summary is checked against its chains by `verify`).
///
/// Centres are ranked by the mean utility of their deals to the buyer (or seller) they act for; edge agents by their
/// mean utility over the edge sessions they played. Both carry a 95% confidence interval (Student's t).
public struct MultiDealLeaderboard: Sendable, Hashable, Codable {
    /// One centre's line.
    public struct CentreRow: Sendable, Hashable, Codable {
        /// The centre, `RULE+AGENT`.
        public var centre: String
        /// Negotiations it led.
        public var negotiations: Int
        /// Mean utility of its deals to its principal (ranked by).
        public var meanUtility: Double
        /// Half the width of the 95% confidence interval of ``meanUtility``; `nil` with one negotiation.
        public var utilityInterval: Double?
        /// Mean regret against the best combination reachable with every edge's profile known, over the negotiations
        /// where it could be computed.
        public var meanRegret: Double?
        /// Mean number of deals per negotiation.
        public var meanDeals: Double
        /// Share of negotiations without any deal.
        public var noDealRate: Double
        /// Mean welfare: the centre's utility plus every edge's.
        public var meanWelfare: Double
    }

    /// One edge agent's line.
    public struct EdgeRow: Sendable, Hashable, Codable {
        /// The agent, as transcripts name it.
        public var agent: String
        /// Edge sessions it played.
        public var sessions: Int
        /// Mean utility to its principal (ranked by).
        public var meanUtility: Double
        /// Half the width of the 95% confidence interval of ``meanUtility``.
        public var utilityInterval: Double?
        /// Mean advantage over its reservation value.
        public var meanAdvantage: Double
        /// Share of its sessions that ended in a deal.
        public var agreementRate: Double
        /// Share of its sessions superseded by the centre's deals elsewhere.
        public var supersededRate: Double
    }

    /// The centres, best first.
    public var centres: [CentreRow]
    /// The edge agents, best first.
    public var edges: [EdgeRow]
    /// The negotiations counted.
    public var negotiations: Int

    /// The leaderboard of summaries.
    public init(summaries: some Sequence<MultiDealSummary>) {
        var centres: [String: (count: Int, utility: Sample, regret: Sample, deals: Int, noDeal: Int, welfare: Double)] = [:]
        var edges: [String: (utility: Sample, advantage: Double, agreed: Int, superseded: Int)] = [:]
        var negotiations = 0
        for summary in summaries {
            negotiations += 1
            var centre = centres[summary.centre] ?? (0, Sample(), Sample(), 0, 0, 0)
            centre.count += 1
            centre.utility.add(summary.centreUtility)
            if let regret = summary.regret { centre.regret.add(regret) }
            centre.deals += summary.deals
            if summary.deals == 0 { centre.noDeal += 1 }
            centre.welfare += summary.welfare
            centres[summary.centre] = centre
            for edge in summary.edges {
                var row = edges[edge.agent] ?? (Sample(), 0, 0, 0)
                row.utility.add(edge.utility)
                row.advantage += edge.advantage
                if edge.end == "agreement" { row.agreed += 1 }
                if edge.end == "superseded" { row.superseded += 1 }
                edges[edge.agent] = row
            }
        }
        self.negotiations = negotiations
        self.centres = centres.map { name, row in
            let count = Double(row.count)
            return CentreRow(
                centre: name, negotiations: row.count, meanUtility: row.utility.mean, utilityInterval: row.utility.interval,
                meanRegret: row.regret.count > 0 ? row.regret.mean : nil, meanDeals: Double(row.deals) / count, noDealRate: Double(row.noDeal) / count,
                meanWelfare: row.welfare / count
            )
        }.sorted { ($0.meanUtility, $1.centre) > ($1.meanUtility, $0.centre) }
        self.edges = edges.map { name, row in
            let count = Double(row.utility.count)
            return EdgeRow(
                agent: name, sessions: row.utility.count, meanUtility: row.utility.mean, utilityInterval: row.utility.interval,
                meanAdvantage: row.advantage / count, agreementRate: Double(row.agreed) / count, supersededRate: Double(row.superseded) / count
            )
        }.sorted { ($0.meanUtility, $1.agent) > ($1.meanUtility, $0.agent) }
    }

    /// The leaderboard of a stored multi-deal tournament.
    public init(store: some TranscriptStore, tournament: String) throws(StoreError) {
        var summaries: [MultiDealSummary] = []
        try store.forEachMultiDeal(of: tournament) { summaries.append($0.summary) }
        self.init(summaries: summaries)
    }

    /// A running mean and variance (Welford).
    struct Sample: Sendable {
        var count = 0
        var mean = 0.0
        var squares = 0.0

        mutating func add(_ value: Double) {
            count += 1
            let delta = value - mean
            mean += delta / Double(count)
            squares += delta * (value - mean)
        }

        /// Half the width of the 95% confidence interval of the mean; `nil` below two values.
        var interval: Double? {
            count > 1 ? StudentT.quantile975(degreesOfFreedom: count - 1) * (squares / Double(count - 1)).squareRoot() / Double(count).squareRoot() : nil
        }
    }
}

import ParleyAnalysis
public import ParleyProtocol
public import ParleyRecords

/// What a store keeps about a multi-deal negotiation beside its chain: who took part, how each edge session
/// ended and what the whole came to. Every field follows from the chained records, and verification checks that
/// it does; tournament leaderboards read it alone.
public struct MultiDealSummary: Sendable, Hashable, Codable {
    /// One edge's part.
    public struct Edge: Sendable, Hashable, Codable {
        /// The edge's identifier.
        public var edge: String
        /// The edge's agent, as transcripts name it.
        public var agent: String
        /// How its session ended: an outcome kind (`agreement`, `walk_away`, …) or `superseded`.
        public var end: String
        /// The quantity of its deal, for a split order.
        public var quantity: Int?
        /// The edge's utility.
        public var utility: Double
        /// The edge's utility above its reservation value.
        public var advantage: Double
    }

    /// The negotiation's identifier (the same for replays of one seed, scenario and agents).
    public var multiDealID: String
    /// The scenario's identifier.
    public var scenarioID: String
    /// Parallel or sequential.
    public var mode: MultiDealScenario.Mode
    /// The centre's agent, as transcripts name it.
    public var centre: String
    /// The negotiation's seed.
    public var seed: UInt64
    /// When it started, ISO 8601 with seconds.
    public var startedAt: String
    /// Every edge, in the scenario's order.
    public var edges: [Edge]
    /// The number of deals made.
    public var deals: Int
    /// The centre's utility of its deals.
    public var centreUtility: Double
    /// The best the centre could have had with every edge's profile known, when it could be computed.
    public var best: Double?
    /// `best − centreUtility`.
    public var regret: Double?
    /// The centre's utility plus every edge's.
    public var welfare: Double

    /// The summary of a finished negotiation.
    public init(record: MultiDealRecord) {
        let analysis = record.settlement.analysis
        let quantities = Dictionary(record.settlement.deals.map { ($0.edge, $0.quantity) }, uniquingKeysWith: { first, _ in first })
        multiDealID = MultiDealChain.identifier(of: record)
        scenarioID = record.scenario.id
        mode = record.scenario.mode
        centre = record.centre.spec
        seed = record.seed
        startedAt = StoredSession.timestamp(record.startedAt)
        edges = record.sessions.enumerated().map { position, session in
            let header = session.record.transcript.header
            let end: String
            switch session.end {
            case .superseded: end = "superseded"
            case .outcome(let outcome): end = outcome.kind.rawValue
            }
            let measured = position < analysis.edges.count ? analysis.edges[position] : nil
            return Edge(
                edge: session.edge, agent: header.agent(record.scenario.edgeRole).spec, end: end, quantity: quantities[session.edge] ?? nil,
                utility: measured?.utility ?? 0, advantage: measured?.advantage ?? 0
            )
        }
        deals = record.settlement.deals.count
        centreUtility = analysis.centreUtility
        best = analysis.best
        regret = analysis.regret
        welfare = analysis.welfare
    }

    /// The name of the first field that differs from another summary's, if one does.
    public func firstDifference(from other: MultiDealSummary) -> String? {
        let fields: [(String, Bool)] = [
            ("multi_deal_id", multiDealID == other.multiDealID), ("scenario_id", scenarioID == other.scenarioID), ("mode", mode == other.mode),
            ("centre", centre == other.centre), ("seed", seed == other.seed), ("started_at", startedAt == other.startedAt), ("edges", edges == other.edges),
            ("deals", deals == other.deals), ("centre_utility", centreUtility == other.centreUtility), ("best", best == other.best),
            ("regret", regret == other.regret), ("welfare", welfare == other.welfare),
        ]
        return fields.first { !$0.1 }?.0
    }
}

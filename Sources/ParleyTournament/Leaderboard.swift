public import ParleyAnalysis
public import ParleyLedger

/// Per-strategy results of a tournament, built by streaming its entries: memory grows with the number of
/// agents, never with the number of sessions.
///
/// Every agent is measured from its own side in each session it played, as buyer or as seller. Agents are
/// ranked by mean utility with a 95% confidence interval; an agent's rank is a range when its interval overlaps
/// others' (see ``Row/rank``).
public struct Leaderboard: Sendable, Hashable, Codable {
    /// One agent's line.
    public struct Row: Sendable, Hashable, Codable {
        /// The agent's spec.
        public var agent: String
        /// The best place by mean utility consistent with the 95% intervals; `nil` when the sample is too small to rank.
        public var bestRank: Int?
        /// The worst place consistent with the 95% intervals.
        public var worstRank: Int?

        /// The rank as shown: `1`, or a range such as `2–3` when intervals overlap.
        public var rank: String? {
            guard let bestRank, let worstRank else { return nil }
            return bestRank == worstRank ? "\(bestRank)" : "\(bestRank)–\(worstRank)"
        }
        /// Sessions played (both roles).
        public var sessions: Int
        /// Mean utility of the outcome to this agent's principal (its reservation value without agreement), discounted
        /// to the settlement's time where the principal's profile discounts time: what the principal got. Agents are
        /// ranked by it.
        public var meanUtility: Double
        /// Mean utility without discounting, when any of this agent's sessions was played under a discounting
        /// profile; absent otherwise (it would equal ``meanUtility``).
        public var meanUndiscountedUtility: Double?
        /// Half the width of the 95% confidence interval of ``meanUtility`` (Student's t).
        public var utilityInterval: Double?
        /// Mean advantage, (u − r)/(max − r): 0 at the reservation value, 1 at the best outcome.
        public var meanAdvantage: Double
        /// Share of sessions that ended in agreement.
        public var agreementRate: Double
        /// Mean sum of both sides' utilities.
        public var meanWelfare: Double
        /// Mean distance to the Nash point, over the sessions that have one.
        public var meanDistanceToNash: Double?
        /// Mean distance to the Pareto frontier.
        public var meanDistanceToPareto: Double
        /// Mean rounds to agreement, over the agreed sessions.
        public var meanRoundsToAgreement: Double?
        /// Mean Pearson correlation between this agent's opponent model and the opponent's true utilities at the end of
        /// a session, over the sessions in which it carried a model (`ParleyAnalysis.ModelAccuracy`); absent otherwise.
        public var meanModelPearson: Double?
        /// Mean Kendall τ-b of the same, over the same sessions.
        public var meanModelKendall: Double?
        /// Sessions without agreement, by cause: `deadline`, and `walkAway`, `turnTimeout`, `violation`, `failure`
        /// when this agent caused them.
        /// What the agent's consulted model cost over all its sessions, when it consulted one.
        public var modelUsage: ModelUsage?
        public var failures: [String: Int]
    }

    /// The rows, best first.
    public var rows: [Row]
    /// Why the ranking is missing or weak, when it is.
    public var note: String?
    /// Mean utility of each agent (first key) against each opponent (second key), both roles.
    public var pairwise: [String: [String: Double]]
    /// Sessions in all.
    public var sessions: Int
    /// Share of all sessions that ended in agreement.
    public var agreementRate: Double

    /// The leaderboard of a stored tournament, read as a stream.
    public init(store: some TranscriptStore, tournament: String, agents: [String]) throws(StoreError) {
        var builder = Builder(agents: agents)
        try store.forEachEntry(of: tournament) { builder.add($0) }
        self = builder.leaderboard()
    }

    /// The leaderboard of entries at hand.
    public init(entries: some Sequence<TournamentEntry>, agents: [String]) {
        var builder = Builder(agents: agents)
        for entry in entries { builder.add(entry) }
        self = builder.leaderboard()
    }

    init(rows: [Row], note: String?, pairwise: [String: [String: Double]], sessions: Int, agreementRate: Double) {
        self.rows = rows
        self.note = note
        self.pairwise = pairwise
        self.sessions = sessions
        self.agreementRate = agreementRate
    }
}

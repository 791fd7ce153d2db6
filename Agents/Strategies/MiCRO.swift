public import ParleyProtocol

/// MiCRO (de Jonge, "An analysis of the linear bilateral ANAC domains using the MiCRO benchmark strategy",
/// IJCAI 2022): concede one outcome at a time, and only as often as the opponent makes new offers.
///
/// Outcomes are ranked by the agent's utility, best first. With m the number of distinct offers it has made and n
/// the number of distinct offers it has received, it proposes the next outcome in the ranking when m ≤ n (and that
/// outcome is worth at least its reservation value); otherwise it repeats one of its earlier proposals, chosen by
/// its seeded generator. It accepts an offer worth at least the least of its proposals, this turn's included. It
/// never makes more distinct proposals than one more than the distinct offers it has received.
public struct MiCRO: Strategy {
    private let utility: UtilityFunction
    private let index: BiddingIndex
    private var random: SeededGenerator
    /// How many distinct proposals made so far: the ranks `count − 1`, `count − 2`, … of the bidding index.
    private var proposals = 0
    private var received: Set<Int> = []
    private var lastObservedTurn = 0

    /// MiCRO for an agent.
    public init(context: AgentContext) throws(BiddingIndexError) {
        utility = context.utility
        index = try context.biddingIndex()
        random = SeededGenerator(seed: context.seed)
    }

    /// The number of distinct offers made so far.
    public var distinctProposals: Int { proposals }
    /// The number of distinct offers received so far.
    public var distinctOffersReceived: Int { received.count }

    /// Counts a new offer, then accepts it or proposes: a new outcome if the opponent has kept pace, an old one if not.
    public mutating func respond(to view: TurnView) -> Action {
        let standing = view.standingOffer
        if let new = view.newStandingOffer(since: &lastObservedTurn), let ordinal = index.space.ordinal(of: new) { received.insert(ordinal) }
        let next = index.count - 1 - proposals
        let concedes = proposals <= received.count && next >= 0 && index.utilities[next] >= utility.reservation
        guard concedes || proposals > 0 else { return .walkAway(reason: "no terms are acceptable") }
        let lowest = index.utilities[concedes ? next : index.count - proposals]
        if let standing, let value = utility.utility(of: standing), value >= lowest, value >= utility.reservation {
            return .accept
        }
        if concedes {
            proposals += 1
            return .offer(index.terms(atRank: next))
        }
        return .offer(index.terms(atRank: index.count - 1 - Int.random(in: 0..<proposals, using: &random)))
    }
}

public import ParleyProtocol

/// Never concedes: always offers its best terms, and accepts only an offer worth as much as those.
public struct Hardliner: Strategy {
    private let utility: UtilityFunction
    private let best: Terms
    private let bestUtility: Double

    /// A hardliner for an agent.
    public init(context: AgentContext) throws(BiddingIndexError) {
        let index = try context.biddingIndex()
        utility = context.utility
        best = index.terms(atRank: index.count - 1)
        bestUtility = index.maximum
    }

    /// Offers its best terms, or accepts an offer just as good.
    public mutating func respond(to view: TurnView) -> Action {
        guard bestUtility >= utility.reservation else { return .walkAway(reason: "no terms are acceptable") }
        if let offer = view.standingOffer, let value = utility.utility(of: offer), value >= bestUtility {
            return .accept
        }
        return .offer(best)
    }
}

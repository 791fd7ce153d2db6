public import ParleyProtocol

/// Relative tit-for-tat (after Faratin et al., 1998): concedes in proportion to the opponent's concessions.
///
/// It measures each new opponent offer in its own utility. If the offer closes a fraction `c` of the gap
/// between the opponent's previous offer and this agent's best outcome, it lowers its own target by the same
/// fraction of the distance between target and floor; if the opponent retreats, it retreats in proportion.
/// A small unconditional `kindness` each turn keeps two tit-for-tat agents from waiting on each other forever.
/// It offers the terms nearest above its target and accepts an offer worth at least as much (AC_next).
public struct TitForTat: Strategy {
    /// The fraction of the remaining concession range given each turn regardless of the opponent.
    public let kindness: Double
    private let utility: UtilityFunction
    private let index: BiddingIndex
    private let floor: Double
    private var target: Double
    private var previousOpponentUtility: Double?

    /// A tit-for-tat strategy for an agent.
    public init(kindness: Double, context: AgentContext) throws(BiddingIndexError) {
        self.kindness = kindness
        utility = context.utility
        index = try context.biddingIndex()
        floor = max(context.utility.reservation, index.minimum)
        target = index.maximum
    }

    /// Mirrors the opponent's last concession, then offers or accepts.
    public mutating func respond(to view: TurnView) -> Action {
        guard floor <= index.maximum else { return .walkAway(reason: "no terms are acceptable") }
        let offered = view.standingOffer.flatMap { utility.utility(of: $0) }
        if let offered {
            if let previous = previousOpponentUtility, index.maximum > previous {
                let fraction = max(-1, min(1, (offered - previous) / (index.maximum - previous)))
                target = fraction >= 0
                    ? target - fraction * (target - floor)
                    : target + -fraction * (index.maximum - target)
            }
            previousOpponentUtility = offered
        }
        target -= kindness * (target - floor)
        let rank = index.rank(nearestAtOrAbove: target)
        if let offered, offered >= index.utilities[rank] { return .accept }
        return .offer(index.terms(atRank: rank))
    }
}

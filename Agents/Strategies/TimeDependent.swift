public import ParleyProtocol
import Foundation

/// Time-dependent concession (Faratin, Sierra & Jennings, 1998): Boulware, Linear and Conceder.
///
/// The target utility falls from the best outcome's utility to the floor (the reservation value, or the worst
/// outcome if that is higher) as `target(t) = max − (max − floor) · t^(1/e)`, where `t` in [0, 1] is
/// ``TurnView/progress``. `e < 1` holds firm until late (Boulware), `e = 1` concedes linearly, `e > 1` concedes
/// early (Conceder). Each turn it offers the terms whose utility is nearest above the target, and accepts the
/// opponent's offer when it is worth at least as much as that next offer would be (AC_next). Under a discounting
/// profile both are valued when they could take effect: the standing offer now, the next offer a round later.
public struct TimeDependent: Strategy {
    /// The concession exponent `e`.
    public let exponent: Double
    private let utility: UtilityFunction
    private let index: BiddingIndex
    private let floor: Double
    private var lastBid: (rank: Int, terms: Terms)?

    /// A time-dependent strategy for an agent.
    public init(exponent: Double, context: AgentContext) throws(BiddingIndexError) {
        self.exponent = exponent
        self.utility = context.utility
        self.index = try context.biddingIndex()
        self.floor = max(context.utility.reservation, index.minimum)
    }

    /// The target utility at relative time `t`.
    public func targetUtility(at t: Double) -> Double {
        index.maximum - (index.maximum - floor) * pow(t, 1 / exponent)
    }

    /// Offers the terms nearest the target, or accepts an offer worth at least as much.
    public mutating func respond(to view: TurnView) -> Action {
        guard floor <= index.maximum else { return .walkAway(reason: "no terms are acceptable") }
        let rank = index.rank(nearestAtOrAbove: targetUtility(at: view.progress))
        if let offer = view.standingOffer, let value = utility.utility(of: offer), accepts(value, over: index.utilities[rank], in: view) {
            return .accept
        }
        if let lastBid, lastBid.rank == rank { return .offer(lastBid.terms) }
        let terms = index.terms(atRank: rank)
        lastBid = (rank, terms)
        return .offer(terms)
    }

    /// AC_next: whether an offer worth `value` now is worth at least the next offer's `utility`, which under a
    /// discounting profile takes effect a round later.
    private func accepts(_ value: Double, over next: Double, in view: TurnView) -> Bool {
        guard utility.discount != nil else { return value >= next }
        return utility.discounted(value, at: view.discountTime) >= utility.discounted(next, at: view.nextRoundDiscountTime)
    }
}

public import ParleyProtocol

/// Offers random terms worth at least its reservation value, from a seeded generator.
///
/// Each turn it draws one outcome uniformly among those worth at least the reservation value; it accepts the
/// opponent's offer when that offer is worth at least as much as the drawn outcome. Same seed, same session.
public struct RandomStrategy: Strategy {
    private let utility: UtilityFunction
    private let index: BiddingIndex
    private let firstAcceptableRank: Int
    private var generator: SeededGenerator

    /// A random strategy for an agent, seeded from the context.
    public init(context: AgentContext) throws(BiddingIndexError) {
        utility = context.utility
        index = try context.biddingIndex()
        firstAcceptableRank = index.rank(nearestAtOrAbove: context.utility.reservation)
        generator = SeededGenerator(seed: context.seed)
    }

    /// Offers a random acceptable outcome, or accepts an offer worth at least as much.
    public mutating func respond(to view: TurnView) -> Action {
        guard index.maximum >= utility.reservation else { return .walkAway(reason: "no terms are acceptable") }
        let rank = Int.random(in: firstAcceptableRank..<index.count, using: &generator)
        if let offer = view.standingOffer, let value = utility.utility(of: offer), value >= index.utilities[rank] {
            return .accept
        }
        return .offer(index.terms(atRank: rank))
    }
}

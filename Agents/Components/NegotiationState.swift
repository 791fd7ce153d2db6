public import ParleyProtocol

/// What the components of a ``BOAStrategy`` know on a turn: the view, the agent's own utility and bidding index,
/// the offers received so far (valued by the agent) and its own last offer.
public struct NegotiationState: Sendable {
    /// An offer the opponent made, as this agent values it.
    public struct Received: Sendable, Hashable {
        /// The relative time (``TurnView/progress``) at which it was received.
        public var progress: Double
        /// Its utility to this agent.
        public var utility: Double

        /// An offer received at `progress`, worth `utility` to this agent.
        public init(progress: Double, utility: Double) {
            self.progress = progress
            self.utility = utility
        }
    }

    /// The turn's view.
    public let view: TurnView
    /// The agent's compiled profile.
    public let utility: UtilityFunction
    /// The agent's bidding index.
    public let index: BiddingIndex
    /// Every offer received, oldest first; the last is the standing offer when there is one.
    public let received: [Received]
    /// The utility of the agent's own last offer, if it made one.
    public let lastOwnOffer: Double?
    /// The opponent model, if the agent has one.
    public let model: (any OpponentModel)?

    /// The state of a turn; ``BOAStrategy`` makes one per turn.
    public init(
        view: TurnView, utility: UtilityFunction, index: BiddingIndex, received: [Received], lastOwnOffer: Double?, model: (any OpponentModel)?
    ) {
        self.view = view
        self.utility = utility
        self.index = index
        self.received = received
        self.lastOwnOffer = lastOwnOffer
        self.model = model
    }

    /// The relative time, ``TurnView/progress``.
    public var progress: Double { view.progress }

    /// Whether an offer worth `offered` now is worth at least `next` offered by this agent now, which could take
    /// effect a round later: under a discounting profile both are valued when they could take effect.
    public func isWorthAtLeast(_ offered: Double, _ next: Double) -> Bool {
        guard utility.discount != nil else { return offered >= next }
        return utility.discounted(offered, at: view.discountTime) >= utility.discounted(next, at: view.nextRoundDiscountTime)
    }

    /// The turn's action once the offering policy chose `rank`: accept the standing offer when it is worth at least
    /// the reservation value and `acceptance` agrees, else offer the terms at `rank`, reusing `lastBid`'s terms when
    /// the rank is the one offered last (and remembering the new one otherwise).
    public func acceptOrOffer(rank: Int, acceptance: any AcceptanceCondition, lastBid: inout (rank: Int, terms: Terms)?) -> Action {
        if view.standingOffer != nil, let offered = received.last?.utility, offered >= utility.reservation,
            acceptance.accepts(offered, next: index.utilities[rank], in: self)
        {
            return .accept
        }
        if let lastBid, lastBid.rank == rank { return .offer(lastBid.terms) }
        let terms = index.terms(atRank: rank)
        lastBid = (rank, terms)
        return .offer(terms)
    }
}

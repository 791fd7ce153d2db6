public import ParleyProtocol

/// A strategy assembled from an offering policy, an acceptance condition and, optionally, an opponent model: the
/// BOA architecture of Baarslag, Hindriks, Hendrikx, Dirkzwager and Jonker, "Decoupling negotiating agents to
/// explore the space of negotiation strategies" (2014).
///
/// Each turn it values the standing offer, lets the model learn from it, asks the offering policy for its next
/// offer, and accepts when the standing offer is worth at least its reservation value and the condition agrees;
/// otherwise it offers. It walks away when no outcome is worth its reservation value. Written as a spec:
/// `boa:bid=time(e=0.2):accept=combi(t=0.98):model=frequency`.
public struct BOAStrategy: Strategy, ModelCarrying {
    private var offering: any OfferingPolicy
    private let acceptance: any AcceptanceCondition
    /// The opponent model, as it stands after the offers received so far.
    public private(set) var opponentModel: (any OpponentModel)?
    private let utility: UtilityFunction
    private let index: BiddingIndex
    private var received: [NegotiationState.Received] = []
    private var lastObservedTurn = 0
    private var lastBid: (rank: Int, terms: Terms)?

    /// A strategy from its three components, for an agent.
    public init(
        offering: any OfferingPolicy, acceptance: any AcceptanceCondition, model: (any OpponentModel)?, context: AgentContext
    ) throws(BiddingIndexError) {
        self.offering = offering
        self.acceptance = acceptance
        self.opponentModel = model
        self.utility = context.utility
        self.index = try context.biddingIndex()
    }

    /// Learns from the standing offer, then accepts it or makes the offering policy's offer.
    public mutating func respond(to view: TurnView) -> Action {
        guard max(utility.reservation, index.minimum) <= index.maximum else { return .walkAway(reason: "no terms are acceptable") }
        if let new = view.newStandingOffer(since: &lastObservedTurn) {
            received.append(.init(progress: view.progress, utility: utility.utility(of: new) ?? 0))
            if var model = opponentModel, let ordinal = index.space.ordinal(of: new) {
                opponentModel = nil  // so that the model's storage is not shared while it learns
                model.observe(offer: ordinal, in: index.space, at: view.progress)
                opponentModel = model
            }
        }
        let state = NegotiationState(
            view: view, utility: utility, index: index, received: received, lastOwnOffer: lastBid.map { index.utilities[$0.rank] },
            model: opponentModel
        )
        let rank = offering.rank(in: state)
        return state.acceptOrOffer(rank: rank, acceptance: acceptance, lastBid: &lastBid)
    }
}

/// What to offer: the "B" (bidding strategy) of the BOA architecture.
public protocol OfferingPolicy: Sendable {
    /// The rank, in the agent's bidding index (``NegotiationState/index``), of the terms to offer this turn.
    mutating func rank(in state: NegotiationState) -> Int
}

/// When to accept the standing offer: the "A" of the BOA architecture.
///
/// A ``BOAStrategy`` asks its condition only about offers worth at least its reservation value, so no condition can
/// make it accept less.
public protocol AcceptanceCondition: Sendable {
    /// Whether to accept the standing offer, worth `offered` to the agent, when the agent's own next offer would be
    /// worth `next` to it.
    func accepts(_ offered: Double, next: Double, in state: NegotiationState) -> Bool
}

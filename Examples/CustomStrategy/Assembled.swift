import ParleyAgents
import ParleyProtocol

/// An acceptance condition of one's own: AC_next, but in the last tenth of the session anything worth 90% of the
/// next offer.
struct Patient: AcceptanceCondition {
    func accepts(_ offered: Double, next: Double, in state: NegotiationState) -> Bool {
        offered >= (state.progress > 0.9 ? 0.9 : 1) * next
    }
}

/// A strategy assembled from components: Boulware-like offering that picks, near its target, the terms a
/// frequency model rates best for the opponent, and the acceptance condition above.
func assembled(context: AgentContext) throws -> BOAStrategy {
    let space = try context.biddingIndex().space
    return try BOAStrategy(
        offering: TimeOffering(exponent: 0.3), acceptance: Patient(), model: FrequencyModel(radices: space.radices), context: context
    )
}

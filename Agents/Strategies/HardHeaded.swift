public import ParleyProtocol

/// HardHeaded, the winner of ANAC 2011 (van Krimpen, Looije and Hajizadeh, "HardHeaded", in Complex Automated
/// Negotiations: Theories, Models, and Software Competitions, 2013), as its description has it: a very firm
/// time-dependent concession that never offers below a minimum utility, a frequency model of the opponent that picks,
/// among the bids near its target, the one the opponent likes best, and acceptance of any offer worth at least its
/// next bid or its previous one.
///
/// Assembled from components: ``TimeOffering`` (exponent ``exponent``, a narrow band, the floor ``minimumUtility``),
/// ``FrequencyModel`` and AC_next ∨ AC_prev.
public struct HardHeaded: Strategy, ModelCarrying {
    /// The concession exponent: far below 1, so the agent holds firm until the very end.
    public let exponent: Double
    /// The utility its offers never go below (above its reservation value).
    public let minimumUtility: Double
    private var assembled: BOAStrategy

    /// HardHeaded for an agent.
    public init(context: AgentContext, exponent: Double = 0.05, minimumUtility: Double = 0.6) throws(BiddingIndexError) {
        self.exponent = exponent
        self.minimumUtility = minimumUtility
        let space = try context.biddingIndex().space
        assembled = try BOAStrategy(
            offering: TimeOffering(exponent: exponent, band: 0.01, candidates: 256, minimumUtility: minimumUtility), acceptance: NextOrPrevious(),
            model: FrequencyModel(radices: space.radices), context: context
        )
    }

    /// The frequency model, as learned so far.
    public var opponentModel: (any OpponentModel)? { assembled.opponentModel }

    /// Accepts, or offers the opponent's best bid near the target.
    public mutating func respond(to view: TurnView) -> Action { assembled.respond(to: view) }

    /// AC_next ∨ AC_prev.
    private struct NextOrPrevious: AcceptanceCondition {
        func accepts(_ offered: Double, next: Double, in state: NegotiationState) -> Bool {
            AcceptanceConditions.Relative(.next).accepts(offered, next: next, in: state)
                || AcceptanceConditions.Relative(.previous).accepts(offered, next: next, in: state)
        }
    }
}

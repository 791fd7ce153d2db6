public import ParleyProtocol

/// An opponent model that knows the opponent's true profile: for experiments, as the upper bound any learned model
/// is compared with. It exists only where an experiment reveals the profile (``AgentContext/opponentUtility``, from
/// `--reveal-profiles`); no agent playing a real counterpart can have one.
public struct OracleModel: OpponentModel {
    /// The opponent's compiled profile.
    public let truth: UtilityFunction

    /// An oracle of the opponent's compiled profile.
    public init(truth: UtilityFunction) { self.truth = truth }

    /// Learns nothing: it already knows.
    public func observe(offer ordinal: Int, in space: OutcomeSpace, at progress: Double) {}

    /// The opponent's true utility of the outcome.
    public func estimatedUtility(of ordinal: Int, in space: OutcomeSpace) -> Double {
        var total = 0.0
        for position in truth.weightedValues.indices { total += truth.weightedValues[position][space.digit(of: ordinal, at: position)] }
        return total
    }
}

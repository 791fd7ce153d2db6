public import ParleyProtocol

/// An estimate of the opponent's preferences, learned from its offers: the "O" of the BOA architecture (Baarslag,
/// Hindriks, Hendrikx, Dirkzwager and Jonker, "Decoupling negotiating agents to explore the space of negotiation
/// strategies", 2014).
///
/// Outcomes are given by ordinal in the scenario's ``OutcomeSpace``, so a model reads each issue's value as a domain
/// position (``OutcomeSpace/digit(of:at:)``) and never holds a table over the whole space: an update and an estimate
/// cost O(issues), whatever the size of the space.
public protocol OpponentModel: Sendable {
    /// Learns from an offer the opponent made, at relative time `progress` (``TurnView/progress``).
    mutating func observe(offer ordinal: Int, in space: OutcomeSpace, at progress: Double)

    /// The estimated utility of an outcome to the opponent, in [0, 1].
    func estimatedUtility(of ordinal: Int, in space: OutcomeSpace) -> Double
}

/// A strategy that carries an opponent model, so that a tournament can score how well the model learned.
public protocol ModelCarrying {
    /// The strategy's model as it stands now, if it has one.
    var opponentModel: (any OpponentModel)? { get }
}

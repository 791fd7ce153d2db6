public import ParleyAnalysis
public import ParleyProtocol

/// The outcome of a session and, when both profiles are known, how good it was.
public struct Settlement: Sendable, Hashable, Codable {
    /// How the session ended.
    public var outcome: Outcome
    /// The number of actions taken (a refused action included).
    public var turns: Int
    /// The number of rounds begun.
    public var rounds: Int
    /// Seconds from start to end (wall clock).
    public var elapsed: Double
    /// The analysis, when both profiles are known.
    public var analysis: SettlementAnalysis?

    /// Creates a settlement.
    public init(outcome: Outcome, turns: Int, rounds: Int, elapsed: Double, analysis: SettlementAnalysis?) {
        self.outcome = outcome
        self.turns = turns
        self.rounds = rounds
        self.elapsed = elapsed
        self.analysis = analysis
    }
}

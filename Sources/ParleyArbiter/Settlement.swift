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

/// Everything a finished session left: its transcript and its settlement.
///
/// Its JSON form, `{"protocol": "parley/1", "transcript": {…}, "settlement": {…}}`, is what `parley run --json` prints.
public struct SessionRecord: Sendable, Hashable, Codable {
    /// The record of every action.
    public var transcript: Transcript
    /// How it ended and how good that was.
    public var settlement: Settlement

    /// Creates a record.
    public init(transcript: Transcript, settlement: Settlement) {
        self.transcript = transcript
        self.settlement = settlement
    }
}

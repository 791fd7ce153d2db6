/// One action in a transcript: who did what, when, and whether the rules accepted it.
public struct TranscriptEntry: Sendable, Hashable, Codable {
    /// The action's position in the session, from 1.
    public var turn: Int
    /// The round, from 1; a round is one action by each side.
    public var round: Int
    /// The side that acted.
    public var by: Role
    /// The action.
    public var action: Action
    /// Seconds since the session started (wall clock), when the action arrived.
    public var elapsed: Double
    /// The rule the action broke, if the arbiter refused it. A refused action ends the session.
    public var violation: ProtocolViolation?
    /// How the agent decided, when it consulted a model first (see ``DecisionTrace``); `nil` for other agents.
    public var trace: DecisionTrace?

    /// Creates an entry.
    public init(turn: Int, round: Int, by: Role, action: Action, elapsed: Double, violation: ProtocolViolation? = nil, trace: DecisionTrace? = nil) {
        self.turn = turn
        self.round = round
        self.by = by
        self.action = action
        self.elapsed = elapsed
        self.violation = violation
        self.trace = trace
    }
}

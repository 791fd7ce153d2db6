public import ParleyProtocol

/// The decision logic of a multi-deal centre: one agent negotiating with every edge, asked for its action in one
/// edge's session at a time, seeing all of them.
///
/// Edges are ordinary ``Strategy`` values (any built-in, remote or LLM agent); only the centre needs this protocol.
/// The rules (``ParleyProtocol/MultiDealRules``) refuse a centre action that would commit beyond the need, so a
/// centre strategy keeps its own actions within ``CentreView/rules``' ``ParleyProtocol/MultiDealRules/fits(_:edge:)``.
public protocol CentreStrategy: Sendable {
    /// Chooses the centre's action in the view's edge session.
    mutating func respond(to view: CentreView) async throws -> Action

    /// Told once, after an edge's session ends, how it ended.
    mutating func ended(edge: Int, with end: EdgeEnd) async

    /// How the last action was decided, when the centre consulted something else first (an LLM agent on one edge).
    var lastDecision: DecisionTrace? { get }
}

extension CentreStrategy {
    /// Does nothing.
    public mutating func ended(edge: Int, with end: EdgeEnd) async {}

    /// `nil`.
    public var lastDecision: DecisionTrace? { nil }
}

/// What the centre sees when it moves: the session it moves in, as a bilateral ``TurnView``, and the state of every
/// session and commitment.
public struct CentreView: Sendable {
    /// The edge whose session the centre moves in.
    public let edge: Int
    /// That session, seen from the centre's side.
    public let turn: TurnView
    /// Every session and the commitments so far.
    public let rules: MultiDealRules

    /// A view.
    public init(edge: Int, turn: TurnView, rules: MultiDealRules) {
        self.edge = edge
        self.turn = turn
        self.rules = rules
    }

    /// The scenario.
    public var scenario: MultiDealScenario { rules.scenario }
}

public import ParleyProtocol

/// A centre made of one bilateral strategy per edge (any built-in, remote or LLM agent, each seated as the centre in
/// that edge's session) and a ``CentreRule`` that sets the floor and keeps every move within the need.
public struct RuledCentre: CentreStrategy {
    /// The rule.
    public let rule: CentreRule
    private var strategies: [any Strategy]
    private let utilities: [UtilityFunction]
    private let indexes: [BiddingIndex?]
    private let reservations: [Double]
    private let maxima: [Double]
    private let role: Role
    /// How the last action was decided, when the edge's strategy consulted something else first.
    public private(set) var lastDecision: DecisionTrace?

    /// A centre from one strategy per edge and the contexts they were built for, in the scenario's edge order.
    public init(rule: CentreRule, strategies: [any Strategy], contexts: [AgentContext]) {
        self.rule = rule
        self.strategies = strategies
        self.utilities = contexts.map(\.utility)
        self.indexes = contexts.map { try? $0.biddingIndex() }
        self.reservations = contexts.map(\.utility.reservation)
        self.maxima = contexts.map(\.utility.maximum)
        self.role = contexts.first?.role ?? .buyer
    }

    /// The edge's strategy's move, raised to the rule's floor and kept within the need.
    public mutating func respond(to view: CentreView) async throws -> Action {
        let edge = view.edge
        var action = try await strategies[edge].respond(to: view.turn)
        lastDecision = strategies[edge].lastDecision
        let floor = rule.floor(view, maxima: maxima, reservations: reservations, utilities: utilities)
        switch action.move {
        case .offer(let terms) where (utilities[edge].utility(of: terms) ?? 0) < floor:
            if let raised = indexes[edge]?.terms(nearestAtOrAbove: floor) { action = .offer(raised, note: action.note) }
        case .accept where view.turn.standingOffer.map { (utilities[edge].utility(of: $0) ?? 0) < floor } ?? false:
            if let raised = indexes[edge]?.terms(nearestAtOrAbove: floor) { action = .offer(raised, note: action.note) }
        default:
            break
        }
        return fitted(action, in: view)
    }

    /// Tells the edge's strategy how its session ended; a superseded session as the centre walking away with the
    /// supersession as the reason, as its opponent is told.
    public mutating func ended(edge: Int, with end: EdgeEnd) async {
        await strategies[edge].sessionEnded(with: end.outcome(centre: role))
    }

    /// The action within the need: for a split order, terms with more units than still needed get the largest
    /// quantity that fits (an acceptance becomes that offer), or the centre walks away when none does.
    private func fitted(_ action: Action, in view: CentreView) -> Action {
        let rules = view.rules
        let terms: Terms? = switch action.move {
        case .offer(let terms): terms
        case .accept: view.turn.standingOffer
        case .walkAway: nil
        }
        guard let terms, !rules.fits(terms, edge: view.edge) else { return action }
        guard case .split(let issue, _, _) = rules.scenario.need, let remaining = rules.remainingQuantity,
            case .integer(let range)? = view.turn.scenario.issues.first(where: { $0.name == issue })?.domain, Int64(remaining) >= range.min
        else { return .walkAway(note: nil) }
        let quantity = range.min + (min(Int64(remaining), range.max) - range.min) / range.step * range.step
        var values = terms.values
        values[issue] = .integer(quantity)
        return .offer(Terms(values), note: action.note)
    }
}

/// The rules of a multi-deal negotiation as a pure state machine: one ``AlternatingOffers`` session per edge, and
/// the centre's commitments across them.
///
/// The rules, besides each session's own:
/// - **Binding commitments.** An agreement cannot be undone.
/// - **Never beyond the need.** The centre may not offer or accept terms that would commit it beyond its ``Need``
///   (``ViolationCode/exceedsNeed``): a second supplier under single sourcing, more units than a split order still
///   needs, a set of edges no listed combination holds.
/// - **Superseded sessions.** Once the need is met, every session still open or not yet started ends superseded
///   (``Supersession/Cause/needMet``); a session whose edge can no longer fit (even its smallest quantity exceeds
///   what is still needed) ends superseded at once (``Supersession/Cause/noRoom``). An edge accepting a centre offer
///   that no longer fits ends its session superseded too: it was the centre's commitment elsewhere, not the edge,
///   that left no room. Acting in a superseded session is ``ViolationCode/superseded``.
/// - **Sequential mode.** Only the first session not yet ended is open; acting in a later one is
///   ``ViolationCode/notStarted``.
///
/// It does no I/O and reads no clock; the arbiter, servers and tests all use it.
public struct MultiDealRules: Sendable, Hashable {
    /// Where one edge session stands.
    public enum EdgeState: Sendable, Hashable {
        /// A sequential session whose turn has not come.
        case waiting
        /// Actions are accepted.
        case open
        /// The session ended.
        case ended(EdgeEnd)
    }

    /// One committed deal.
    public struct Commitment: Sendable, Hashable {
        /// The edge's position in the scenario.
        public var edge: Int
        /// The agreement.
        public var agreement: Agreement
        /// Its quantity, for a split order.
        public var quantity: Int?
    }

    /// The scenario.
    public let scenario: MultiDealScenario
    /// One session per edge, in the scenario's order.
    public private(set) var sessions: [AlternatingOffers]
    /// How each session ended, once it has.
    public private(set) var ends: [EdgeEnd?]
    /// The deals, in the order they were made.
    public private(set) var commitments: [Commitment] = []
    /// The edges' identifiers, which ``committed`` captures instead of the whole rules.
    private let edgeIDs: [String]

    /// A negotiation at its start; in a scenario where some edge cannot fit at all, that edge is not superseded yet
    /// (nothing has been committed), so every session starts open (or waiting).
    public init(scenario: MultiDealScenario) {
        self.scenario = scenario
        self.sessions = scenario.edges.map { AlternatingOffers(scenario: $0.scenario.scenario) }
        self.ends = Array(repeating: nil, count: scenario.edges.count)
        self.edgeIDs = scenario.edges.map(\.id)
    }

    /// Where an edge's session stands.
    public func state(of edge: Int) -> EdgeState {
        if let end = ends[edge] { return .ended(end) }
        if scenario.mode == .sequential, edge != ends.firstIndex(where: { $0 == nil }) { return .waiting }
        return .open
    }

    /// The edges whose sessions are open now.
    public var openEdges: [Int] { scenario.edges.indices.filter { state(of: $0) == .open } }

    /// Whether every session has ended.
    public var isFinished: Bool { ends.allSatisfy { $0 != nil } }

    /// Checks an action in an edge's session without applying it.
    public func check(_ action: Action, by role: Role, edge: Int, elapsed: Duration? = nil) throws(ProtocolViolation) {
        guard scenario.edges.indices.contains(edge) else {
            throw ProtocolViolation(.unknownEdge, role: role, message: "there is no edge \(edge)")
        }
        switch state(of: edge) {
        case .waiting:
            throw ProtocolViolation(.notStarted, role: role, message: "the session with \(scenario.edges[edge].id) has not started yet")
        case .ended(.superseded(let supersession)):
            throw ProtocolViolation(.superseded, role: role, message: "the session with \(scenario.edges[edge].id) was \(supersession)")
        case .ended(.outcome), .open:
            try sessions[edge].check(action, by: role, elapsed: elapsed)
        }
        guard role == scenario.centre else { return }
        let terms: Terms? = switch action.move {
        case .offer(let terms): terms
        case .accept: sessions[edge].standingOffer?.terms
        case .walkAway: nil
        }
        if let terms, !fits(terms, edge: edge) {
            throw ProtocolViolation(.exceedsNeed, role: role, message: "those terms would commit the \(role) beyond its need")
        }
    }

    /// Applies an action, or throws the violation and leaves the state as it was; returns the edges whose sessions
    /// it ended as superseded (its own, when an edge accepts a centre offer that no longer fits).
    @discardableResult
    public mutating func apply(_ action: Action, by role: Role, edge: Int, elapsed: Duration? = nil) throws(ProtocolViolation) -> [Int] {
        try check(action, by: role, edge: edge, elapsed: elapsed)
        if role == scenario.edgeRole, case .accept = action.move, let offer = sessions[edge].standingOffer, !fits(offer.terms, edge: edge) {
            let after = commitments.last.map { scenario.edges[$0.edge].id } ?? scenario.edges[edge].id
            ends[edge] = .superseded(Supersession(cause: .noRoom, after: after))
            return [edge]
        }
        try sessions[edge].apply(action, by: role, elapsed: elapsed)
        return settle(edge)
    }

    /// Ends an open session for a cause the rules cannot see (a wall-clock deadline, a time-out, a failure); returns
    /// the edges superseded as a result (none: only agreements commit). Does nothing to a session that has ended.
    @discardableResult
    public mutating func close(edge: Int, _ outcome: Outcome) -> [Int] {
        guard ends[edge] == nil else { return [] }
        sessions[edge].close(outcome)
        return settle(edge)
    }

    /// Whether committing to `terms` with an edge stays within the need.
    public func fits(_ terms: Terms, edge: Int) -> Bool {
        scenario.need.allows(edgeIDs[edge], quantity: quantity(of: terms), after: committed)
    }

    /// The units still needed, for a split order.
    public var remainingQuantity: Int? {
        guard case .split(_, let total, _) = scenario.need else { return nil }
        return total - commitments.reduce(0) { $0 + ($1.quantity ?? 0) }
    }

    /// Records how an edge's session ended, and supersedes what the need no longer leaves room for.
    private mutating func settle(_ edge: Int) -> [Int] {
        guard let outcome = sessions[edge].outcome else { return [] }
        ends[edge] = .outcome(outcome)
        guard case .agreement(let agreement) = outcome else { return [] }
        commitments.append(Commitment(edge: edge, agreement: agreement, quantity: quantity(of: agreement.terms)))
        let met = scenario.need.isMet(by: committed)
        var superseded: [Int] = []
        for other in scenario.edges.indices where ends[other] == nil {
            guard met || !hasRoom(for: other) else { continue }
            ends[other] = .superseded(Supersession(cause: met ? .needMet : .noRoom, after: scenario.edges[edge].id))
            superseded.append(other)
        }
        return superseded
    }

    /// Whether any deal with an edge could still fit: its smallest quantity, or its id in a listed combination.
    private func hasRoom(for edge: Int) -> Bool {
        let id = scenario.edges[edge].id
        guard case .split(let issue, _, _) = scenario.need else { return scenario.need.allows(id, quantity: nil, after: committed) }
        let smallest = scenario.edges[edge].scenario.scenario.issues.first { $0.name == issue }.flatMap { issue -> Int? in
            if case .integer(let range) = issue.domain { Int(exactly: range.min) } else { nil }
        }
        return scenario.need.allows(id, quantity: smallest ?? 0, after: committed)
    }

    /// The commitments as the need reads them, lazily: checking a move allocates nothing.
    private var committed: LazyMapSequence<[Commitment], (edge: String, quantity: Int?)> {
        commitments.lazy.map { [edgeIDs] in (edgeIDs[$0.edge], $0.quantity) }
    }

    /// The quantity terms give the split order's issue; `nil` for other needs or a missing or non-integer value.
    private func quantity(of terms: Terms) -> Int? {
        guard case .split(let issue, _, _) = scenario.need, case .integer(let value) = terms[issue] else { return nil }
        return Int(exactly: value)
    }
}

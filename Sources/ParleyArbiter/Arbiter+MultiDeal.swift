import ParleyAgents
import ParleyAnalysis
import ParleyProtocol
public import ParleyRecords

extension Arbiter {
    /// Plays a multi-deal negotiation to its end: every edge's session under ``ParleyProtocol/MultiDealRules``, the
    /// centre moving in each through its ``ParleyAgents/CentreStrategy``, each edge through its own agent.
    ///
    /// Parallel sessions advance in lockstep, one turn each per step in the scenario's edge order, so the centre's
    /// move in one session sees the others as they stand and a replay is exact; sequential sessions run one after
    /// another. Each session keeps its own deadline (a wall-clock one counted from the session's start) and turn
    /// limit; an agent that breaks a rule, throws or takes too long ends only its own session. Throws only when an
    /// agent cannot be built for its seat, or (without the match's landscape) the scenario's profiles do not compile.
    public func play(_ match: MultiDealMatch) async throws -> MultiDealRecord {
        let scenario = match.scenario
        let centreRole = scenario.centre
        let edgeCount = scenario.edges.count
        var centre: (any CentreStrategy)? = try match.centre.makeCentre(for: scenario.edges.indices.map { match.seat(centreRole, edge: $0) })
        var edges: [(any Strategy)?] = try scenario.edges.indices.map { try match.edges[$0].makeStrategy(for: match.seat(scenario.edgeRole, edge: $0)) }
        let landscape = try match.landscape ?? MultiDealLandscape(scenario: scenario)
        let startedAt = wallClock()
        let start = clock.now
        var rules = MultiDealRules(scenario: scenario)
        var entries = [[TranscriptEntry]](repeating: [], count: edgeCount)
        var sessionStarts = [Duration?](repeating: nil, count: edgeCount)
        var sessionEnds = [Duration?](repeating: nil, count: edgeCount)
        // One shared view part per session, as in a bilateral session: no per-turn copy of its scenario.
        let shared = scenario.edges.map { TurnView.Shared(scenario: $0.scenario.scenario) }

        while !rules.isFinished {
            for edge in rules.openEdges where rules.state(of: edge) == .open {
                let edgeScenario = scenario.edges[edge].scenario.scenario
                let began = sessionStarts[edge] ?? start.duration(to: clock.now)
                sessionStarts[edge] = began
                let elapsed = start.duration(to: clock.now) - began
                let remaining = edgeScenario.deadline.duration.map { $0 - elapsed }
                if let remaining, remaining <= .zero {
                    rules.close(edge: edge, .deadline)
                    continue
                }
                let role = rules.sessions[edge].sideToMove
                let budget = Self.budget(turn: edgeScenario.turnDuration, remaining: remaining)
                let result: TurnResult
                do {
                    // The view and the turn's strategy live only in this block, so that neither the history nor the
                    // rules are still shared when the action is applied and recorded (no copy on write per turn).
                    let view = TurnView(shared: shared[edge], role: role, turn: rules.sessions[edge].turns + 1, history: entries[edge], elapsed: elapsed)
                    // The strategy is moved into the turn, never bound first: a bound copy would share its box, and the
                    // turn's first mutation would copy the whole strategy (and, for the centre, every edge's strategy).
                    result = await turn(
                        role == centreRole ? CentreTurn(centre: centre.take()!, edge: edge, rules: rules) : edges[edge].take()!, view: view, budget: budget,
                        clock: clock, on: nil
                    )
                }
                let after = start.duration(to: clock.now) - began
                var decision: DecisionTrace?
                func putBack(_ strategy: any Strategy) {
                    decision = strategy.lastDecision
                    if var turn = strategy as? CentreTurn { centre = turn.release() } else { edges[edge] = strategy }
                }
                switch consume result {
                case .answered(let action, let strategy):
                    putBack(consume strategy)
                    if let limit = edgeScenario.turnDuration, after - elapsed > limit {
                        rules.close(edge: edge, .turnTimeout(by: role))
                        break
                    }
                    let (turn, round) = (rules.sessions[edge].turns + 1, rules.sessions[edge].round)
                    var violation: ProtocolViolation?
                    do {
                        try rules.apply(action, by: role, edge: edge, elapsed: after)
                    } catch {
                        violation = error
                        rules.close(edge: edge, error.code == .pastDeadline ? .deadline : .violation(by: role, code: error.code))
                    }
                    entries[edge].append(TranscriptEntry(
                        turn: turn, round: round, by: role, action: action, elapsed: after.seconds, violation: violation, trace: decision
                    ))
                case .threw(let error, let strategy):
                    putBack(consume strategy)
                    rules.close(edge: edge, error is AgentTimedOut ? .turnTimeout(by: role) : .failure(by: role, error: Self.describe(error)))
                case .timedOut(let strategy):
                    putBack(consume strategy)
                    rules.close(edge: edge, remaining.map { $0 <= budget! } ?? false ? .deadline : .turnTimeout(by: role))
                }
            }
            // Tell each agent of every session that ended in this step, its own or superseded.
            for edge in 0..<edgeCount where sessionEnds[edge] == nil {
                guard case .ended(let end) = rules.state(of: edge) else { continue }
                sessionEnds[edge] = start.duration(to: clock.now) - (sessionStarts[edge] ?? start.duration(to: clock.now))
                await centre?.ended(edge: edge, with: end)
                var strategy = edges[edge].take()!
                await strategy.sessionEnded(with: end.outcome(centre: centreRole))
                edges[edge] = strategy
            }
        }

        var sessions: [MultiDealRecord.EdgeSession] = []
        for (position, edge) in scenario.edges.enumerated() {
            guard case .ended(let end) = rules.state(of: position) else { continue }
            let outcome = end.outcome(centre: centreRole)
            let (buyer, seller) = match.descriptors(ofEdge: position)
            let elapsed = (sessionEnds[position] ?? .zero).seconds
            let transcript = Transcript(
                header: .init(sessionID: match.sessionID(ofEdge: position), scenario: edge.scenario.scenario, buyer: buyer, seller: seller, seed: match.seed(ofEdge: position), startedAt: startedAt),
                entries: entries[position], outcome: outcome, elapsed: elapsed
            )
            let analysis = landscape.edges[position].analyze(outcome, rounds: transcript.rounds, elapsed: elapsed)
            let settlement = Settlement(outcome: outcome, turns: entries[position].count, rounds: transcript.rounds, elapsed: elapsed, analysis: analysis)
            sessions.append(MultiDealRecord.EdgeSession(edge: edge.id, record: SessionRecord(transcript: transcript, settlement: settlement), end: end))
        }
        let deals = rules.commitments.map { MultiDealSettlement.Deal(edge: scenario.edges[$0.edge].id, agreement: $0.agreement, quantity: $0.quantity) }
        let analysis = landscape.analyze(deals: rules.commitments.map { ($0.edge, $0.agreement.terms) })
        return MultiDealRecord(
            scenario: scenario, centre: match.centre.descriptor, seed: match.seed, startedAt: startedAt, sessions: sessions,
            settlement: MultiDealSettlement(deals: deals, analysis: analysis)
        )
    }
}

/// The centre seen as a bilateral strategy for one turn in one edge's session, so that the arbiter's turn race
/// serves it as it serves any strategy.
private struct CentreTurn: Strategy {
    var centre: (any CentreStrategy)?
    let edge: Int
    var rules: MultiDealRules?

    init(centre: any CentreStrategy, edge: Int, rules: MultiDealRules) {
        self.centre = centre
        self.edge = edge
        self.rules = rules
    }

    /// The centre, taken out, with the rules' copy let go (so the arbiter's rules are not shared when they change).
    mutating func release() -> any CentreStrategy {
        rules = nil
        return centre.take()!
    }

    mutating func respond(to view: TurnView) async throws -> Action {
        try await centre!.respond(to: CentreView(edge: edge, turn: view, rules: rules!))
    }

    var lastDecision: DecisionTrace? { centre?.lastDecision }
}

import Foundation
import ParleyHTTPClient
import ParleyProtocol

/// A session the suite plays by hand against the agent server: the suite sends each request itself, plays the
/// opponent with offers the agent likes least (so it neither accepts nor leaves early), and checks every reply
/// against the same ``AlternatingOffers`` rules the arbiter uses.
struct ScriptedSession {
    let probe: ConformanceProbe
    let start: SessionStart
    private(set) var rules: AlternatingOffers
    /// The opponent's action the agent's next request carries, if the opponent has moved.
    private(set) var pendingOpponentAction: Action?

    init(probe: ConformanceProbe, id: String, role: Role, file: ScenarioFile, seed: UInt64) {
        self.probe = probe
        self.start = SessionStart(sessionID: SessionID(rawValue: id), scenario: file.scenario, role: role, profile: file.profile(for: role), seed: seed)
        self.rules = AlternatingOffers(scenario: file.scenario)
    }

    var id: SessionID { start.sessionID }
    var role: Role { start.role }

    /// The agent's next turn.
    var nextTurn: Int { rules.turns + (rules.sideToMove == role ? 1 : 2) }

    /// The request for the agent's next turn.
    var nextRequest: TurnRequest { TurnRequest(sessionID: id, turn: nextTurn, opponentAction: pendingOpponentAction, elapsed: 0) }

    /// `POST /v1/sessions`, expecting 201; then, if the opponent opens, its opening offer.
    mutating func begin() async throws {
        let started = try probe.expect(SessionStarted.self, status: 201, from: try await probe.send(.post, AgentAPI.sessions, message: start))
        guard started.sessionID == id else { throw ConformanceFailure("the answer names session \(started.sessionID), not \(id)") }
        if rules.sideToMove != role { try opponentMoves(variant: 0) }
    }

    /// Sends the agent's next turn and checks its reply against the rules; then the opponent answers.
    @discardableResult
    mutating func play() async throws -> TurnReply {
        let request = nextRequest
        let reply = try probe.expect(TurnReply.self, status: 200, from: try await probe.send(.post, AgentAPI.turn(id, request.turn), message: request))
        guard reply.sessionID == id, reply.turn == request.turn else {
            throw ConformanceFailure("the reply names session \(reply.sessionID) turn \(reply.turn), not turn \(request.turn)")
        }
        do {
            try rules.apply(reply.action, by: role)
        } catch {
            throw ConformanceFailure("the agent's \(reply.action.typeName) on turn \(request.turn) breaks the rules: \(error)")
        }
        if rules.outcome == nil { try opponentMoves(variant: 0) }
        return reply
    }

    /// The opponent's offer: the terms the agent values least, with the first issue moved `variant` steps.
    func opponentOffer(variant: Int) -> Action {
        let scenario = start.scenario
        var terms = Terms()
        for issue in scenario.issues {
            let worst = (0..<issue.domain.count).min { Self.worth(issue.domain.value(at: $0), of: issue, to: start.profile) < Self.worth(issue.domain.value(at: $1), of: issue, to: start.profile) } ?? 0
            terms[issue.name] = issue.domain.value(at: issue.name == scenario.issues.first?.name ? (worst + variant) % max(1, issue.domain.count) : worst)
        }
        return .offer(terms)
    }

    /// What a value is worth to the agent; with no profile, the first value is taken as worst.
    private static func worth(_ value: TermValue, of issue: Issue, to profile: Profile?) -> Double {
        profile?.issues[issue.name]?.value.value(of: value, in: issue.domain) ?? 0
    }

    private mutating func opponentMoves(variant: Int) throws {
        let action = opponentOffer(variant: variant)
        do {
            try rules.apply(action, by: role.opponent)
        } catch {
            throw ConformanceFailure("the suite's own offer breaks the rules: \(error)")
        }
        pendingOpponentAction = action
    }
}

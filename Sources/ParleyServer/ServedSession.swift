import ParleyAgents
import ParleyProtocol

/// One session of a served agent: its strategy, the rules as this side has seen them, and its answers.
///
/// The turn logic checks every request against the same ``AlternatingOffers`` state machine the arbiter uses:
/// the turn number must be this side's next, and the opponent's action must be present and legal. A repeated
/// request for the turn just answered, or for the turn being answered, gets the same reply, so a retried request
/// never makes a second move.
actor ServedSession {
    /// The start message, kept to tell a repeated start from a conflicting one.
    nonisolated let start: SessionStart
    /// The scenario every turn's view shares.
    private let shared: TurnView.Shared
    private var strategy: any Strategy
    private var rules: AlternatingOffers
    private var history: [TranscriptEntry] = []
    /// Which turns were answered and which is being answered, so a repeat gets the same reply.
    private var replay = TurnReplay()
    /// The repeats of the turn being answered, waiting for its reply.
    private var waiting: [CheckedContinuation<Result<TurnReply, APIError>, Never>] = []
    private var outcome: Outcome?

    init(start: SessionStart, strategy: any Strategy) {
        self.start = start
        self.shared = TurnView.Shared(scenario: start.scenario)
        self.strategy = strategy
        self.rules = AlternatingOffers(scenario: start.scenario)
    }

    private var role: Role { start.role }

    /// The agent's reply for a turn.
    func turn(_ request: TurnRequest) async throws(APIError) -> TurnReply {
        switch try replay.decide(request) {
        case .replay(let reply): return reply
        case .join: return try await withCheckedContinuation { waiting.append($0) }.get()
        case .answer: break
        }
        guard outcome == nil, rules.outcome == nil else { throw APIError(.sessionEnded, "the session \(start.sessionID) has ended") }
        guard request.turn >= 1, start.scenario.mover(atTurn: request.turn - 1) == role else {
            throw APIError(.outOfTurn, "turn \(request.turn) is the \(role.opponent)'s; this agent plays the \(role)", path: "$.turn")
        }
        let opponentMoved = rules.sideToMove != role
        let expected = rules.turns + (opponentMoved ? 2 : 1)
        guard request.turn == expected else {
            throw APIError(.turnMismatch, "the next turn of this agent is \(expected), not \(request.turn)", path: "$.turn")
        }
        var rules = rules, history = history
        if opponentMoved {
            guard let action = request.opponentAction else {
                throw APIError(.invalidOpponentAction, "turn \(request.turn) follows the \(role.opponent)'s turn; send its action", path: "$.opponentAction")
            }
            do {
                try rules.apply(action, by: role.opponent)
            } catch {
                throw APIError(.invalidOpponentAction, "the opponent's action breaks the rules: \(error.message)", path: "$.opponentAction")
            }
            guard rules.outcome == nil else {
                throw APIError(.invalidOpponentAction, "after the opponent's \(action.typeName) the session is over; report the outcome instead", path: "$.opponentAction")
            }
            history.append(TranscriptEntry(turn: request.turn - 1, round: Self.round(ofTurn: request.turn - 1), by: role.opponent, action: action, elapsed: request.elapsed))
        } else if request.opponentAction != nil {
            throw APIError(.invalidOpponentAction, "turn \(request.turn) opens the session; there is no opponent action to send", path: "$.opponentAction")
        }
        self.rules = rules
        self.history = history

        let view = TurnView(shared: shared, role: role, turn: request.turn, history: history, elapsed: .saturating(seconds: request.elapsed))
        // The strategy runs on this actor, not in a task of its own: a turn costs no extra thread hand-off. Repeats
        // of the turn that arrive meanwhile wait for the same reply.
        replay.begin(request)
        var strategy = strategy
        let result: Result<TurnReply, APIError>
        do {
            let action = try await strategy.respond(to: view)
            self.strategy = strategy
            result = .success(commit(action, for: request))
        } catch {
            self.rules.close(.failure(by: role, error: "the agent failed"))
            result = .failure(APIError(.agentFailed, "the agent failed on turn \(request.turn): \(String(describing: error).prefix(300))"))
        }
        replay.finish(with: try? result.get())
        for waiter in waiting { waiter.resume(returning: result) }
        waiting = []
        return try result.get()
    }

    /// Records the strategy's action in the rules and history, and keeps the reply to repeat.
    private func commit(_ action: Action, for request: TurnRequest) -> TurnReply {
        let reply = TurnReply(sessionID: start.sessionID, turn: request.turn, action: action)
        // An action that breaks the rules is returned all the same: the arbiter judges it and ends the session.
        do {
            try rules.apply(action, by: role)
        } catch {
            rules.close(.violation(by: role, code: error.code))
        }
        history.append(TranscriptEntry(turn: request.turn, round: Self.round(ofTurn: request.turn), by: role, action: action, elapsed: request.elapsed))
        return reply
    }

    /// Tells the strategy how the session ended, once.
    func end(with outcome: Outcome) async {
        guard self.outcome == nil else { return }
        self.outcome = outcome
        await strategy.sessionEnded(with: outcome)
    }

    /// The round a turn belongs to: turns 1 and 2 are round 1.
    private static func round(ofTurn turn: Int) -> Int { (turn - 1) / 2 + 1 }
}

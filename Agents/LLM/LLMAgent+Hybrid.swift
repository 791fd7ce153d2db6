import ParleyAgents
import ParleyProtocol

extension LLMAgent {
    /// A turn in a hybrid mode: the strategy proposes its move (held to the mandate); the model writes its note, or
    /// picks one of the moves around it and writes the note. When the model cannot, the strategy's move is played
    /// without a note. Whatever the model answers, the move played is one the strategy proposed or one of the moves
    /// offered to the model, every one within the mandate.
    mutating func respondHybrid(to view: TurnView, started: C.Instant) async throws -> Action {
        let (proposal, replaced) = try await mandatedStrategyMove(view)
        let moves = configuration.mode == .choose
            ? HybridMoves.around(proposal, view: view, index: index, mandate: mandate, band: configuration.band, count: configuration.choices)
            : [proposal]
        let redactor = redactor
        let consulted = await consult(view, asking: prompt.turn(view, best: bestTerms, moves: moves)) { content throws(DecisionAttempt.Rejection) in
            redactor.withholdingRevealingNote(try ModelReply.object(HybridReply.self, in: content).move(among: moves))
        }
        let offered = moves.count > 1 ? moves.count : nil
        guard let (action, redacted) = consulted.result else {
            let reason = consulted.reason + (replaced ? "; the strategy's move broke the mandate and was replaced" : "")
            lastDecision = DecisionTrace(decidedBy: .fallback, attempts: consulted.attempts, fallbackReason: reason, noteRedacted: false, choices: offered, currency: configuration.prices?.currency)
            return proposal
        }
        let (judged, judgement) = await judged(action, view: view, started: started)
        lastDecision = DecisionTrace(
            decidedBy: offered == nil ? .strategy : .model, attempts: consulted.attempts, noteRedacted: redacted || judgement?.withheld == true,
            choices: offered, judgement: judgement, currency: configuration.prices?.currency
        )
        return judged
    }
}

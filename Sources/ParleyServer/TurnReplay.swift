import ParleyProtocol

/// How a served session treats a turn request, given the turns it has answered and the one it is answering: a
/// pure state machine, so that a retried request never makes a second move.
///
/// - A request for the turn last answered gets the same reply (``Decision/replay(_:)``), provided it carries the
///   same opponent action; with a different one it is a ``ParleyProtocol/APIError/Code/turnConflict``.
/// - A request for the turn being answered waits for that answer (``Decision/join``); for another turn meanwhile,
///   it is a ``ParleyProtocol/APIError/Code/turnMismatch``.
/// - Anything else is a new turn (``Decision/answer``), for the session's rules to check.
struct TurnReplay: Sendable {
    /// What to do with a request.
    enum Decision: Sendable, Hashable {
        /// Send this reply again.
        case replay(TurnReply)
        /// Wait for the answer to the turn being answered.
        case join
        /// Answer it as a new turn.
        case answer
    }

    /// The last turn answered, and its reply.
    private(set) var answered: (request: TurnRequest, reply: TurnReply)?
    /// The turn being answered.
    private(set) var inProgress: TurnRequest?

    /// What to do with `request`.
    func decide(_ request: TurnRequest) throws(APIError) -> Decision {
        if let (asked, reply) = answered, asked.turn == request.turn {
            try Self.checkSameOpponentAction(asked, request)
            return .replay(reply)
        }
        if let asked = inProgress {
            guard asked.turn == request.turn else {
                throw APIError(.turnMismatch, "turn \(asked.turn) is still being answered", path: "$.turn")
            }
            try Self.checkSameOpponentAction(asked, request)
            return .join
        }
        return .answer
    }

    /// Marks `request` as being answered.
    mutating func begin(_ request: TurnRequest) {
        inProgress = request
    }

    /// Records the answer to the turn being answered (none when it failed), ending it.
    mutating func finish(with reply: TurnReply?) {
        if let request = inProgress, let reply { answered = (request, reply) }
        inProgress = nil
    }

    private static func checkSameOpponentAction(_ first: TurnRequest, _ repeated: TurnRequest) throws(APIError) {
        guard first.opponentAction == repeated.opponentAction else {
            throw APIError(.turnConflict, "turn \(first.turn) was asked before with a different opponent action", path: "$.opponentAction")
        }
    }
}

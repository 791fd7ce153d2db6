import ParleyProtocol

/// The model's reply in a hybrid mode: `{"reasoning", "choice", "note"}` in ``HybridMode/choose``,
/// `{"reasoning", "note"}` in ``HybridMode/note``.
struct HybridReply: Decodable, Sendable {
    /// The model's private reasoning: recorded with the attempt, never sent.
    var reasoning: String?
    /// The number of the move picked, from 1.
    var choice: Int?
    /// The note for the opponent.
    var note: String?

    /// The move the reply picks among `moves` (the only one when there is one), with the reply's note.
    func move(among moves: [Action]) throws(DecisionAttempt.Rejection) -> Action {
        var move: Action
        if moves.count == 1 {
            move = moves[0]
        } else {
            guard let choice else { throw .init(code: LLMRejection.invalidAction, message: "\"choice\" must give the number of one of the moves") }
            guard moves.indices.contains(choice - 1) else {
                throw .init(code: LLMRejection.invalidAction, message: "\"choice\" must be from 1 to \(moves.count), not \(choice)")
            }
            move = moves[choice - 1]
        }
        move.note = ModelReply.fitting(note)
        return move
    }
}

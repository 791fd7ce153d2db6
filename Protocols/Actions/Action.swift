/// What an agent does on its turn: offer terms, accept the opponent's standing offer, or walk away.
///
/// Any action may carry a short free-text ``note`` for the opponent (at most ``Action/maximumNoteLength`` characters).
///
/// JSON: `{"type": "offer", "terms": {…}}`, `{"type": "accept"}`,
/// `{"type": "walkAway", "reason": "price too high"}`, each with an optional `"note"`.
public struct Action: Sendable, Hashable {
    /// The move itself.
    public enum Move: Sendable, Hashable {
        /// Propose terms; they become the standing offer.
        case offer(Terms)
        /// Accept the opponent's standing offer; the agreement is exactly that offer.
        case accept
        /// End the session without agreement, with an optional short reason.
        case walkAway(reason: String?)
    }

    /// The longest note or walk-away reason, in characters.
    public static let maximumNoteLength = 280

    /// The move.
    public var move: Move
    /// A short message to the opponent.
    public var note: String?

    /// Creates an action.
    public init(_ move: Move, note: String? = nil) {
        self.move = move
        self.note = note
    }

    /// An offer of terms.
    public static func offer(_ terms: Terms, note: String? = nil) -> Action { Action(.offer(terms), note: note) }
    /// Acceptance of the standing offer.
    public static let accept = Action(.accept)
    /// Acceptance of the standing offer, with a note.
    public static func accept(note: String?) -> Action { Action(.accept, note: note) }
    /// Walking away.
    public static func walkAway(reason: String? = nil, note: String? = nil) -> Action {
        Action(.walkAway(reason: reason), note: note)
    }

    /// The offered terms, if this is an offer.
    public var offeredTerms: Terms? {
        if case .offer(let terms) = move { terms } else { nil }
    }

    /// The move's name on the wire: `offer`, `accept` or `walkAway`.
    public var typeName: String {
        switch move {
        case .offer: "offer"
        case .accept: "accept"
        case .walkAway: "walkAway"
        }
    }
}

extension Action: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, terms, reason, note
    }

    /// Decodes an action. An unknown `type` throws ``WireError`` with code ``WireError/Code/unknownActionType``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "offer": move = .offer(try container.decode(Terms.self, forKey: .terms))
        case "accept": move = .accept
        case "walkAway": move = .walkAway(reason: try container.decodeIfPresent(String.self, forKey: .reason))
        default:
            throw WireError(
                .unknownActionType,
                path: WireError.path(decoder.codingPath + [CodingKeys.type]),
                message: "unknown action type '\(type)'; expected offer, accept or walkAway"
            )
        }
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    /// Encodes an action.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        switch move {
        case .offer(let terms): try container.encode(terms, forKey: .terms)
        case .accept: break
        case .walkAway(let reason): try container.encodeIfPresent(reason, forKey: .reason)
        }
        try container.encodeIfPresent(note, forKey: .note)
    }
}

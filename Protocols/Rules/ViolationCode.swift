/// The stable code of a protocol violation, such as `out_of_turn`.
///
/// Codes are strings so that new ones can be added without breaking clients; compare against the static
/// constants. Each has a test that triggers it.
public struct ViolationCode: ErrorCode, Codable {
    /// The code as it appears on the wire.
    public let rawValue: String

    /// Wraps a code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A party acted when it was the other side's turn.
    public static let outOfTurn = ViolationCode(rawValue: "out_of_turn")
    /// A party accepted when the opponent had no standing offer.
    public static let noStandingOffer = ViolationCode(rawValue: "no_standing_offer")
    /// An offer gave an issue a value outside its domain (off the range or off its step, or an unknown option).
    public static let valueOutOfDomain = ViolationCode(rawValue: "value_out_of_domain")
    /// An offer gave an issue a value of the wrong kind (a name for a number, or a number for an option).
    public static let wrongValueType = ViolationCode(rawValue: "wrong_value_type")
    /// An offer left out an issue of the scenario.
    public static let missingIssue = ViolationCode(rawValue: "missing_issue")
    /// An offer named an issue the scenario does not have.
    public static let unknownIssue = ViolationCode(rawValue: "unknown_issue")
    /// A party acted after the session had closed.
    public static let sessionClosed = ViolationCode(rawValue: "session_closed")
    /// A party acted after the deadline (rounds or wall-clock time) had passed.
    public static let pastDeadline = ViolationCode(rawValue: "past_deadline")
    /// A note or walk-away reason was longer than ``Action/maximumNoteLength``.
    public static let noteTooLong = ViolationCode(rawValue: "note_too_long")

    /// Every code, in the order above.
    public static let all: [ViolationCode] = [
        .outOfTurn, .noStandingOffer, .valueOutOfDomain, .wrongValueType, .missingIssue, .unknownIssue, .sessionClosed, .pastDeadline, .noteTooLong,
    ]
}

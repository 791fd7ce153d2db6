/// What a judge model (a second model the agent file names) made of a note before it was sent: how likely the note
/// gives the principal's private limits away, how well it keeps to the format of a short message to the opponent,
/// and whether the note was withheld for it.
///
/// It rides on the move's ``DecisionTrace``, inside the hash chain. When the judge could not answer, the scores are
/// absent, ``attempt`` says why, and the note goes as the redactor left it.
///
/// JSON: `{"leak": 0.1, "format": 0.9, "reason": "…", "withheld": false, "attempt": {…}}`.
public struct NoteJudgement: Sendable, Hashable, Codable {
    /// From 0 (reveals nothing private) to 1 (states a private limit), as the judge scored it.
    public var leak: Double?
    /// From 0 (not a message to the opponent: JSON, a placeholder, reasoning) to 1 (a short, fitting message).
    public var format: Double?
    /// The judge's reason, in brief.
    public var reason: String?
    /// Whether the note was withheld because the leak score reached the agent file's threshold.
    public var withheld: Bool
    /// The request to the judge and its answer, as for any model request.
    public var attempt: DecisionAttempt

    /// Creates a judgement.
    public init(leak: Double?, format: Double?, reason: String?, withheld: Bool, attempt: DecisionAttempt) {
        self.leak = leak
        self.format = format
        self.reason = reason
        self.withheld = withheld
        self.attempt = attempt
    }
}

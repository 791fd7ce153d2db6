/// The arbiter tells an agent how the session ended. It carries no analysis: the opponent's utilities stay private.
public struct OutcomeNotice: Sendable, Hashable, Codable {
    /// The session.
    public var sessionID: SessionID
    /// How it ended.
    public var outcome: Outcome

    /// Creates the message.
    public init(sessionID: SessionID, outcome: Outcome) {
        self.sessionID = sessionID
        self.outcome = outcome
    }
}

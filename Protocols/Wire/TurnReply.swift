/// An agent's answer to a ``TurnRequest``.
public struct TurnReply: Sendable, Hashable, Codable {
    /// The session.
    public var sessionID: SessionID
    /// The turn answered.
    public var turn: Int
    /// The agent's action.
    public var action: Action

    /// Creates the message.
    public init(sessionID: SessionID, turn: Int, action: Action) {
        self.sessionID = sessionID
        self.turn = turn
        self.action = action
    }

    private enum CodingKeys: String, CodingKey { case sessionID, turn, action }

    /// Decodes the message; the turn must be a whole number from 1 to 2 × ``Limits/maximumRounds``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sessionID = try container.decode(SessionID.self, forKey: .sessionID)
        turn = Int(try container.decodeWhole(.turn, in: 1...Int64(2 * Limits.maximumRounds)))
        action = try container.decode(Action.self, forKey: .action)
    }
}

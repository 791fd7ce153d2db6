/// The arbiter asks an agent for its action on a turn, passing the opponent's last action.
///
/// Besides the turn, the request says where the session stands, so an agent need not re-derive the deadline
/// rules: the ``round``, whether this is the agent's ``lastTurn`` before the rounds run out, and the ``progress``
/// toward the deadline. Agents may ignore them; a server that checks turns recomputes them from the scenario.
public struct TurnRequest: Sendable, Hashable, Codable {
    /// The session.
    public var sessionID: SessionID
    /// The turn being asked for, from 1.
    public var turn: Int
    /// The opponent's last action, if it has acted.
    public var opponentAction: Action?
    /// Seconds since the session started.
    public var elapsed: Double
    /// The round of the turn, from 1 (a round is one action by each side), when the arbiter says it.
    public var round: Int?
    /// Whether this is the agent's last turn before the rounds run out (an offer on it cannot be answered).
    public var lastTurn: Bool?
    /// How far the session has gone toward its deadline, from 0 to 1, by rounds or by time, whichever is further.
    public var progress: Double?

    /// Creates the message.
    public init(
        sessionID: SessionID, turn: Int, opponentAction: Action?, elapsed: Double, round: Int? = nil, lastTurn: Bool? = nil, progress: Double? = nil
    ) {
        self.sessionID = sessionID
        self.turn = turn
        self.opponentAction = opponentAction
        self.elapsed = elapsed
        self.round = round
        self.lastTurn = lastTurn
        self.progress = progress
    }

    private enum CodingKeys: String, CodingKey { case sessionID, turn, opponentAction, elapsed, round, lastTurn, progress }

    /// Decodes the message; a turn outside `1 … 2 ×` ``Limits/maximumRounds``, an elapsed time outside
    /// `0 …` ``Limits/maximumSeconds``, a round outside `1 …` ``Limits/maximumRounds`` or a progress outside
    /// `0 … 1` is an invalid field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sessionID = try container.decode(SessionID.self, forKey: .sessionID)
        turn = Int(try container.decodeWhole(.turn, in: 1...Int64(2 * Limits.maximumRounds)))
        opponentAction = try container.decodeIfPresent(Action.self, forKey: .opponentAction)
        elapsed = try container.decode(Double.self, forKey: .elapsed)
        round = try container.decodeWholeIfPresent(.round, in: 1...Int64(Limits.maximumRounds)).map { Int($0) }
        lastTurn = try container.decodeIfPresent(Bool.self, forKey: .lastTurn)
        progress = try container.decodeIfPresent(Double.self, forKey: .progress)
        func invalid(_ key: CodingKeys, _ message: String) -> WireError {
            WireError(.invalidField, path: WireError.path(container.codingPath + [key]), message: message)
        }
        guard (0...Limits.maximumSeconds).contains(elapsed) else { throw invalid(.elapsed, "elapsed must be from 0 to \(Int(Limits.maximumSeconds)) seconds") }
        if let progress, !(0...1).contains(progress) { throw invalid(.progress, "progress must be from 0 to 1") }
    }
}

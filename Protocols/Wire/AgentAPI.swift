/// The paths of version 1 of the agent HTTP API, as `Protocols/Spec/openapi.json` defines them.
///
/// The arbiter drives: it starts a session, asks for each of the agent's turns (sending the opponent's last
/// action), and reports the outcome. Every body is a ``WireMessage``; every error is an ``APIErrorBody``.
public enum AgentAPI {
    /// `GET`: the ``AgentCard``.
    public static let card = "/v1/agent"
    /// `GET`: liveness, ``Health``; needs no token.
    public static let health = "/health"
    /// `POST` a ``SessionStart``: answers ``SessionStarted``, 201 (200 when repeated).
    public static let sessions = "/v1/sessions"

    /// The header that carries a session's key (``SessionStarted/sessionKey``) on its turn, outcome and delete requests.
    public static let sessionKeyHeader = "Parley-Session-Key"

    /// `DELETE`: drops a session; 204.
    public static func session(_ id: SessionID) -> String { "\(sessions)/\(id.rawValue)" }

    /// `POST` a ``TurnRequest`` for turn `turn`: answers a ``TurnReply``. Repeating a turn returns the same reply.
    public static func turn(_ id: SessionID, _ turn: Int) -> String { "\(session(id))/turns/\(turn)" }

    /// `POST` an ``OutcomeNotice``: 204.
    public static func outcome(_ id: SessionID) -> String { "\(session(id))/outcome" }

    /// The methods a path of the API takes (`["POST"]` for a turn), or `nil` when the path is not one of the API's.
    /// A server answers a listed path with another method 405 `method_not_allowed`.
    public static func methods(forPath path: String) -> [String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        switch (parts.count, Array(parts)) {
        case (1, ["health"]): return ["GET"]
        case (2, ["v1", "agent"]): return ["GET"]
        case (2, ["v1", "sessions"]): return ["POST"]
        case (3, let parts) where parts[0] == "v1" && parts[1] == "sessions" && !parts[2].isEmpty: return ["DELETE"]
        case (4, let parts) where parts[0] == "v1" && parts[1] == "sessions" && !parts[2].isEmpty && parts[3] == "outcome": return ["POST"]
        case (5, let parts) where parts[0] == "v1" && parts[1] == "sessions" && !parts[2].isEmpty && parts[3] == "turns" && !parts[4].isEmpty:
            return ["POST"]
        default: return nil
        }
    }

    /// Whether a session id can travel in a path unescaped: 1 to 128 characters of `A-Z a-z 0-9 . _ -`.
    public static func isValidSessionID(_ id: SessionID) -> Bool {
        let text = id.rawValue.utf8
        return (1...128).contains(text.count) && text.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-")
        }
    }
}

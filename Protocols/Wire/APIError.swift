/// An error an agent server answers with: a stable code, a message for people, and the JSON path at fault.
///
/// On the wire: `{"protocol": "parley/1", "error": {"code": "turn_mismatch", "message": "…", "path": "$.turn"}}`,
/// with the HTTP status of its code (``Code/status``). Messages never carry a party's profile or limits.
public struct APIError: CodedError, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable error codes, each with its HTTP status.
    public struct Code: ErrorCode, Codable {
        /// The code as it appears on the wire.
        public let rawValue: String
        /// Wraps a code.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// 400: the body is not JSON.
        public static let malformedJSON = Code(rawValue: "malformed_json")
        /// 401: the bearer token is missing or wrong.
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// 404: no such path.
        public static let notFound = Code(rawValue: "not_found")
        /// 404: no such session (never started, dropped, or expired).
        public static let unknownSession = Code(rawValue: "unknown_session")
        /// 405: the path exists, the method does not.
        public static let methodNotAllowed = Code(rawValue: "method_not_allowed")
        /// 409: the turn belongs to the other side.
        public static let outOfTurn = Code(rawValue: "out_of_turn")
        /// 409: the turn number is not the next one of this side.
        public static let turnMismatch = Code(rawValue: "turn_mismatch")
        /// 409: the turn was already answered, for a different opponent action.
        public static let turnConflict = Code(rawValue: "turn_conflict")
        /// 409: a session with this id exists with a different start.
        public static let sessionExists = Code(rawValue: "session_exists")
        /// 409: the session has ended.
        public static let sessionEnded = Code(rawValue: "session_ended")
        /// 413: the body is larger than the server accepts.
        public static let bodyTooLarge = Code(rawValue: "body_too_large")
        /// 422: a required field is absent.
        public static let missingField = Code(rawValue: "missing_field")
        /// 422: a field has the wrong type or an unusable value.
        public static let invalidField = Code(rawValue: "invalid_field")
        /// 422: an action's type is unknown.
        public static let unknownActionType = Code(rawValue: "unknown_action_type")
        /// 422: the message's protocol version is not spoken here.
        public static let unsupportedVersion = Code(rawValue: "unsupported_version")
        /// 422: the path names one session, the body another.
        public static let sessionMismatch = Code(rawValue: "session_mismatch")
        /// 422: the scenario is not valid.
        public static let invalidScenario = Code(rawValue: "invalid_scenario")
        /// 422: the profile is not valid for the scenario, or absent when the agent needs one.
        public static let invalidProfile = Code(rawValue: "invalid_profile")
        /// 422: the agent does not play that role.
        public static let unsupportedRole = Code(rawValue: "unsupported_role")
        /// 422: the opponent's action is missing where the rules require one, present where they forbid one, or
        /// breaks the rules.
        public static let invalidOpponentAction = Code(rawValue: "invalid_opponent_action")
        /// 500: the agent itself failed.
        public static let agentFailed = Code(rawValue: "agent_failed")
        /// 503: the server holds as many sessions as it may.
        public static let atCapacity = Code(rawValue: "at_capacity")

        /// Every code, in the order above.
        public static let all: [Code] = [
            .malformedJSON, .unauthorized, .notFound, .unknownSession, .methodNotAllowed, .outOfTurn, .turnMismatch, .turnConflict,
            .sessionExists, .sessionEnded, .bodyTooLarge, .missingField, .invalidField, .unknownActionType, .unsupportedVersion,
            .sessionMismatch, .invalidScenario, .invalidProfile, .unsupportedRole, .invalidOpponentAction, .agentFailed, .atCapacity,
        ]

        /// The HTTP status that goes with the code.
        public var status: Int {
            switch self {
            case .malformedJSON: 400
            case .unauthorized: 401
            case .notFound, .unknownSession: 404
            case .methodNotAllowed: 405
            case .outOfTurn, .turnMismatch, .turnConflict, .sessionExists, .sessionEnded: 409
            case .bodyTooLarge: 413
            case .agentFailed: 500
            case .atCapacity: 503
            default: 422
            }
        }

    }

    /// The stable code.
    public var code: Code
    /// What is wrong, for people.
    public var message: String
    /// The JSON path of the field at fault, when a field is.
    public var path: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// An unreadable message as an API error: 400 when the bytes are not JSON, 422 otherwise.
    public init(_ error: WireError) {
        self.init(Code(rawValue: error.code.rawValue), error.message, path: error.path)
    }

    /// `code: message (at path)`.
    public var description: String { "\(code): \(message)" + (path.map { " (at \($0))" } ?? "") }
}

/// The body of every error answer: `{"protocol": "parley/1", "error": {…}}` once wrapped in a ``WireMessage``.
public struct APIErrorBody: Sendable, Hashable, Codable {
    /// The error.
    public var error: APIError

    /// Wraps an error.
    public init(_ error: APIError) { self.error = error }
}

public import ParleyProtocol

/// Why a tournament cannot run, with a stable code.
public struct TournamentError: CodedError, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The plan has no sessions: no scenario, too few agents, or no repetitions.
        public static let emptyPlan = Code(rawValue: "empty_plan")
        /// The same agent spec appears twice.
        public static let duplicateAgent = Code(rawValue: "duplicate_agent")
        /// Two scenarios share an identifier.
        public static let duplicateScenario = Code(rawValue: "duplicate_scenario")
        /// The plan has more sessions than ``TournamentPlan/maximumSessions``.
        public static let tooLarge = Code(rawValue: "too_large")
        /// An agent cannot be built for a scenario (unknown strategy, bad parameter, missing profile).
        public static let invalidAgent = Code(rawValue: "invalid_agent")
    }

    /// The code.
    public var code: Code
    /// What went wrong, for people.
    public var message: String

    /// An error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `message (code)`.
    public var description: String { "\(message) (\(code.rawValue))" }
}

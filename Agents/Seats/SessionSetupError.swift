public import ParleyProtocol

/// Why a side of a session could not be set up.
public struct SessionSetupError: CodedError, Hashable {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The scenario file has no profile for a side that needs one.
        public static let missingProfile = Code(rawValue: "missing_profile")
        /// The scenario file has problems.
        public static let invalidScenario = Code(rawValue: "invalid_scenario")
    }

    /// What kind of failure.
    public var code: Code
    /// The side whose profile is missing, for ``Code/missingProfile``.
    public var role: Role?
    /// The problems found, for ``Code/invalidScenario`` (paths and codes; messages name no private value).
    public var problems: [ValidationProblem]

    /// The scenario file has no profile for `role`, which needs one.
    public static func missingProfile(_ role: Role) -> Self {
        Self(code: .missingProfile, role: role, problems: [])
    }

    /// The scenario file has these problems.
    public static func invalidScenario(_ problems: [ValidationProblem]) -> Self {
        Self(code: .invalidScenario, role: nil, problems: problems)
    }

    /// For people.
    public var message: String {
        if code == .missingProfile, let role {
            return "the scenario file has no \(role) profile ($.profiles.\(role)); in-process agents need one"
        }
        return "the scenario file is invalid:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }

    /// The message.
    public var description: String { message }
}

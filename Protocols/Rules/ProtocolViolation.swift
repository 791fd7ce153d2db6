/// An action the alternating-offers rules refuse, with a stable ``code``.
///
/// The message names the rule and, where it helps, the issue at fault. It never includes a party's profile,
/// utilities or reservation value, so it is safe to show the opponent.
public struct ProtocolViolation: CodedError, Hashable, Codable {
    /// The stable code.
    public var code: ViolationCode
    /// The side whose action was refused.
    public var role: Role
    /// The issue at fault, for offer violations.
    public var issue: String?
    /// What was wrong, for people.
    public var message: String

    /// Creates a violation.
    public init(_ code: ViolationCode, role: Role, issue: String? = nil, message: String) {
        self.code = code
        self.role = role
        self.issue = issue
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}

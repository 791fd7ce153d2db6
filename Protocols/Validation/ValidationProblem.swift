/// One problem found in a scenario or profile, located by the JSON path of the field at fault.
///
/// Paths look like `$.issues[1].step` or `$.profiles.buyer.issues.price.weight`. Messages describe the rule
/// that was broken; they never quote a reservation value.
public struct ValidationProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The JSON path of the field at fault.
    public var path: String
    /// A stable code such as `weights_not_normalized`.
    public var code: String
    /// What is wrong, for people.
    public var message: String

    /// Creates a problem.
    public init(path: String, code: String, message: String) {
        self.path = path
        self.code = code
        self.message = message
    }

    /// `path: message [code]`.
    public var description: String { "\(path): \(message) [\(code)]" }
}

/// The problems that stopped a scenario or profile from being used.
public struct ValidationFailure: CodedError, Hashable {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The document has problems; each problem has its own code and path.
        public static let invalid = Code(rawValue: "invalid")
    }

    /// Always ``Code/invalid``; each problem carries its own code.
    public var code: Code { .invalid }
    /// The problems, one per line.
    public var message: String { description }

    /// Every problem found, in document order.
    public var problems: [ValidationProblem]

    /// Wraps problems.
    public init(problems: [ValidationProblem]) { self.problems = problems }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

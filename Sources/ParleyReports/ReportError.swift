public import ParleyProtocol

/// Why a report could not be made, with a stable code.
public struct ReportError: CodedError, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The session was stored without both sides' profiles, which a picture in utility space needs.
        public static let missingProfiles = Code(rawValue: "missing_profiles")
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
}

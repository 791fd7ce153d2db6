/// A message that could not be read, with a stable code and the JSON path of the field at fault.
public struct WireError: CodedError, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable codes for unreadable messages.
    public struct Code: ErrorCode, Codable {
        /// The code as it appears on the wire.
        public let rawValue: String
        /// Wraps a code.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The bytes are not JSON.
        public static let malformedJSON = Code(rawValue: "malformed_json")
        /// A required field is absent.
        public static let missingField = Code(rawValue: "missing_field")
        /// A field has the wrong JSON type or an unusable value.
        public static let invalidField = Code(rawValue: "invalid_field")
        /// An action's `type` is not `offer`, `accept` or `walkAway`.
        public static let unknownActionType = Code(rawValue: "unknown_action_type")
        /// The message's `protocol` is not one this build speaks.
        public static let unsupportedVersion = Code(rawValue: "unsupported_version")

    }

    /// The stable code.
    public var code: Code
    /// The JSON path of the field at fault, such as `$.action.terms.price`.
    public var path: String
    /// What is wrong, for people.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `code at path: message`.
    public var description: String { "\(code) at \(path): \(message)" }

    /// A JSON path (`$.issues[0].name`) for a coding path.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("$") { path, key in
            if let index = key.intValue { "\(path)[\(index)]" } else { "\(path).\(key.stringValue)" }
        }
    }
}

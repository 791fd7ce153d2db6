/// A stable, machine-readable error code, such as `not_found`: its text never changes once published, and a type's
/// codes are static members, so new ones can be added without breaking anyone's code.
public protocol ErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible where RawValue == String {}

extension ErrorCode {
    /// The code's text.
    public var description: String { rawValue }
}

/// The one shape of Parley's public errors: a stable ``code`` that programs match on, and a ``message`` for people.
///
/// A message names what is wrong and where (a JSON path, a file, an agent), and never shows a party's private
/// profile, reservation value or secrets. Errors are structs, not enums, so a new kind of failure is a new code,
/// not a breaking change.
public protocol CodedError: Error, Sendable, CustomStringConvertible {
    /// The type of its codes.
    associatedtype Code: ErrorCode
    /// What kind of failure it is.
    var code: Code { get }
    /// What went wrong, for people.
    var message: String { get }
}

extension CodedError {
    /// `message [code]`, unless the error says otherwise.
    public var description: String { "\(message) [\(code.rawValue)]" }
}

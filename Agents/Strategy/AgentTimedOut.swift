public import ParleyProtocol

/// Thrown by a strategy that gave up waiting for its own answer, such as a remote agent whose request timed
/// out. The arbiter ends the session with ``Outcome/turnTimeout(by:)`` naming the side, as if its turn limit had
/// run out, rather than with a failure.
public struct AgentTimedOut: CodedError, Hashable {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The agent gave up waiting for its own answer.
        public static let timedOut = Code(rawValue: "agent_timed_out")
    }

    /// Always ``Code/timedOut``.
    public var code: Code { .timedOut }
    /// The detail.
    public var message: String { detail }

    /// What timed out, for the transcript.
    public var detail: String

    /// Creates the error.
    public init(_ detail: String) { self.detail = detail }

    /// The detail.
    public var description: String { detail }
}

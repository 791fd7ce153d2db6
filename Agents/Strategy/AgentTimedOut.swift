/// Thrown by a strategy that gave up waiting for its own answer, such as a remote agent whose request timed
/// out. The arbiter ends the session with ``Outcome/turnTimeout(by:)`` naming the side, as if its turn limit had
/// run out, rather than with a failure.
public struct AgentTimedOut: Error, Sendable, Hashable, CustomStringConvertible {
    /// What timed out, for the transcript.
    public var detail: String

    /// Creates the error.
    public init(_ detail: String) { self.detail = detail }

    /// The detail.
    public var description: String { detail }
}

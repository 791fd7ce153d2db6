public import ParleyAgents
public import ParleyProtocol

/// A strategy that throws on its first turn, as an agent that crashes does: the session must end as a `failure`
/// naming its side, and no other session may notice.
public struct ThrowingStrategy: Strategy {
    /// The error it throws.
    public struct Broken: CodedError {
        /// Its one code.
        public struct Code: ErrorCode {
            /// The code's text.
            public let rawValue: String
            /// A code from its text.
            public init(rawValue: String) { self.rawValue = rawValue }
            /// The strategy broke.
            public static let broken = Code(rawValue: "broken")
        }

        /// Always ``Code/broken``.
        public var code: Code { .broken }
        /// What it says.
        public var message: String { "the model fell over" }
        /// The message alone, as a crashing agent's error reads in a transcript.
        public var description: String { message }
    }

    /// A strategy that throws ``Broken``.
    public init() {}

    /// Throws.
    public func respond(to view: TurnView) throws -> Action { throw Broken() }
}

public import ParleyAgents
public import ParleyProtocol

/// A strategy that throws on its first turn, as an agent that crashes does: the session must end as a `failure`
/// naming its side, and no other session may notice.
public struct ThrowingStrategy: Strategy {
    /// The error it throws.
    public struct Broken: Error, Sendable, CustomStringConvertible {
        /// What it says.
        public var description: String { "the model fell over" }
    }

    /// A strategy that throws ``Broken``.
    public init() {}

    /// Throws.
    public func respond(to view: TurnView) throws -> Action { throw Broken() }
}

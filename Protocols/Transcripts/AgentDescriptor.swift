/// How an agent is named in a transcript: the specification it was built from, such as `boulware:e=0.2`.
public struct AgentDescriptor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The strategy's name, such as `boulware`.
    public var strategy: String
    /// The full specification, parameters included, such as `boulware:e=0.2`.
    public var spec: String

    /// Creates a descriptor.
    public init(strategy: String, spec: String) {
        self.strategy = strategy
        self.spec = spec
    }

    /// The specification.
    public var description: String { spec }
}

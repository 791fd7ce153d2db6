
/// The strategies an agent spec can name, each with its parameters and a factory.
///
/// ``builtIns`` holds Parley's own. Add your own with ``register(_:)`` and pass the registry wherever agents are
/// built; there is no global registry.
public struct StrategyRegistry: Sendable {
    /// A parameter a strategy accepts.
    public struct Parameter: Sendable, Hashable {
        /// The name, as in `e=0.2`.
        public var name: String
        /// What it does.
        public var summary: String
        /// Its default, as text.
        public var defaultValue: String

        /// Creates a parameter description.
        public init(name: String, summary: String, defaultValue: String) {
            self.name = name
            self.summary = summary
            self.defaultValue = defaultValue
        }
    }

    /// One named strategy.
    public struct Entry: Sendable {
        /// The name used in agent specs.
        public var name: String
        /// One line on what it does.
        public var summary: String
        /// The parameters it accepts.
        public var parameters: [Parameter]
        /// Whether a tournament without `--agents` fields it (a strategy that only assembles others does not).
        public var inDefaultField: Bool
        /// Builds the strategy for an agent.
        public var make: @Sendable (StrategyParameters, AgentContext) throws -> any Strategy

        /// Creates an entry.
        public init(
            name: String, summary: String, parameters: [Parameter] = [], inDefaultField: Bool = true,
            make: @escaping @Sendable (StrategyParameters, AgentContext) throws -> any Strategy
        ) {
            self.name = name
            self.summary = summary
            self.parameters = parameters
            self.inDefaultField = inDefaultField
            self.make = make
        }
    }

    private var entries: [String: Entry] = [:]

    /// An empty registry.
    public init() {}

    /// Adds a strategy, replacing any of the same name.
    public mutating func register(_ entry: Entry) { entries[entry.name] = entry }

    /// The registered names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The names a tournament fields when none are given, sorted.
    public var defaultField: [String] { names.filter { entries[$0]?.inDefaultField == true } }

    /// The entry of a name.
    public func entry(named name: String) -> Entry? { entries[name] }

    /// Checks a spec: the strategy exists and takes every parameter given.
    public func check(_ spec: AgentSpec) throws(AgentSpecError) -> Entry {
        guard let entry = entries[spec.strategy] else {
            throw AgentSpecError(.unknownStrategy, "unknown strategy '\(spec.strategy)'; known: \(names.joined(separator: ", "))")
        }
        let known = Set(entry.parameters.map(\.name))
        if let unknown = spec.parameters.keys.sorted().first(where: { !known.contains($0) }) {
            let accepted = known.isEmpty ? "it takes no parameters" : "it takes \(known.sorted().joined(separator: ", "))"
            throw AgentSpecError(.unknownParameter, "\(spec.strategy) has no parameter '\(unknown)'; \(accepted)")
        }
        return entry
    }

    /// Builds the strategy a spec names, for an agent.
    public func makeStrategy(_ spec: AgentSpec, context: AgentContext) throws -> any Strategy {
        let entry = try check(spec)
        return try entry.make(StrategyParameters(strategy: spec.strategy, values: spec.parameters), context)
    }
}

public import ParleyProtocol

/// An in-process agent: a strategy from a registry, built afresh for every seat.
///
/// ```swift
/// let boulware = try StrategySource(AgentSpec(parsing: "boulware:e=0.2"))
/// ```
public struct StrategySource: AgentSource {
    /// The strategy and its parameters.
    public let spec: AgentSpec
    /// How the agent is named: by its spec, or by the name it was given.
    public let descriptor: AgentDescriptor
    /// The registry the strategy comes from.
    public let registry: StrategyRegistry
    /// The bidding indexes its strategies share with every other agent built on the same cache.
    public let indexes: BiddingIndexCache

    /// An agent from a spec; throws when the registry has no such strategy or parameter. `name` replaces the spec
    /// in transcripts (an agent file's name, for example).
    public init(
        _ spec: AgentSpec, name: String? = nil, registry: StrategyRegistry = .builtIns, indexes: BiddingIndexCache = BiddingIndexCache()
    ) throws(AgentSpecError) {
        _ = try registry.check(spec)
        self.spec = spec
        self.descriptor = AgentDescriptor(strategy: spec.strategy, spec: name ?? spec.description)
        self.registry = registry
        self.indexes = indexes
    }

    /// An in-process strategy needs its profile.
    public var needsProfile: Bool { true }

    /// Builds the strategy for a seat; throws when the seat has no profile or the profile does not fit.
    public func makeStrategy(for seat: Seat) throws -> any Strategy {
        try makeStrategy(context: try seat.context(indexes: indexes))
    }

    /// Builds the strategy for a context already compiled.
    public func makeStrategy(context: AgentContext) throws -> any Strategy {
        try registry.makeStrategy(spec, context: context)
    }
}

public import ParleyAgents
public import ParleyProtocol

/// Builds in-process agents from specs such as `boulware:e=0.2`: a strategy bound to a role and its profile.
///
/// One factory shares one ``BiddingIndexCache``, so every session it builds agents for reuses the same indexes.
public struct AgentFactory: Sendable {
    /// The strategies specs can name.
    public var registry: StrategyRegistry
    /// The shared bidding indexes.
    public let indexes: BiddingIndexCache

    /// A factory over a registry, with a new index cache unless one is given.
    public init(registry: StrategyRegistry = .builtIns, indexes: BiddingIndexCache = BiddingIndexCache()) {
        self.registry = registry
        self.indexes = indexes
    }

    /// The seed a side's agent gets, derived from the session seed so the two sides draw independently.
    public static func seed(for role: Role, sessionSeed: UInt64) -> UInt64 {
        SeededGenerator.derive(sessionSeed, role == .buyer ? 1 : 2)
    }

    /// Builds the agent for one side of a session under a scenario file, with the file's profile for that side.
    public func makeAgent(_ spec: AgentSpec, role: Role, file: ScenarioFile, sessionSeed: UInt64) throws -> any Strategy {
        _ = try registry.check(spec)
        guard let profile = file.profile(for: role) else {
            throw SessionSetupError.missingProfile(role)
        }
        let context: AgentContext
        do {
            context = try AgentContext(
                scenario: file.scenario, role: role, profile: profile,
                seed: Self.seed(for: role, sessionSeed: sessionSeed), indexes: indexes
            )
        } catch {
            throw SessionSetupError.invalidScenario(error.problems)
        }
        return try registry.makeStrategy(spec, context: context)
    }
}

/// Why a session could not be set up.
public enum SessionSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario file has no profile for a side that needs one.
    case missingProfile(Role)
    /// The scenario file has problems.
    case invalidScenario([ValidationProblem])

    /// For people.
    public var description: String {
        switch self {
        case .missingProfile(let role): "the scenario file has no \(role) profile ($.profiles.\(role)); in-process agents need one"
        case .invalidScenario(let problems): "the scenario file is invalid:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}

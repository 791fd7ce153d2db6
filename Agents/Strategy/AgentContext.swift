public import ParleyProtocol

/// Everything a strategy is created with: the scenario, its side, its private profile, and its seed.
public struct AgentContext: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// The side the agent plays.
    public let role: Role
    /// The agent's private profile.
    public let profile: Profile
    /// The profile compiled against the scenario.
    public let utility: UtilityFunction
    /// The seed for the agent's randomness; see ``SeededGenerator``.
    public let seed: UInt64
    /// The opponent's compiled profile, only in an experiment that reveals it (``Seat/opponentProfile``), for oracle
    /// opponent models; `nil` whenever a real counterpart is played.
    public let opponentUtility: UtilityFunction?
    private let indexes: BiddingIndexCache

    /// Creates a context with the profile compiled, or found compiled in the cache. Throws the profile's validation
    /// problems.
    public init(
        scenario: Scenario, role: Role, profile: Profile, opponentProfile: Profile? = nil, seed: UInt64, indexes: BiddingIndexCache
    ) throws(ValidationFailure) {
        self.scenario = scenario
        self.role = role
        self.profile = profile
        self.utility = try indexes.utility(of: profile, on: scenario)
        self.opponentUtility = try opponentProfile.map { profile throws(ValidationFailure) in try indexes.utility(of: profile, on: scenario) }
        self.seed = seed
        self.indexes = indexes
    }

    /// The bidding index of this profile, built on first use and shared through the cache with every other
    /// session that uses the same profile on the same issues.
    public func biddingIndex() throws(BiddingIndexError) -> BiddingIndex {
        try indexes.index(for: utility)
    }
}

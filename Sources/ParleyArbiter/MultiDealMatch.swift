public import ParleyAgents
public import ParleyAnalysis
public import ParleyProtocol

/// One multi-deal negotiation to play: the scenario, the centre, one agent per edge, and the seed.
///
/// Each edge's session has its own seed and id, derived from the match's seed and the edge's position, so a replay
/// with the same seed is the same negotiation.
public struct MultiDealMatch: Sendable {
    /// The scenario (its mode decides parallel or sequential).
    public var scenario: MultiDealScenario
    /// The centre.
    public var centre: CentreSource
    /// The agent of each edge, in the scenario's edge order: any built-in, remote or LLM agent.
    public var edges: [any AgentSource]
    /// The seed all randomness derives from.
    public var seed: UInt64
    /// The scenario's landscape for the analysis; built for the match when `nil`. Share one across the matches of a
    /// scenario: building it scans every edge's outcomes.
    public var landscape: MultiDealLandscape?

    /// A match.
    public init(scenario: MultiDealScenario, centre: CentreSource, edges: [any AgentSource], seed: UInt64, landscape: MultiDealLandscape? = nil) {
        self.scenario = scenario
        self.centre = centre
        self.edges = edges
        self.seed = seed
        self.landscape = landscape
    }

    /// The seed of an edge's session.
    public func seed(ofEdge edge: Int) -> UInt64 { SeededGenerator.derive(seed, UInt64(edge + 1)) }

    /// The id of an edge's session.
    public func sessionID(ofEdge edge: Int) -> SessionID {
        let (buyer, seller) = descriptors(ofEdge: edge)
        return .derived(seed: seed(ofEdge: edge), scenario: "\(scenario.id)/\(scenario.edges[edge].id)", buyer: buyer.spec, seller: seller.spec)
    }

    /// The agents of an edge's session, as its transcript names them.
    public func descriptors(ofEdge edge: Int) -> (buyer: AgentDescriptor, seller: AgentDescriptor) {
        scenario.centre == .buyer ? (centre.descriptor, edges[edge].descriptor) : (edges[edge].descriptor, centre.descriptor)
    }

    /// The seat of a side in an edge's session.
    public func seat(_ role: Role, edge: Int) -> Seat {
        Seat(file: scenario.edges[edge].scenario, role: role, sessionSeed: seed(ofEdge: edge), session: sessionID(ofEdge: edge))
    }
}

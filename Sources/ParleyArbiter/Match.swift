public import ParleyAgents
public import ParleyAnalysis
public import ParleyProtocol
public import ParleyRecords

/// One session to play: a scenario file, the agent on each side, and the seed.
///
/// This is the one way Parley plays a session from agents (`parley run`, tournaments, the conformance kit and
/// strategy checks all go through it): the arbiter seats both agents with their profiles from the file, each
/// with a seed derived from the session's, and runs the session.
///
/// ```swift
/// let match = Match(file: file, buyer: try StrategySource(.init(parsing: "boulware")), seller: try StrategySource(.init(parsing: "conceder")), seed: 7)
/// let record = try await arbiter.play(match)
/// ```
public struct Match: Sendable {
    /// The scenario and both sides' profiles.
    public var file: ScenarioFile
    /// The buyer's agent.
    public var buyer: any AgentSource
    /// The seller's agent.
    public var seller: any AgentSource
    /// The seed all randomness derives from.
    public var seed: UInt64
    /// Both sides' utilities over the outcome space, for the settlement analysis; `nil` skips the analysis.
    public var landscape: OutcomeLandscape?
    /// The session's id: by default fixed by the seed, the scenario and the agents, so a replay gets the same one.
    public var id: SessionID
    /// Whether each side's seat also holds the other side's profile, for oracle opponent models in experiments. Off
    /// by default: an agent never sees its opponent's profile otherwise.
    public var revealsProfiles: Bool

    /// A match; the id derives from the seed, the scenario and the agents' names unless given.
    public init(
        file: ScenarioFile, buyer: any AgentSource, seller: any AgentSource, seed: UInt64, landscape: OutcomeLandscape? = nil, id: SessionID? = nil,
        revealsProfiles: Bool = false
    ) {
        self.revealsProfiles = revealsProfiles
        self.file = file
        self.buyer = buyer
        self.seller = seller
        self.seed = seed
        self.landscape = landscape
        self.id = id ?? .derived(seed: seed, scenario: file.scenario.id, buyer: buyer.descriptor.spec, seller: seller.descriptor.spec)
    }

    /// What the arbiter records about the session besides the agents' moves.
    public var setup: SessionSetup {
        SessionSetup(id: id, scenario: file.scenario, buyer: buyer.descriptor, seller: seller.descriptor, seed: seed, landscape: landscape)
    }

    /// The seat of one side.
    public func seat(_ role: Role) -> Seat {
        Seat(file: file, role: role, sessionSeed: seed, session: id, revealingOpponent: revealsProfiles)
    }
}

extension Arbiter {
    /// Plays a match: builds both sides' strategies for their seats, then runs the session. Throws only when an
    /// agent cannot be built for its seat (a missing profile, say); everything that goes wrong in the session is
    /// its outcome.
    public func play(_ match: Match) async throws -> SessionRecord {
        let buyer = try match.buyer.makeStrategy(for: match.seat(.buyer))
        let seller = try match.seller.makeStrategy(for: match.seat(.seller))
        return await run(match.setup, buyer: buyer, seller: seller)
    }
}

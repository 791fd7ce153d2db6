public import ParleyProtocol

/// One side of one session, as the agent that plays it is given it: the scenario, the side, its profile, its
/// seed, and the session id it knows the session by.
public struct Seat: Sendable {
    /// The scenario.
    public var scenario: Scenario
    /// The side to play.
    public var role: Role
    /// The side's private profile, when known (an agent server may be started without one).
    public var profile: Profile?
    /// The other side's profile, only in an experiment that reveals it to oracle models (``Match`` with
    /// `revealsProfiles`); `nil` whenever a real counterpart is played. It never travels to a remote agent.
    public var opponentProfile: Profile?
    /// The seed of this side's randomness.
    public var seed: UInt64
    /// The session id this side's agent knows the session by.
    public var sessionID: SessionID

    /// Creates a seat.
    public init(scenario: Scenario, role: Role, profile: Profile?, opponentProfile: Profile? = nil, seed: UInt64, sessionID: SessionID) {
        self.scenario = scenario
        self.role = role
        self.profile = profile
        self.opponentProfile = opponentProfile
        self.seed = seed
        self.sessionID = sessionID
    }

    /// The seat of one side in a session under a scenario file: the side's profile from the file, a seed derived
    /// from the session's so the two sides draw independently, and the session id with the side appended, so one
    /// agent server can play both sides of a session. With `revealingOpponent`, the seat also holds the other side's
    /// profile, for oracle models in experiments.
    public init(file: ScenarioFile, role: Role, sessionSeed: UInt64, session: SessionID, revealingOpponent: Bool = false) {
        self.init(
            scenario: file.scenario, role: role, profile: file.profile(for: role),
            opponentProfile: revealingOpponent ? file.profile(for: role.opponent) : nil,
            seed: SeededGenerator.derive(sessionSeed, role == .buyer ? 1 : 2), sessionID: SessionID(rawValue: "\(session.rawValue)-\(role)")
        )
    }

    /// The context an in-process strategy is created with: the profile compiled against the scenario.
    public func context(indexes: BiddingIndexCache) throws(SessionSetupError) -> AgentContext {
        guard let profile else { throw .missingProfile(role) }
        do {
            return try AgentContext(scenario: scenario, role: role, profile: profile, opponentProfile: opponentProfile, seed: seed, indexes: indexes)
        } catch {
            throw .invalidScenario(error.problems)
        }
    }
}

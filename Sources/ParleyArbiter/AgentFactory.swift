public import ParleyAgents
public import ParleyHTTPClient
import ParleyLLM
public import ParleyProtocol
import ParleyRemote

/// Builds agents from specs such as `boulware:e=0.2`, URLs such as `http://127.0.0.1:8081`, and agent files: a
/// strategy bound to a role and its profile, in-process, on an agent server, or consulting an LLM.
///
/// One factory shares one ``BiddingIndexCache``, so every session it builds agents for reuses the same indexes,
/// and one ``HTTPClient``, so every remote and LLM agent it builds reuses the same connections.
public struct AgentFactory: Sendable {
    /// The strategies specs can name.
    public var registry: StrategyRegistry
    /// The shared bidding indexes.
    public let indexes: BiddingIndexCache
    /// The client remote agents are called through.
    public let http: HTTPClient
    /// The bearer token sent to remote agents, if their servers need one.
    public var remoteToken: String?
    /// The environment LLM agents read their API keys from (the CLI passes the process's); nothing else is read.
    public var environment: [String: String]
    /// The clock LLM agents measure their turns and wait between retries on.
    public var clock: any Clock<Duration>

    /// A factory over a registry, with a new index cache and HTTP client unless given.
    public init(
        registry: StrategyRegistry = .builtIns, indexes: BiddingIndexCache = BiddingIndexCache(), http: HTTPClient = HTTPClient(),
        remoteToken: String? = nil, environment: [String: String] = [:], clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.registry = registry
        self.indexes = indexes
        self.http = http
        self.remoteToken = remoteToken
        self.environment = environment
        self.clock = clock
    }

    /// The seed a side's agent gets, derived from the session seed so the two sides draw independently.
    public static func seed(for role: Role, sessionSeed: UInt64) -> UInt64 {
        SeededGenerator.derive(sessionSeed, role == .buyer ? 1 : 2)
    }

    /// The session id a remote agent is told: the session's id and the side, so one server can play both sides.
    public static func remoteSessionID(_ session: SessionID, role: Role) -> SessionID {
        SessionID(rawValue: "\(session.rawValue)-\(role)")
    }

    /// Builds the in-process agent for one side of a session under a scenario file, with the file's profile for that side.
    public func makeAgent(_ spec: AgentSpec, role: Role, file: ScenarioFile, sessionSeed: UInt64) throws -> any Strategy {
        _ = try registry.check(spec)
        guard let profile = file.profile(for: role) else {
            throw SessionSetupError.missingProfile(role)
        }
        return try registry.makeStrategy(spec, context: try context(role: role, profile: profile, file: file, sessionSeed: sessionSeed))
    }

    /// Builds the agent for one side of a session: in-process for a spec, remote for a URL.
    ///
    /// A remote agent is sent the side's profile from the file when it has one, the seed an in-process agent
    /// would get, and the session id with the side appended. Nothing is sent until its first turn.
    public func makeAgent(_ reference: AgentReference, role: Role, file: ScenarioFile, sessionSeed: UInt64, session: SessionID) throws -> any Strategy {
        switch reference {
        case .strategy(let spec):
            return try makeAgent(spec, role: role, file: file, sessionSeed: sessionSeed)
        case .file(let agentFile):
            try check(agentFile)
            guard let profile = file.profile(for: role) else { throw SessionSetupError.missingProfile(role) }
            return try makeStrategy(agentFile, context: try context(role: role, profile: profile, file: file, sessionSeed: sessionSeed))
        case .remote(let url):
            let start = SessionStart(
                sessionID: Self.remoteSessionID(session, role: role), scenario: file.scenario, role: role,
                profile: file.profile(for: role), seed: Self.seed(for: role, sessionSeed: sessionSeed)
            )
            return RemoteAgent(endpoint: try AgentEndpoint(url: url, token: remoteToken, client: http), start: start)
        }
    }

    /// Builds the strategy an agent file describes, for an agent: a built-in with the file's parameters, or an
    /// LLM agent with its fallback built for the same context. Throws when the file names an API key variable
    /// that the environment does not set.
    public func makeStrategy(_ agentFile: AgentFile, context: AgentContext) throws -> any Strategy {
        guard agentFile.strategy == AgentFile.llmStrategy, let llm = agentFile.llm else {
            return try registry.makeStrategy(agentFile.spec, context: context)
        }
        let fallback = try registry.makeStrategy(try AgentSpec(parsing: llm.fallback), context: context)
        return makeLLMAgent(llm, context: context, fallback: fallback, apiKey: try apiKey(for: agentFile), clock: clock)
    }

    /// Checks an agent file: its strategy and parameters, or its LLM configuration and fallback, and that the
    /// environment sets the API key variable it names.
    public func check(_ agentFile: AgentFile) throws(AgentSpecError) {
        try agentFile.check(registry: registry)
        _ = try apiKey(for: agentFile)
    }

    /// The API key of an LLM agent file, from the environment; `nil` when the file names no variable.
    private func apiKey(for agentFile: AgentFile) throws(AgentSpecError) -> String? {
        guard let variable = agentFile.llm?.apiKeyVariable else { return nil }
        guard let value = environment[variable], !value.isEmpty else {
            throw AgentSpecError(.missingAPIKey, "the agent '\(agentFile.name)' reads its API key from the environment variable \(variable), which is not set")
        }
        return value
    }

    private func makeLLMAgent(
        _ configuration: LLMConfiguration, context: AgentContext, fallback: any Strategy, apiKey: String?, clock: some Clock<Duration>
    ) -> any Strategy {
        LLMAgent(configuration: configuration, context: context, fallback: fallback, apiKey: apiKey, client: http, clock: clock)
    }

    /// The context a strategy is created with: the profile compiled against the scenario, and the side's seed.
    private func context(role: Role, profile: Profile, file: ScenarioFile, sessionSeed: UInt64) throws(SessionSetupError) -> AgentContext {
        do {
            return try AgentContext(
                scenario: file.scenario, role: role, profile: profile,
                seed: Self.seed(for: role, sessionSeed: sessionSeed), indexes: indexes
            )
        } catch {
            throw SessionSetupError.invalidScenario(error.problems)
        }
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

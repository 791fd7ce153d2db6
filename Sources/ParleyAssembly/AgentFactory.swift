public import ParleyAgents
public import ParleyHTTPClient
public import ParleyLLM
public import ParleyProtocol
import ParleyRemote

/// Turns what a user names (``AgentReference``: a spec such as `boulware:e=0.2`, a URL such as
/// `http://127.0.0.1:8081`, an agent file) into an ``ParleyAgents/AgentSource`` that sessions can seat.
///
/// One factory shares one ``ParleyAgents/BiddingIndexCache``, so every session it builds agents for reuses the same
/// indexes, and one ``ParleyHTTPClient/HTTPClient``, so every remote and LLM agent reuses the same connections.
public struct AgentFactory: Sendable {
    /// The strategies specs can name.
    public var registry: StrategyRegistry
    /// The shared bidding indexes.
    public private(set) var indexes: BiddingIndexCache
    /// The client remote agents are called through.
    public let http: HTTPClient
    /// The bearer token sent to remote agents, if their servers need one.
    public var remoteToken: String?
    /// The environment LLM agents read their API keys from (the CLI passes the process's); nothing else is read.
    public var environment: [String: String]
    /// The clock LLM agents measure their turns and wait between retries on.
    public let clock: any Clock<Duration>
    /// One gate per model endpoint, shared by every LLM agent this factory builds for it.
    public let endpointGates: EndpointGates

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
        self.endpointGates = EndpointGates(clock: clock)
    }

    /// The same factory with an index cache of its own (the HTTP client and the endpoint gates stay shared): for a
    /// worker whose in-process agents should share nothing with other workers', since reference counting on objects
    /// that threads share makes them take turns (measured: `parley-bench multideal`).
    public func withOwnIndexCache() -> AgentFactory {
        var copy = self
        copy.indexes = BiddingIndexCache()
        return copy
    }

    /// The agent a reference names. Throws when a spec names no known strategy or parameter, an agent file has
    /// problems or names an API key variable the environment does not set, or a URL is not an agent server URL.
    public func source(for reference: AgentReference) throws -> any AgentSource {
        switch reference {
        case .strategy(let spec):
            return try StrategySource(spec, registry: registry, indexes: indexes)
        case .remote(let url):
            return RemoteSource(transport: try AgentEndpoint(url: url, token: remoteToken, client: http))
        case .a2a(let url):
            return RemoteSource(transport: try A2AEndpoint(url: url, token: remoteToken, client: http))
        case .file(let file):
            try check(file)
            guard file.strategy == AgentFile.llmStrategy, let llm = file.llm else {
                return try StrategySource(file.spec, name: file.name, registry: registry, indexes: indexes)
            }
            let fallback = try StrategySource(try AgentSpec(parsing: llm.fallback), registry: registry, indexes: indexes)
            return LLMSource(
                name: file.name, configuration: llm, fallback: fallback, apiKey: try apiKey(for: file),
                judgeAPIKey: try apiKey(named: llm.judge?.apiKeyVariable, agent: file.name, role: "judge"), client: http,
                gate: endpointGates.gate(for: llm.completionsURL), clock: clock
            )
        }
    }

    /// The centre a `RULE+AGENT` text names, such as `best-standing+boulware:e=0.2` or `per-edge+Examples/Agents/llm-buyer.json`;
    /// `RULE` alone uses boulware. Throws for an unknown rule, with the rules there are, an agent that is not one, or an
    /// agent server's URL (the rule may change the agent's moves, which a server's own record of the session would not follow).
    public func centre(for text: String) throws(AgentSpecError) -> CentreSource {
        let parts = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let rule = CentreRule(rawValue: parts[0]) else {
            let rules = CentreRule.allCases.map(\.rawValue).joined(separator: ", ")
            throw AgentSpecError(.unknownStrategy, "'\(parts[0].prefix(60))' is not a centre rule; write RULE+AGENT with RULE one of \(rules), such as best-standing+boulware")
        }
        let agent = parts.count > 1 ? try AgentReference(parsing: parts[1]) : .strategy(AgentSpec(strategy: "boulware"))
        if case .remote = agent {
            throw AgentSpecError(.malformed, "a centre's agent runs in this process (a strategy or an LLM agent file), not on an agent server: the centre's rule may change its moves")
        }
        if case .a2a = agent {
            // The rule changes some of the agent's moves (a raise to the floor, a quantity cut to fit the need); an
            // agent server keeps its own record of the session, which would then no longer match.
            throw AgentSpecError(.malformed, "a centre's agent runs in this process (a strategy or an LLM agent file), not on an agent server: the centre's rule may change its moves")
        }
        do {
            return CentreSource(rule: rule, agent: try source(for: agent), indexes: indexes)
        } catch let error as AgentSpecError {
            throw error
        } catch {
            throw AgentSpecError(.malformed, "the centre's agent '\(parts[1].prefix(200))' is not usable: \(error)")
        }
    }

    /// The agents references name, each checked before any session: every reference is built, then every agent
    /// is asked to ``ParleyAgents/AgentSource/preflight()`` (a remote agent for its card), so a wrong file, key
    /// variable, URL or token fails at once, not session by session.
    public func preflightedSources(for references: [AgentReference]) async throws -> [any AgentSource] {
        let sources = try references.map(source(for:))
        for source in sources {
            do {
                try await source.preflight()
            } catch {
                throw AgentUnusable(agent: source.descriptor, reason: "\(error)")
            }
        }
        return sources
    }

    /// Checks an agent file: its strategy and parameters, or its LLM configuration and fallback, and that the
    /// environment sets the API key variables it names (its model's and its judge's).
    public func check(_ agentFile: AgentFile) throws(AgentSpecError) {
        try agentFile.check(registry: registry)
        _ = try apiKey(for: agentFile)
        _ = try apiKey(named: agentFile.llm?.judge?.apiKeyVariable, agent: agentFile.name, role: "judge")
    }

    /// The API key of an LLM agent file, from the environment; `nil` when the file names no variable.
    private func apiKey(for agentFile: AgentFile) throws(AgentSpecError) -> String? {
        try apiKey(named: agentFile.llm?.apiKeyVariable, agent: agentFile.name, role: nil)
    }

    /// The value of an API key variable, from the environment; `nil` when no variable is named.
    private func apiKey(named variable: String?, agent: String, role: String?) throws(AgentSpecError) -> String? {
        guard let variable else { return nil }
        guard let value = environment[variable], !value.isEmpty else {
            let whose = role.map { "the \($0) of the agent '\(agent)'" } ?? "the agent '\(agent)'"
            throw AgentSpecError(.missingAPIKey, "\(whose) reads its API key from the environment variable \(variable), which is not set")
        }
        return value
    }
}

/// An agent that failed its preflight: its server did not answer as an agent server should.
public struct AgentUnusable: CodedError, Hashable {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The agent failed its preflight.
        public static let agentUnusable = Code(rawValue: "agent_unusable")
    }

    /// Always ``Code/agentUnusable``.
    public var code: Code { .agentUnusable }
    /// The description.
    public var message: String { description }

    /// The agent.
    public var agent: AgentDescriptor
    /// What went wrong.
    public var reason: String

    /// For people: `the remote agent http://… is not usable: …`.
    public var description: String {
        "the \(agent.strategy == "remote" ? "remote agent" : "agent") \(agent.spec) is not usable: \(reason)"
    }
}

import Foundation
public import Hummingbird
public import Logging
public import ParleyAgents
public import ParleyProtocol

/// Serves one agent over HTTP, version 1 of the agent API (`Protocols/Spec/openapi.json`): any
/// ``ParleyAgents/AgentSource`` (an in-process strategy, an LLM agent, or another agent server relayed to), unchanged.
///
/// ```swift
/// let server = AgentServer(agent: try StrategySource(AgentSpec(strategy: "boulware")), clock: ContinuousClock(), logger: logger)
/// let running = try await server.start()   // running.url is http://127.0.0.1:PORT
/// ```
///
/// Every session gets its own strategy value, so sessions never share state; requests to one session are
/// serialized, requests to different sessions run in parallel. Bad input gets an ``APIErrorBody`` with a stable
/// code and the fitting status, and never disturbs another session.
public struct AgentServer<C: Clock>: Sendable where C.Duration == Duration {
    /// Where and how the server listens, and its limits.
    public struct Configuration: Sendable, Hashable {
        /// The interface to bind; `127.0.0.1` keeps the agent on this machine.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: Int
        /// When set, every path but `/health` needs `Authorization: Bearer TOKEN`.
        public var token: String?
        /// The most sessions held at once; a start beyond it gets 503.
        public var maximumSessions: Int
        /// The largest request body accepted, in bytes; a larger one gets 413.
        public var maximumBodyBytes: Int
        /// How long a session may go untouched before it is dropped.
        public var idleTimeout: Duration

        /// A configuration; the defaults serve on loopback port 8081.
        public init(
            host: String = "127.0.0.1", port: Int = 8081, token: String? = nil, maximumSessions: Int = 1024,
            maximumBodyBytes: Int = 1 << 20, idleTimeout: Duration = .seconds(300)
        ) {
            self.host = host
            self.port = port
            self.token = token
            self.maximumSessions = maximumSessions
            self.maximumBodyBytes = maximumBodyBytes
            self.idleTimeout = idleTimeout
        }
    }

    /// The agent served.
    public let agent: any AgentSource
    /// The card `GET /v1/agent` answers.
    public let card: AgentCard
    /// The configuration.
    public let configuration: Configuration
    private let sessions: SessionTable<C>
    private let logger: Logger

    /// A server for an agent.
    public init(agent: any AgentSource, configuration: Configuration = Configuration(), clock: C, logger: Logger) {
        self.agent = agent
        self.card = AgentCard(name: agent.descriptor.spec, strategy: agent.descriptor.strategy, needsProfile: agent.needsProfile)
        self.configuration = configuration
        self.sessions = SessionTable(capacity: max(1, configuration.maximumSessions), idleLimit: configuration.idleTimeout, clock: clock)
        self.logger = logger
    }

    /// Binds the address and serves in the background until the returned server is stopped.
    public func start(handlingSignals: Bool = false) async throws -> RunningServer {
        try await RunningServer.start(
            router: router(), host: configuration.host, port: configuration.port, handlingSignals: handlingSignals, logger: logger
        )
    }

    /// The routes, behind the error and token middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let io = MessageIO(limit: configuration.maximumBodyBytes)
        router.add(middleware: APIErrorMiddleware(io: io))
        if let token = configuration.token { router.add(middleware: BearerTokenMiddleware(token: token, io: io)) }
        router.get(RouterPath(AgentAPI.health)) { _, _ in io.response(Health()) }
        router.get(RouterPath(AgentAPI.card)) { _, _ in io.response(card) }
        router.post(RouterPath(AgentAPI.sessions)) { request, _ in
            let message = try await io.read(SessionStart.self, from: request)
            let isNew = try await sessions.start(message) { () throws(APIError) in try makeSession(message) }
            return io.response(SessionStarted(sessionID: message.sessionID), status: isNew ? .created : .ok)
        }
        router.post("/v1/sessions/:id/turns/:turn") { request, context in
            let id = SessionID(rawValue: context.parameters.get("id") ?? "")
            guard let turn = context.parameters.get("turn", as: Int.self) else {
                throw APIError(.invalidField, "the turn in the path must be a whole number", path: "turn")
            }
            let session = try await sessions.session(id)
            let message = try await io.read(TurnRequest.self, from: request)
            try Self.check(message.sessionID, matches: id)
            guard message.turn == turn else {
                throw APIError(.invalidField, "the body asks for turn \(message.turn), the path for turn \(turn)", path: "$.turn")
            }
            return io.response(try await session.turn(message))
        }
        router.post("/v1/sessions/:id/outcome") { request, context in
            let id = SessionID(rawValue: context.parameters.get("id") ?? "")
            let session = try await sessions.session(id)
            let message = try await io.read(OutcomeNotice.self, from: request)
            try Self.check(message.sessionID, matches: id)
            await session.end(with: message.outcome)
            await sessions.markEnded(id)
            return Response(status: .noContent)
        }
        router.delete("/v1/sessions/:id") { _, context in
            try await sessions.remove(SessionID(rawValue: context.parameters.get("id") ?? ""))
            return Response(status: .noContent)
        }
        return router
    }

    /// Builds the session's strategy from the start message, or says what is wrong with it.
    private func makeSession(_ message: SessionStart) throws(APIError) -> ServedSession {
        guard AgentAPI.isValidSessionID(message.sessionID) else {
            throw APIError(.invalidField, "a session id is 1 to 128 of A-Z a-z 0-9 . _ -", path: "$.sessionID")
        }
        let problems = message.scenario.validate(at: "$.scenario")
        guard problems.isEmpty else {
            throw APIError(.invalidScenario, "the scenario is invalid: " + problems.prefix(5).map(\.description).joined(separator: "; "), path: problems[0].path)
        }
        let seat = Seat(
            scenario: message.scenario, role: message.role, profile: message.profile, seed: message.seed ?? Self.seed(for: message.sessionID),
            sessionID: message.sessionID
        )
        if agent.needsProfile {
            guard let profile = message.profile else {
                throw APIError(.invalidProfile, "this agent (\(card.name)) needs its profile in the session start", path: "$.profile")
            }
            // Only paths and codes: a profile's values are private, even in an answer to its own sender.
            let profileProblems = profile.validate(against: message.scenario, at: "$.profile")
            guard profileProblems.isEmpty else {
                throw APIError(
                    .invalidProfile, "the profile does not fit the scenario: " + profileProblems.prefix(5).map { "\($0.path) [\($0.code)]" }.joined(separator: ", "),
                    path: profileProblems[0].path
                )
            }
        }
        do {
            return ServedSession(start: message, strategy: try agent.makeStrategy(for: seat))
        } catch {
            throw APIError(.invalidProfile, "the agent cannot play with this scenario and profile", path: "$.profile")
        }
    }

    /// A seed for a start that brings none: FNV-1a of the session id, so a repeated session draws the same.
    private static func seed(for id: SessionID) -> UInt64 {
        id.rawValue.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    private static func check(_ body: SessionID, matches path: SessionID) throws(APIError) {
        guard body == path else {
            throw APIError(.sessionMismatch, "the body names session \(body), the path \(path)", path: "$.sessionID")
        }
    }
}

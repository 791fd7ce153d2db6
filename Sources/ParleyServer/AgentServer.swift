import Foundation
import HTTPTypes
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
        /// The connections held at once, and how long each may take to send a request.
        public var connections: ConnectionLimits
        /// The largest outcome space a session may have; a larger start gets 422 `invalid_scenario`.
        public var maximumOutcomes: Int
        /// Whether the agent is also served as an A2A 1.0 agent: its card at `/.well-known/agent-card.json` and
        /// JSON-RPC at `/a2a` (Parley's negotiation extension, `Protocols/Spec/a2a-binding.md`).
        public var a2a = false

        /// A configuration; the defaults serve on loopback port 8081.
        public init(
            host: String = "127.0.0.1", port: Int = 8081, token: String? = nil, maximumSessions: Int = 1024,
            maximumBodyBytes: Int = 1 << 20, idleTimeout: Duration = .seconds(300), connections: ConnectionLimits = ConnectionLimits(),
            maximumOutcomes: Int = 1 << 22
        ) {
            self.host = host
            self.port = port
            self.token = token
            self.maximumSessions = maximumSessions
            self.maximumBodyBytes = maximumBodyBytes
            self.idleTimeout = idleTimeout
            self.connections = connections
            self.maximumOutcomes = maximumOutcomes
        }
    }

    /// The agent served.
    public var agent: any AgentSource { service.agent }
    /// The card `GET /v1/agent` answers.
    public var card: AgentCard { service.card }
    /// The configuration.
    public let configuration: Configuration
    private let service: AgentService<C>
    private let a2a: A2AService<C>
    private let logger: Logger

    /// A server for an agent.
    public init(agent: any AgentSource, configuration: Configuration = Configuration(), clock: C, logger: Logger) {
        self.configuration = configuration
        self.service = AgentService(
            agent: agent, sessions: SessionTable(capacity: max(1, configuration.maximumSessions), idleLimit: configuration.idleTimeout, clock: clock),
            maximumOutcomes: configuration.maximumOutcomes
        )
        self.a2a = A2AService(service: service, capacity: max(1, configuration.maximumSessions))
        self.logger = logger
    }

    /// A transport that hands the agent API's messages to this server's sessions in this process, with no socket:
    /// the same sessions, rules and errors as over HTTP (the token and body limit are HTTP's and do not apply).
    public func inProcessTransport() -> InProcessTransport<C> {
        InProcessTransport(service: service)
    }

    /// Binds the address and serves in the background until the returned server is stopped.
    public func start(handlingSignals: Bool = false) async throws -> RunningServer {
        try await RunningServer.start(
            router: router(), host: configuration.host, port: configuration.port, limits: configuration.connections, handlingSignals: handlingSignals,
            logger: logger
        )
    }

    /// The header of a session's key.
    private static var sessionKey: HTTPField.Name { HTTPField.Name(AgentAPI.sessionKeyHeader)! }

    /// The routes, behind the error and token middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let io = MessageIO(limit: configuration.maximumBodyBytes)
        router.add(middleware: APIErrorMiddleware(io: io))
        if let token = configuration.token { router.add(middleware: BearerTokenMiddleware(token: token, io: io)) }
        router.get(RouterPath(AgentAPI.health)) { _, _ in io.response(Health()) }
        router.get(RouterPath(AgentAPI.card)) { _, _ in io.response(service.card) }
        router.post(RouterPath(AgentAPI.sessions)) { request, _ in
            let message = try await io.read(SessionStart.self, from: request)
            let (key, isNew) = try await service.start(message)
            return io.response(SessionStarted(sessionID: message.sessionID, sessionKey: key), status: isNew ? .created : .ok)
        }
        router.post("/v1/sessions/:id/turns/:turn") { request, context in
            let id = SessionID(rawValue: context.parameters.get("id") ?? "")
            guard let turn = context.parameters.get("turn", as: Int.self) else {
                throw APIError(.invalidField, "the turn in the path must be a whole number", path: "turn")
            }
            let session = try await service.session(id, key: request.headers[Self.sessionKey])
            let message = try await io.read(TurnRequest.self, from: request)
            return io.response(try await service.turn(message, on: session, id: id, turn: turn))
        }
        router.post("/v1/sessions/:id/outcome") { request, context in
            let id = SessionID(rawValue: context.parameters.get("id") ?? "")
            let session = try await service.session(id, key: request.headers[Self.sessionKey])
            let message = try await io.read(OutcomeNotice.self, from: request)
            try await service.end(message, on: session, id: id)
            return Response(status: .noContent)
        }
        router.delete("/v1/sessions/:id") { request, context in
            try await service.remove(SessionID(rawValue: context.parameters.get("id") ?? ""), key: request.headers[Self.sessionKey])
            return Response(status: .noContent)
        }
        if configuration.a2a { addA2A(to: router, io: io) }
        return router
    }

    /// The A2A binding's routes: the agent card (public, as A2A discovery expects) and the JSON-RPC endpoint.
    private func addA2A(to router: Router<BasicRequestContext>, io: MessageIO) {
        let a2a = self.a2a, needsToken = configuration.token != nil
        router.get(RouterPath(A2ABinding.cardPath)) { request, _ in
            let host = request.head.authority ?? "127.0.0.1"
            return io.plainResponse(a2a.card(baseURL: "http://\(host)", needsToken: needsToken))
        }
        router.post(RouterPath(A2ABinding.path)) { request, _ in
            let bytes: Data
            do {
                bytes = try await io.body(of: request)
            } catch let error as APIError {
                let status = HTTPResponse.Status(code: error.code.status)
                return io.plainResponse(A2AResponse(id: .null, error: A2AError(code: -32600, message: error.message, parleyCode: error.code.rawValue)), status: status)
            }
            if let version = request.headers[Self.versionHeader], !["1.0", "1"].contains(version.trimmingCharacters(in: .whitespaces)) {
                let error = A2AError(code: -32009, message: "A2A version \(version.prefix(20)) is not supported; this agent speaks \(A2ABinding.protocolVersion)")
                return io.plainResponse(A2AResponse(id: .null, error: error))
            }
            let answer = await a2a.handle(bytes, extensionsHeader: request.headers[Self.extensionsHeader])
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer)))
        }
    }

    private static var versionHeader: HTTPField.Name { HTTPField.Name("A2A-Version")! }
    private static var extensionsHeader: HTTPField.Name { HTTPField.Name("A2A-Extensions")! }
}

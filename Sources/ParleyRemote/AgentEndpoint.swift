import Foundation
public import ParleyAgents
public import ParleyHTTPClient
public import ParleyProtocol

/// The client side of the agent HTTP API: typed calls to one agent server, and the HTTP ``ParleyAgents/AgentTransport``.
///
/// Every call of the API is idempotent (a repeated start, turn, outcome or delete has the effect of one), so a
/// call whose connection failed before an answer (``HTTPClientError/isRetryable``) is repeated, up to
/// ``retries`` times. Timeouts and answers are never repeated.
public struct AgentEndpoint: Sendable {
    /// The server's base URL, without a trailing slash, such as `http://127.0.0.1:8081`.
    public let baseURL: String
    /// The bearer token sent with every call, if the server needs one.
    public let token: String?
    /// The client the calls go through; share one across endpoints so connections are pooled.
    public let client: HTTPClient
    /// How many times a call whose connection failed is repeated.
    public var retries: Int
    private let codec = WireCodec()

    /// An endpoint; throws ``RemoteAgentError/invalidURL(_:)`` unless `url` is `http(s)://host…`.
    public init(url: String, token: String? = nil, client: HTTPClient, retries: Int = 1) throws(RemoteAgentError) {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = parsed.host, !host.isEmpty, parsed.query == nil, parsed.fragment == nil
        else { throw .invalidURL(url) }
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.client = client
        self.retries = max(0, retries)
    }

    /// `GET /v1/agent`.
    public func card() async throws(RemoteAgentError) -> AgentCard {
        try await call(.get, AgentAPI.card, expecting: AgentCard.self)
    }

    /// `GET /health`: returns when the server answers 2xx.
    public func health() async throws(RemoteAgentError) {
        _ = try await exchange(.get, AgentAPI.health, body: nil, timeout: nil)
    }

    /// `POST /v1/sessions`.
    @discardableResult
    public func start(_ message: SessionStart, timeout: Duration? = nil) async throws(RemoteAgentError) -> SessionStarted {
        let started = try await call(.post, AgentAPI.sessions, sending: message, expecting: SessionStarted.self, timeout: timeout)
        guard started.sessionID == message.sessionID else {
            throw .mismatchedReply(url: baseURL + AgentAPI.sessions, "session \(started.sessionID), not \(message.sessionID)")
        }
        return started
    }

    /// `POST /v1/sessions/{id}/turns/{n}`: the agent's action for the turn; `key` is the session's, if its start returned one.
    public func turn(_ request: TurnRequest, key: String? = nil, timeout: Duration? = nil) async throws(RemoteAgentError) -> TurnReply {
        let path = AgentAPI.turn(request.sessionID, request.turn)
        let reply = try await call(.post, path, sending: request, expecting: TurnReply.self, key: key, timeout: timeout)
        guard reply.sessionID == request.sessionID, reply.turn == request.turn else {
            throw .mismatchedReply(url: baseURL + path, "session \(reply.sessionID) turn \(reply.turn), not turn \(request.turn)")
        }
        return reply
    }

    /// `POST /v1/sessions/{id}/outcome`, with the session's key if its start returned one.
    public func report(_ notice: OutcomeNotice, key: String? = nil, timeout: Duration? = nil) async throws(RemoteAgentError) {
        let path = AgentAPI.outcome(notice.sessionID)
        _ = try await exchange(.post, path, body: try encode(notice, for: path), key: key, timeout: timeout)
    }

    /// `DELETE /v1/sessions/{id}`, with the session's key if its start returned one.
    public func drop(_ id: SessionID, key: String? = nil) async throws(RemoteAgentError) {
        _ = try await exchange(.delete, AgentAPI.session(id), body: nil, key: key, timeout: nil)
    }

    private func call<Reply: Codable & Sendable & Hashable>(
        _ method: HTTPRequest.Method, _ path: String, sending body: (some Codable & Sendable & Hashable)? = String?.none,
        expecting: Reply.Type, key: String? = nil, timeout: Duration? = nil
    ) async throws(RemoteAgentError) -> Reply {
        let bytes = try body.map { (body) throws(RemoteAgentError) in try encode(body, for: path) }
        let response = try await exchange(method, path, body: bytes, key: key, timeout: timeout)
        do {
            return try codec.decode(WireMessage<Reply>.self, from: response.body).body
        } catch {
            throw .unreadableReply(url: baseURL + path, error)
        }
    }

    private func encode(_ body: some Codable & Sendable & Hashable, for path: String) throws(RemoteAgentError) -> Data {
        do {
            return try codec.encode(WireMessage(body))
        } catch {
            throw .unreadableReply(url: baseURL + path, WireError(.invalidField, path: "$", message: "could not encode the request: \(error)"))
        }
    }

    /// Sends one request, repeating it while its connection fails, and turns non-2xx answers into errors.
    private func exchange(
        _ method: HTTPRequest.Method, _ path: String, body: Data?, key: String? = nil, timeout: Duration?
    ) async throws(RemoteAgentError) -> HTTPResponse {
        let url = baseURL + path
        let headers = HTTPHeaderField.bearer(token) + HTTPHeaderField.sessionKey(key)
        return try await client.sendToAgent(HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout), retries: retries)
    }
}

extension AgentEndpoint: AgentTransport {
    /// The base URL.
    public var address: String { baseURL }

    /// The client's transfer thread.
    public var executor: (any TaskExecutor)? { client.executor }

    /// `POST /v1/sessions`; a request that runs out of time throws ``ParleyAgents/AgentTimedOut``.
    public func startSession(_ message: SessionStart, timeout: Duration?) async throws -> SessionStarted {
        try await Self.timingOut { () throws(RemoteAgentError) in try await start(message, timeout: timeout) }
    }

    /// `POST /v1/sessions/{id}/turns/{n}`; a request that runs out of time throws ``ParleyAgents/AgentTimedOut``.
    public func requestTurn(_ request: TurnRequest, key: String?, timeout: Duration?) async throws -> TurnReply {
        try await Self.timingOut { () throws(RemoteAgentError) in try await turn(request, key: key, timeout: timeout) }
    }

    /// `POST /v1/sessions/{id}/outcome`.
    public func reportOutcome(_ notice: OutcomeNotice, key: String?, timeout: Duration?) async throws {
        try await Self.timingOut { () throws(RemoteAgentError) in try await report(notice, key: key, timeout: timeout) }
    }

    /// Runs a call, turning a transport time-out into ``ParleyAgents/AgentTimedOut``.
    private static func timingOut<T>(_ call: () async throws(RemoteAgentError) -> T) async throws -> T {
        do {
            return try await call()
        } catch {
            if error.code == .transport, let limit = error.transportFailure?.timeLimit {
                throw AgentTimedOut("remote agent at \(error.url) did not answer within \(limit)")
            }
            throw error
        }
    }
}

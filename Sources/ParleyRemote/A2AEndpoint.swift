import Foundation
import Synchronization
public import ParleyAgents
public import ParleyHTTPClient
public import ParleyProtocol

/// The client side of Parley's A2A binding (`Protocols/Spec/a2a-binding.md`): an A2A 1.0 agent that declares the
/// Parley negotiation extension, reached through JSON-RPC over libcurl, as an ``ParleyAgents/AgentTransport``, so
/// `a2a+http://HOST:PORT` works wherever an agent server's URL does.
///
/// The agent card (`/.well-known/agent-card.json`) is read once, on first use: it must declare the extension and a
/// `JSONRPC` interface of A2A 1.0, whose URL every request then goes to. A session is one task: the start creates it,
/// and the session key this transport hands back carries the task's id, its context and the agent's session key,
/// which every later message of the task sends. As with the agent API, a request whose connection failed before an answer is
/// repeated (the server answers a repeated start or turn the same), up to ``retries`` times.
public struct A2AEndpoint: Sendable {
    /// The agent's base URL (`http://HOST:PORT`), where its card is served.
    public let baseURL: String
    /// The bearer token sent with every request, if the agent needs one.
    public let token: String?
    /// The client the requests go through.
    public let client: HTTPClient
    /// How many times a request whose connection failed is repeated.
    public var retries: Int
    private let resolved = ResolvedCard()

    /// The scheme prefix of an A2A agent reference, `a2a+`.
    public static let scheme = "a2a+"

    /// An endpoint for `a2a+http://HOST:PORT` (or the same without `a2a+`); throws ``RemoteAgentError/invalidURL(_:)``
    /// for anything else.
    public init(url: String, token: String? = nil, client: HTTPClient, retries: Int = 1) throws(RemoteAgentError) {
        let plain = url.lowercased().hasPrefix(Self.scheme) ? String(url.dropFirst(Self.scheme.count)) : url
        guard let parsed = URLComponents(string: plain), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = parsed.host, !host.isEmpty, parsed.query == nil, parsed.fragment == nil
        else { throw .invalidURL(url) }
        var base = plain
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.client = client
        self.retries = max(0, retries)
    }

    /// The A2A agent card, checked: it declares the Parley extension and a JSON-RPC interface of A2A 1.0.
    public func a2aCard() async throws(RemoteAgentError) -> (card: A2AAgentCard, endpoint: String) {
        if let known = resolved.value { return known }
        let url = baseURL + A2ABinding.cardPath
        let response = try await client.sendToAgent(HTTPRequest(method: .get, url: url, headers: HTTPHeaderField.bearer(token)), retries: retries)
        let card: A2AAgentCard
        do {
            card = try JSONDecoder().decode(A2AAgentCard.self, from: response.body)
        } catch {
            throw .unreadableReply(url: url, WireError(.invalidField, path: "$", message: "not an A2A agent card: \(error)"))
        }
        guard card.capabilities.extensions.contains(where: { $0.uri == A2ABinding.extensionURI }) else {
            throw .unreadableReply(url: url, WireError(.invalidField, path: "$.capabilities.extensions", message: "the agent does not declare the Parley negotiation extension \(A2ABinding.extensionURI)"))
        }
        guard let interface = card.supportedInterfaces.first(where: { $0.protocolBinding == "JSONRPC" && $0.protocolVersion.hasPrefix("1.") }) else {
            throw .unreadableReply(url: url, WireError(.invalidField, path: "$.supportedInterfaces", message: "the agent offers no JSON-RPC interface of A2A 1.x"))
        }
        resolved.value = (card, interface.url)
        return (card, interface.url)
    }

    /// Sends one Parley message in a task (a new one for a start) and returns the task the agent answered with.
    func send(_ part: A2APart, task: TaskReference?, timeout: Duration?) async throws(RemoteAgentError) -> A2ATask {
        let endpoint = try await a2aCard().endpoint
        let message = A2AMessage(
            messageId: UUID().uuidString.lowercased(), contextId: task?.context, taskId: task?.id, role: A2AMessage.user, parts: [part],
            metadata: task.map { [A2ABinding.sessionKeyField: .string($0.key)] }, extensions: [A2ABinding.extensionURI]
        )
        let request = A2ACall(id: .string(message.messageId), method: "SendMessage", params: A2ASendMessageParams(message: message))
        let body: Data
        do {
            body = try JSONEncoder().encode(request)
        } catch {
            throw .unreadableReply(url: endpoint, WireError(.invalidField, path: "$", message: "could not encode the request"))
        }
        let headers = HTTPHeaderField.bearer(token) + [
            HTTPHeaderField(name: "Content-Type", value: "application/json"), HTTPHeaderField(name: "A2A-Version", value: A2ABinding.protocolVersion),
            HTTPHeaderField(name: "A2A-Extensions", value: A2ABinding.extensionURI),
        ]
        let response = try await client.sendToAgent(HTTPRequest(method: .post, url: endpoint, headers: headers, body: body, timeout: timeout), retries: retries)
        let answer: A2AReply<A2ASendMessageResult>
        do {
            answer = try JSONDecoder().decode(A2AReply<A2ASendMessageResult>.self, from: response.body)
        } catch {
            throw .unreadableReply(url: endpoint, WireError(.invalidField, path: "$.result.task", message: "not a JSON-RPC response with a task: \(error)"))
        }
        if let error = answer.error {
            throw .rejected(url: endpoint, status: error.code, APIError(APIError.Code(rawValue: error.parleyCode ?? "a2a_error"), error.message, path: error.path))
        }
        guard let task = answer.result?.task else {
            throw .unreadableReply(url: endpoint, WireError(.missingField, path: "$.result.task", message: "the answer holds no task"))
        }
        return task
    }

    /// The Parley message of a given type in a task's status message.
    static func reply<Body: Codable & Sendable & Hashable>(_ type: Body.Type, in task: A2ATask, url: String) throws(RemoteAgentError) -> Body {
        guard let part = task.status.message?.parts.first(where: { $0.data != nil }) else {
            throw .unreadableReply(url: url, WireError(.missingField, path: "$.result.task.status.message", message: "the task's status carries no data part"))
        }
        do {
            return try A2ABinding.decode(Body.self, from: part)
        } catch {
            throw .unreadableReply(url: url, error)
        }
    }

    /// A Parley message as a data part.
    static func part(_ message: some Codable & Sendable & Hashable, _ mediaType: String, url: String) throws(RemoteAgentError) -> A2APart {
        do {
            return try A2ABinding.part(message, mediaType: mediaType)
        } catch {
            throw .unreadableReply(url: url, WireError(.invalidField, path: "$", message: "could not encode the message"))
        }
    }

    /// A session's task: its id, its context and the session's key, which the key a start hands back carries, one per
    /// line.
    struct TaskReference {
        var id: String
        var context: String
        var key: String

        /// The reference a start's key carries.
        init(_ key: String?, url: String) throws(RemoteAgentError) {
            let lines = (key ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count == 3 else { throw .mismatchedReply(url: url, "a session that was not started as a task") }
            (id, context, self.key) = (lines[0], lines[1], lines[2])
        }

        /// The key to hand back for a started task.
        static func key(task: A2ATask, sessionKey: String) -> String {
            [task.id, task.contextId, sessionKey].joined(separator: "\n")
        }
    }

    /// The card once read, shared by every copy of the endpoint.
    private final class ResolvedCard: Sendable {
        private let storage = Mutex<(card: A2AAgentCard, endpoint: String)?>(nil)
        var value: (card: A2AAgentCard, endpoint: String)? {
            get { storage.withLock { $0 } }
            set { storage.withLock { $0 = newValue } }
        }
    }
}

extension A2AEndpoint: AgentTransport {
    /// `a2a+` and the base URL, as transcripts name the agent.
    public var address: String { Self.scheme + baseURL }

    /// The client's transfer thread.
    public var executor: (any TaskExecutor)? { client.executor }

    /// The Parley card the A2A card describes: its name, and whether it wants a profile (the extension's `needsProfile`).
    public func card() async throws -> AgentCard {
        let card = try await a2aCard().card
        let needsProfile: Bool = card.capabilities.extensions.first { $0.uri == A2ABinding.extensionURI }?.params?["needsProfile"].flatMap {
            if case .bool(let value) = $0 { value } else { nil }
        } ?? true
        return AgentCard(name: card.name, strategy: "a2a", needsProfile: needsProfile)
    }

    /// Starts a session as a new task; the key handed back carries the task's id and the session's key.
    public func startSession(_ message: SessionStart, timeout: Duration?) async throws -> SessionStarted {
        try await Self.timingOut { () throws(RemoteAgentError) in
            let task = try await send(try Self.part(message, A2ABinding.MediaType.sessionStart, url: baseURL), task: nil, timeout: timeout)
            let started = try Self.reply(SessionStarted.self, in: task, url: baseURL)
            guard started.sessionID == message.sessionID, let key = started.sessionKey else {
                throw .mismatchedReply(url: baseURL, "session \(started.sessionID) without a key, not \(message.sessionID)")
            }
            return SessionStarted(sessionID: message.sessionID, sessionKey: TaskReference.key(task: task, sessionKey: key))
        }
    }

    /// Asks for a turn's action in the session's task.
    public func requestTurn(_ request: TurnRequest, key: String?, timeout: Duration?) async throws -> TurnReply {
        try await Self.timingOut { () throws(RemoteAgentError) in
            let task = try await send(try Self.part(request, A2ABinding.MediaType.turnRequest, url: baseURL), task: try TaskReference(key, url: baseURL), timeout: timeout)
            let reply = try Self.reply(TurnReply.self, in: task, url: baseURL)
            guard reply.sessionID == request.sessionID, reply.turn == request.turn else {
                throw .mismatchedReply(url: baseURL, "session \(reply.sessionID) turn \(reply.turn), not turn \(request.turn)")
            }
            return reply
        }
    }

    /// Reports the outcome in the session's task, which the agent then ends.
    public func reportOutcome(_ notice: OutcomeNotice, key: String?, timeout: Duration?) async throws {
        try await Self.timingOut { () throws(RemoteAgentError) in
            _ = try await send(try Self.part(notice, A2ABinding.MediaType.outcome, url: baseURL), task: try TaskReference(key, url: baseURL), timeout: timeout)
        }
    }

    /// Runs a call, turning a transport time-out into ``ParleyAgents/AgentTimedOut`` and an encoding failure into a reply error.
    private static func timingOut<T>(_ call: () async throws(RemoteAgentError) -> T) async throws -> T {
        do {
            return try await call()
        } catch {
            if error.code == .transport, let limit = error.transportFailure?.timeLimit {
                throw AgentTimedOut("A2A agent at \(error.url) did not answer within \(limit)")
            }
            throw error
        }
    }
}

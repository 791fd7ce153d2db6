import Foundation
import ParleyAgents
import ParleyProtocol

/// Parley's A2A binding on the server side (`Protocols/Spec/a2a-binding.md`): JSON-RPC requests of A2A 1.0 answered by
/// the same ``AgentService`` the agent API uses, so sessions, rules, keys, idempotency and errors are the same
/// whichever way an agent is reached.
struct A2AService<C: Clock>: Sendable where C.Duration == Duration {
    let service: AgentService<C>
    let tasks: A2ATaskBook

    init(service: AgentService<C>, capacity: Int) {
        self.service = service
        self.tasks = A2ATaskBook(capacity: 2 * capacity)
    }

    /// The agent card, with the JSON-RPC endpoint at `baseURL` and, when the server has a token, its bearer scheme.
    func card(baseURL: String, needsToken: Bool) -> A2AAgentCard {
        let agent = service.card
        let bearer: [String: JSONValue]? = needsToken ? ["bearer": .object(["httpAuthSecurityScheme": .object(["scheme": "Bearer"])])] : nil
        let modes = [A2ABinding.MediaType.sessionStart, A2ABinding.MediaType.turnRequest, A2ABinding.MediaType.outcome]
        return A2AAgentCard(
            name: agent.name,
            description: "A Parley negotiation agent (\(agent.strategy)): it plays the \(agent.roles.map(\.rawValue).joined(separator: " or ")) in a bilateral alternating-offers negotiation over several issues.",
            supportedInterfaces: [.init(url: baseURL + A2ABinding.path, protocolBinding: "JSONRPC", protocolVersion: A2ABinding.protocolVersion)],
            version: ProtocolVersion.current.rawValue, documentationUrl: nil,
            capabilities: .init(streaming: false, pushNotifications: false, extensions: [
                .init(
                    uri: A2ABinding.extensionURI,
                    description: "Parley negotiation: each session is one task; the agent API's messages (session start, turn request, outcome) travel as one data part each, with their Parley JSON and media type.",
                    required: true, params: ["protocol": .string(ProtocolVersion.current.rawValue), "needsProfile": .bool(agent.needsProfile)]
                ),
            ]),
            securitySchemes: bearer, securityRequirements: needsToken ? [.object(["schemes": .object(["bearer": .object(["list": .array([])])])])] : nil,
            defaultInputModes: modes, defaultOutputModes: [A2ABinding.MediaType.sessionStarted, A2ABinding.MediaType.turnReply, A2ABinding.MediaType.outcome],
            skills: [
                .init(
                    id: "negotiate", name: "Negotiate a deal",
                    description: "Negotiates terms (price, quantity, delivery, payment …) by alternating offers under Parley's rules, as buyer or seller.",
                    tags: ["negotiation", "procurement", "parley"], examples: nil, inputModes: modes,
                    outputModes: [A2ABinding.MediaType.turnReply, A2ABinding.MediaType.agreement]
                ),
            ]
        )
    }

    /// Answers one JSON-RPC request's bytes with the response's bytes; every failure is a JSON-RPC error with Parley's
    /// stable code in its details. Parameters and results are read and written as their own types.
    func handle(_ body: Data, extensionsHeader: String?) async -> Data {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: body) else {
            let isJSON = (try? JSONDecoder().decode(JSONValue.self, from: body)) != nil
            let error = isJSON
                ? A2AError(code: -32600, message: "the body is JSON but not a JSON-RPC 2.0 request (jsonrpc, id, method, params)", parleyCode: "invalid_field")
                : A2AError(code: -32700, message: "the body is not JSON", parleyCode: "malformed_json")
            return Self.encode(A2AResponse(id: .null, error: error))
        }
        let id = envelope.id ?? .null
        do {
            guard envelope.jsonrpc == "2.0" else { throw A2AError(code: -32600, message: "a JSON-RPC 2.0 request has \"jsonrpc\": \"2.0\"") }
            return try await dispatch(envelope.method, id: id, body: body, extensionsHeader: extensionsHeader)
        } catch let error as A2AError {
            return Self.encode(A2AResponse(id: id, error: error))
        } catch let error as APIError {
            return Self.encode(A2AResponse(id: id, error: Self.error(error)))
        } catch {
            return Self.encode(A2AResponse(id: id, error: A2AError(code: -32603, message: "internal error", parleyCode: "agent_failed")))
        }
    }

    private func dispatch(_ method: String, id: JSONValue, body: Data, extensionsHeader: String?) async throws -> Data {
        switch method {
        case "SendMessage":
            let params = try Self.params(A2ASendMessageParams.self, body)
            let task = try await send(params.message, extensionsHeader: extensionsHeader)
            return Self.encode(A2AReply(id: id, result: A2ASendMessageResult(task: task)))
        case "GetTask":
            let params = try Self.params(TaskParams.self, body)
            guard let entry = await tasks.entry(params.id) else { throw Self.taskNotFound(params.id) }
            return Self.encode(A2AReply(id: id, result: entry.task))
        case "CancelTask":
            return Self.encode(A2AReply(id: id, result: try await cancel(try Self.params(TaskParams.self, body))))
        case "SendStreamingMessage", "SubscribeToTask", "ListTasks":
            throw A2AError(code: -32004, message: "\(method) is not supported: this agent answers each message at once and does not stream")
        case "CreateTaskPushNotificationConfig", "GetTaskPushNotificationConfig", "ListTaskPushNotificationConfigs", "DeleteTaskPushNotificationConfig":
            throw A2AError(code: -32003, message: "push notifications are not supported")
        case "GetExtendedAgentCard":
            throw A2AError(code: -32007, message: "this agent has no extended card")
        default:
            throw A2AError(code: -32601, message: "there is no method '\(method.prefix(80))'")
        }
    }

    /// The fields of a request every method has; its parameters are read by the method's own type.
    private struct Envelope: Decodable {
        var jsonrpc: String
        var id: JSONValue?
        var method: String
    }

    /// A client's message: a session's start (a new task), a turn's request or its outcome (an open task).
    private func send(_ message: A2AMessage, extensionsHeader: String?) async throws -> A2ATask {
        let named = (message.extensions ?? []) + (extensionsHeader ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard named.contains(A2ABinding.extensionURI) else {
            throw A2AError(code: -32008, message: "this agent requires the Parley negotiation extension: name \(A2ABinding.extensionURI) in the message's extensions or the A2A-Extensions header")
        }
        guard message.role == A2AMessage.user else { throw APIError(.invalidField, "a client's message has the role \(A2AMessage.user)", path: "$.message.role") }
        let inbound: A2ABinding.Inbound
        do {
            inbound = try A2ABinding.inbound(message)
        } catch {
            throw APIError(error)
        }
        if case .start(let start) = inbound {
            guard message.taskId == nil else { throw APIError(.invalidField, "a session's start begins a new task: send it without a taskId", path: "$.message.taskId") }
            let (key, _) = try await service.start(start)
            if let known = await tasks.task(forSession: start.sessionID, key: key) { return known }
            let started = try A2ABinding.part(SessionStarted(sessionID: start.sessionID, sessionKey: key), mediaType: A2ABinding.MediaType.sessionStarted)
            let task = A2ATask(
                id: "task-" + UUID().uuidString.lowercased(), contextId: message.contextId ?? "context-" + UUID().uuidString.lowercased(),
                status: Self.status(A2ATaskState.inputRequired, started, key: key), metadata: [A2ABinding.sessionKeyField: .string(key)]
            )
            await tasks.insert(task, session: start.sessionID, key: key)
            return task
        }
        guard let taskID = message.taskId, let entry = await tasks.entry(taskID), Self.key(of: message.metadata) == entry.key else {
            throw Self.taskNotFound(message.taskId ?? "", hint: "send the task's id and the session key its start returned (message metadata \(A2ABinding.sessionKeyField))")
        }
        if let context = message.contextId, context != entry.task.contextId {
            throw APIError(.sessionMismatch, "task \(taskID) belongs to context \(entry.task.contextId), not \(context.prefix(80))", path: "$.message.contextId")
        }
        guard !A2ATaskState.isTerminal(entry.task.status.state) else {
            throw APIError(.sessionEnded, "task \(taskID) has ended (\(entry.task.status.state)); it takes no more messages")
        }
        var task = entry.task
        switch inbound {
        case .start:
            preconditionFailure("handled above")
        case .turn(let request):
            let session = try await service.session(entry.session, key: entry.key)
            let reply = try await service.turn(request, on: session, id: entry.session, turn: request.turn)
            task.status = Self.status(A2ATaskState.inputRequired, try A2ABinding.part(reply, mediaType: A2ABinding.MediaType.turnReply), key: entry.key)
        case .outcome(let notice):
            let session = try await service.session(entry.session, key: entry.key)
            try await service.end(notice, on: session, id: entry.session)
            task.status = Self.status(A2ABinding.state(of: notice.outcome), try A2ABinding.part(notice, mediaType: A2ABinding.MediaType.outcome), key: entry.key)
            if case .agreement(let agreement) = notice.outcome {
                task.artifacts = [A2AArtifact(artifactId: "agreement", name: "agreement", parts: [try A2ABinding.part(agreement, mediaType: A2ABinding.MediaType.agreement, wrapped: false)])]
            }
        }
        await tasks.update(task)
        return task
    }

    /// `CancelTask`: drops the task's session; the session key must come in the request's metadata.
    private func cancel(_ params: TaskParams) async throws -> A2ATask {
        guard let entry = await tasks.entry(params.id), Self.key(of: params.metadata) == entry.key else {
            throw Self.taskNotFound(params.id, hint: "send the session key in the request's metadata (\(A2ABinding.sessionKeyField))")
        }
        guard !A2ATaskState.isTerminal(entry.task.status.state) else {
            throw A2AError(code: -32002, message: "task \(params.id) has already ended (\(entry.task.status.state))", parleyCode: "session_ended")
        }
        try await service.remove(entry.session, key: entry.key)
        var task = entry.task
        task.status = A2ATaskStatus(state: A2ATaskState.canceled, timestamp: Self.now())
        await tasks.update(task)
        return task
    }

    private struct TaskParams: Codable, Sendable {
        var id: String
        var metadata: [String: JSONValue]?
    }

    /// A method's parameters, read from the request as their own type.
    private static func params<P: Codable & Sendable>(_ type: P.Type, _ body: Data) throws -> P {
        do {
            return try JSONDecoder().decode(A2ACall<P>.self, from: body).params
        } catch {
            throw A2AError(code: -32602, message: "the params are not a \(P.self == A2ASendMessageParams.self ? "SendMessageRequest" : "task request"): \(Self.describe(error))", parleyCode: "invalid_field")
        }
    }

    private static func encode(_ value: some Encodable) -> Data {
        (try? JSONEncoder().encode(value)) ?? Data(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"internal error"}}"#.utf8)
    }

    private static func status(_ state: String, _ part: A2APart, key: String) -> A2ATaskStatus {
        A2ATaskStatus(
            state: state,
            message: A2AMessage(messageId: UUID().uuidString.lowercased(), role: A2AMessage.agent, parts: [part], extensions: [A2ABinding.extensionURI]),
            timestamp: now()
        )
    }

    private static func key(of metadata: [String: JSONValue]?) -> String? {
        if case .string(let key)? = metadata?[A2ABinding.sessionKeyField] { key } else { nil }
    }

    private static func taskNotFound(_ id: String, hint: String? = nil) -> A2AError {
        A2AError(code: -32001, message: "no task '\(id.prefix(80))' here" + (hint.map { ": \($0)" } ?? ""), parleyCode: "unknown_session")
    }

    /// The JSON-RPC error of an agent API error: its Parley code and path in `data`.
    static func error(_ error: APIError) -> A2AError {
        let code = switch error.code.status {
        case 404: -32001
        case 400: -32700
        case 500, 503: -32603
        default: -32602
        }
        return A2AError(code: code, message: error.message, parleyCode: error.code.rawValue, path: error.path)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "unreadable"
        }
    }

    private static func now() -> String { Date().formatted(.iso8601) }
}


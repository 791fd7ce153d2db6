public import Foundation
import Hummingbird
import Logging
import NIOCore
import ParleyServer
import Synchronization

/// A local server that speaks the OpenAI chat-completions wire format exactly, answering from a script: the
/// endpoint LLM agents are tested against, on a free loopback port.
///
/// It checks requests as OpenAI does (the body's shape, the bearer key, `response_format`) and answers with
/// OpenAI's shapes: `chat.completion` objects with `choices` and `usage`, and `{"error": {…}}` bodies.
public final class ScriptedChatServer: Sendable {
    /// One scripted answer.
    public enum Reply: Sendable {
        /// 200 with one choice whose message has this content.
        case content(String, finishReason: String = "stop", promptTokens: Int = 120, completionTokens: Int = 30)
        /// 200 with one choice whose message calls the tool `name` with these arguments (JSON text).
        case toolCall(name: String, arguments: String, promptTokens: Int = 120, completionTokens: Int = 30)
        /// 200 with an empty `choices` array.
        case noChoices
        /// An OpenAI error body with a status, and optionally `Retry-After`.
        case error(status: Int, type: String, message: String, retryAfter: String? = nil)
        /// Any body at all, such as an HTML page from a proxy.
        case raw(status: Int, body: String, contentType: String)
        /// No answer until the server stops.
        case hang
    }

    /// What a request carried, decoded here independently of the agent's own types.
    public struct Received: Sendable {
        /// The raw body.
        public let body: Data
        /// The `Authorization` header, if any.
        public let authorization: String?
        /// The body as a JSON object.
        public var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
        /// `model`.
        public var model: String? { json["model"] as? String }
        /// The messages' `role` and `content`.
        public var messages: [(role: String, content: String)] {
            ((json["messages"] as? [[String: Any]]) ?? []).map { ($0["role"] as? String ?? "", $0["content"] as? String ?? "") }
        }
        /// `response_format.type`, if present.
        public var responseFormatType: String? { (json["response_format"] as? [String: Any])?["type"] as? String }
        /// The name of the function `tool_choice` requires, if any.
        public var toolChoice: String? { ((json["tool_choice"] as? [String: Any])?["function"] as? [String: Any])?["name"] as? String }
        /// The offered tools' functions: name and parameters.
        public var tools: [(name: String, parameters: [String: Any])] {
            ((json["tools"] as? [[String: Any]]) ?? []).compactMap { tool in
                guard let function = tool["function"] as? [String: Any], let name = function["name"] as? String else { return nil }
                return (name, function["parameters"] as? [String: Any] ?? [:])
            }
        }
        /// `response_format.json_schema.schema`, if present.
        public var schema: [String: Any]? {
            (((json["response_format"] as? [String: Any])?["json_schema"] as? [String: Any])?["schema"]) as? [String: Any]
        }
    }

    private struct State {
        var script: [Reply]
        var received: [Received] = []
        var answering = 0
        var mostAtOnce = 0
        var hanging: [CheckedContinuation<Void, Never>] = []
        var stopped = false
    }

    private let state: Mutex<State>
    private let responder: (@Sendable (Received, Int) -> Reply)?
    private let apiKey: String?
    private let responseFormats: Set<String>
    private let toolCalls: Bool
    /// How long each answer takes, as a model's would.
    public let delay: Duration
    private let server: Mutex<RunningServer?> = Mutex(nil)

    /// A server that answers the n-th request (from 0) with `responder(request, n)`.
    ///
    /// - Parameters:
    ///   - apiKey: when set, a request without `Authorization: Bearer apiKey` gets 401 `invalid_api_key`.
    ///   - responseFormats: the `response_format` types accepted; any other gets 400, as on servers without
    ///     structured outputs.
    ///   - toolCalls: whether `tools` and `tool_choice` are accepted; without, a request with them gets 400, as on
    ///     servers without function calling.
    ///   - delay: how long each answer takes, as a model's would.
    public init(
        apiKey: String? = nil, responseFormats: Set<String> = ["json_schema", "json_object"], toolCalls: Bool = false, delay: Duration = .zero,
        responder: @escaping @Sendable (Received, Int) -> Reply
    ) {
        self.delay = delay
        self.state = Mutex(State(script: []))
        self.responder = responder
        self.apiKey = apiKey
        self.responseFormats = responseFormats
        self.toolCalls = toolCalls
    }

    /// A server that gives these replies in order, then 500s saying the script ran out.
    public init(apiKey: String? = nil, responseFormats: Set<String> = ["json_schema", "json_object"], toolCalls: Bool = false, replies: [Reply]) {
        self.delay = .zero
        self.state = Mutex(State(script: replies))
        self.responder = nil
        self.apiKey = apiKey
        self.responseFormats = responseFormats
        self.toolCalls = toolCalls
    }

    /// Every request received, in order.
    public var received: [Received] { state.withLock { $0.received } }
    /// The most requests it was answering at the same moment.
    public var mostAtOnce: Int { state.withLock { $0.mostAtOnce } }

    /// Starts on a free loopback port; returns the base URL, `http://127.0.0.1:PORT`.
    public func start() async throws -> String {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ in try await self.answer(request) }
        let running = try await RunningServer.start(router: router, logger: Logger(label: "chat") { _ in SwiftLogNoOpLogHandler() })
        server.withLock { $0 = running }
        return running.url
    }

    /// Releases hanging requests and stops the server.
    public func stop() async {
        let hanging = state.withLock { state in
            state.stopped = true
            defer { state.hanging = [] }
            return state.hanging
        }
        for continuation in hanging { continuation.resume() }
        if let running = server.withLock({ $0 }) { await running.stop() }
    }

    private func answer(_ request: Request) async throws -> Response {
        let body = Data((try await request.body.collect(upTo: 4 << 20)).readableBytesView)
        let received = Received(body: body, authorization: request.headers[.authorization])
        if let apiKey, received.authorization != "Bearer \(apiKey)" {
            return Self.error(401, type: "invalid_request_error", code: "invalid_api_key", message: "Incorrect API key provided: \(received.authorization ?? "none")")
        }
        if let problem = Self.problem(in: received.json) {
            return Self.error(400, type: "invalid_request_error", code: nil, message: problem)
        }
        if let format = received.responseFormatType, !responseFormats.contains(format) {
            return Self.error(400, type: "invalid_request_error", code: nil, message: "response_format \(format) is not supported by this server")
        }
        if received.json["tools"] != nil || received.json["tool_choice"] != nil {
            guard toolCalls else { return Self.error(400, type: "invalid_request_error", code: nil, message: "tools are not supported by this server") }
            if let choice = received.toolChoice, !received.tools.contains(where: { $0.name == choice }) {
                return Self.error(400, type: "invalid_request_error", code: nil, message: "tool_choice names '\(choice)', which is not among the tools")
            }
        }
        let (index, scripted) = state.withLock { state -> (Int, Reply?) in
            state.received.append(received)
            state.answering += 1
            state.mostAtOnce = max(state.mostAtOnce, state.answering)
            return (state.received.count - 1, state.script.isEmpty ? nil : state.script.removeFirst())
        }
        defer { state.withLock { $0.answering -= 1 } }
        if delay > .zero { try await Task.sleep(for: delay) }
        let reply = responder?(received, index) ?? scripted ?? .error(status: 500, type: "server_error", message: "the script ran out")
        switch reply {
        case .content(let content, let finishReason, let promptTokens, let completionTokens):
            let completion: [String: Any] = [
                "id": "chatcmpl-\(index)", "object": "chat.completion", "created": 1_763_700_000 + index, "model": received.model ?? "",
                "system_fingerprint": NSNull(),
                "choices": [["index": 0, "message": ["role": "assistant", "content": content, "refusal": NSNull()], "logprobs": NSNull(), "finish_reason": finishReason]],
                "usage": ["prompt_tokens": promptTokens, "completion_tokens": completionTokens, "total_tokens": promptTokens + completionTokens],
            ]
            return Self.json(200, completion)
        case .toolCall(let name, let arguments, let promptTokens, let completionTokens):
            let call: [String: Any] = ["id": "call_\(index)", "type": "function", "function": ["name": name, "arguments": arguments]]
            let completion: [String: Any] = [
                "id": "chatcmpl-\(index)", "object": "chat.completion", "created": 1_763_700_000 + index, "model": received.model ?? "",
                "system_fingerprint": NSNull(),
                "choices": [["index": 0, "message": ["role": "assistant", "content": NSNull(), "tool_calls": [call], "refusal": NSNull()], "logprobs": NSNull(), "finish_reason": "tool_calls"]],
                "usage": ["prompt_tokens": promptTokens, "completion_tokens": completionTokens, "total_tokens": promptTokens + completionTokens],
            ]
            return Self.json(200, completion)
        case .noChoices:
            return Self.json(200, [
                "id": "chatcmpl-\(index)", "object": "chat.completion", "created": 1_763_700_000, "model": received.model ?? "", "choices": [],
                "usage": ["prompt_tokens": 120, "completion_tokens": 0, "total_tokens": 120],
            ])
        case .error(let status, let type, let message, let retryAfter):
            var response = Self.error(status, type: type, code: nil, message: message)
            if let retryAfter { response.headers[.retryAfter] = retryAfter }
            return response
        case .raw(let status, let text, let contentType):
            return Response(status: .init(code: status), headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
        case .hang:
            await withCheckedContinuation { continuation in
                let stopped = state.withLock { state in
                    if !state.stopped { state.hanging.append(continuation) }
                    return state.stopped
                }
                if stopped { continuation.resume() }
            }
            return Self.error(503, type: "server_error", code: nil, message: "the server stopped")
        }
    }

    /// What OpenAI would refuse in a body: not an object, no model, no messages, a message without role or content.
    private static func problem(in json: [String: Any]) -> String? {
        guard let model = json["model"] as? String, !model.isEmpty else { return "you must provide a model parameter" }
        guard let messages = json["messages"] as? [[String: Any]], !messages.isEmpty else { return "'messages' must be a non-empty array" }
        for (index, message) in messages.enumerated() {
            guard let role = message["role"] as? String, ["system", "user", "assistant", "developer"].contains(role) else {
                return "messages[\(index)].role is not one of system, user, assistant, developer"
            }
            guard message["content"] is String else { return "messages[\(index)].content must be a string" }
        }
        if let stream = json["stream"] as? Bool, stream { return "this server does not stream" }
        return nil
    }

    private static func error(_ status: Int, type: String, code: String?, message: String) -> Response {
        json(status, ["error": ["message": message, "type": type, "param": NSNull(), "code": code.map { $0 as Any } ?? NSNull()]])
    }

    private static func json(_ status: Int, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

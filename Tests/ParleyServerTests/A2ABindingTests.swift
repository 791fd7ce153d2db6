import Foundation
import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyHTTPClient
import ParleyProtocol
import ParleyRecords
import ParleyRemote
import ParleyServer
import Testing

/// The A2A binding's guarantees, checked with raw JSON-RPC over the real libcurl client: the agent API's keys,
/// idempotency, limits and errors hold on `/a2a` too, with Parley's stable codes in each JSON-RPC error.
@Suite("Parley over A2A: the agent API's guarantees on the JSON-RPC binding")
struct A2ABindingTests {
    static var a2a: AgentServer<ContinuousClock>.Configuration {
        var configuration = AgentServer<ContinuousClock>.Configuration(port: 0, token: "secret", maximumBodyBytes: 64 << 10)
        configuration.a2a = true
        return configuration
    }

    /// Sends a JSON-RPC request; returns the HTTP status and the decoded response.
    static func call(
        _ server: RunningServer, _ method: String, _ params: JSONValue?, token: String? = "secret", headers: [HTTPHeaderField] = [], body: String? = nil
    ) async throws -> (status: Int, response: A2AResponse?) {
        let request = A2ARequest(id: .string("1"), method: method, params: params)
        let bytes = try body.map { Data($0.utf8) } ?? JSONEncoder().encode(request)
        let answer = try await ServerSupport.client.send(HTTPRequest(
            method: .post, url: server.url + A2ABinding.path, headers: HTTPHeaderField.bearer(token) + headers, body: bytes
        ))
        return (answer.status, try? JSONDecoder().decode(A2AResponse.self, from: answer.body))
    }

    /// A `SendMessage` carrying one Parley message.
    static func send(_ server: RunningServer, _ part: A2APart, task: A2ATask? = nil, key: String? = nil, context: String? = nil, extensions: [String]? = [A2ABinding.extensionURI]) async throws -> A2AResponse {
        let message = A2AMessage(
            messageId: UUID().uuidString, contextId: context ?? task?.contextId, taskId: task?.id, role: A2AMessage.user, parts: [part],
            metadata: key.map { [A2ABinding.sessionKeyField: .string($0)] }, extensions: extensions
        )
        let params = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(["message": message]))
        return try #require(try await call(server, "SendMessage", params).response)
    }

    static func task(_ response: A2AResponse) throws -> A2ATask {
        guard case .object(let result)? = response.result, let task = result["task"] else { throw A2AError(code: 0, message: "no task: \(response)") }
        return try JSONDecoder().decode(A2ATask.self, from: JSONEncoder().encode(task))
    }

    static func reply<T: Codable & Sendable & Hashable>(_ type: T.Type, _ task: A2ATask) throws -> T {
        try A2ABinding.decode(T.self, from: try #require(task.status.message?.parts.first))
    }

    @Test("A turn asked twice is answered the same; another client's key, context or a foreign task finds nothing")
    func keysAndIdempotency() async throws {
        try await ServerSupport.withServer(configuration: Self.a2a) { server in
            let start = ServerSupport.start("a2a-keys", role: .seller)
            let started = try Self.task(try await Self.send(server, try A2ABinding.part(start, mediaType: A2ABinding.MediaType.sessionStart)))
            #expect(started.status.state == A2ATaskState.inputRequired)
            let key = try #require(try Self.reply(SessionStarted.self, started).sessionKey)
            let again = try Self.task(try await Self.send(server, try A2ABinding.part(start, mediaType: A2ABinding.MediaType.sessionStart)))
            #expect(again.id == started.id, "a repeated start is the same task")

            let offer = Action.offer(Terms(["price": .integer(10_000), "quantity": .integer(10), "delivery_days": .integer(1)]))
            let turn = TurnRequest(sessionID: start.sessionID, turn: 2, opponentAction: offer, elapsed: 0.1, round: 1)
            let part = try A2ABinding.part(turn, mediaType: A2ABinding.MediaType.turnRequest)
            let first = try Self.reply(TurnReply.self, try Self.task(try await Self.send(server, part, task: started, key: key)))
            let second = try Self.reply(TurnReply.self, try Self.task(try await Self.send(server, part, task: started, key: key)))
            #expect(first == second && first.turn == 2, "a repeated turn gets the same reply")

            let wrongKey = try await Self.send(server, part, task: started, key: "guess")
            #expect(wrongKey.error?.code == -32001 && wrongKey.error?.parleyCode == "unknown_session")
            let noKey = try await Self.send(server, part, task: started)
            #expect(noKey.error?.code == -32001)
            let otherContext = try await Self.send(server, part, task: started, key: key, context: "someone-else")
            #expect(otherContext.error?.parleyCode == "session_mismatch", "\(otherContext)")
            let conflict = TurnRequest(sessionID: start.sessionID, turn: 2, opponentAction: .walkAway(), elapsed: 0.1, round: 1)
            let conflicting = try await Self.send(server, try A2ABinding.part(conflict, mediaType: A2ABinding.MediaType.turnRequest), task: started, key: key)
            #expect(conflicting.error?.code == -32602 && conflicting.error?.parleyCode == "turn_conflict", "\(conflicting)")

            let fetched = try await Self.call(server, "GetTask", .object(["id": .string(started.id)]))
            #expect(fetched.response?.result != nil)
            let cancelled = try await Self.call(server, "CancelTask", .object(["id": .string(started.id), "metadata": .object([A2ABinding.sessionKeyField: .string(key)])]))
            guard case .object(let canceled)? = cancelled.response?.result else { Issue.record("no task: \(cancelled)"); return }
            #expect(canceled["status"].flatMap { if case .object(let status) = $0 { status["state"] } else { nil } } == .string(A2ATaskState.canceled))
            let afterCancel = try await Self.send(server, part, task: started, key: key)
            #expect(afterCancel.error?.parleyCode == "session_ended", "\(afterCancel)")
        }
    }

    @Test("Bad requests get JSON-RPC errors with Parley's code and path; the token and the body limit hold; the card is public")
    func errorsAndLimits() async throws {
        try await ServerSupport.withServer(configuration: Self.a2a) { server in
            var start = ServerSupport.start("a2a-bad")
            start.scenario.issues = []
            let invalid = try await Self.send(server, try A2ABinding.part(start, mediaType: A2ABinding.MediaType.sessionStart))
            #expect(invalid.error?.code == -32602 && invalid.error?.parleyCode == "invalid_scenario", "\(invalid)")

            let plain = try await Self.send(server, try A2ABinding.part(ServerSupport.start("a2a-plain"), mediaType: A2ABinding.MediaType.sessionStart), extensions: nil)
            #expect(plain.error?.code == -32008, "the extension is required")
            let unknownType = try await Self.send(server, A2APart(data: .object(["protocol": "parley/1"]), mediaType: "text/plain"))
            #expect(unknownType.error?.parleyCode == "invalid_field")

            #expect(try await Self.call(server, "Nonesuch", nil).response?.error?.code == -32601)
            #expect(try await Self.call(server, "SendStreamingMessage", nil).response?.error?.code == -32004)
            #expect(try await Self.call(server, "GetTask", .object(["id": "task-none"])).response?.error?.code == -32001)
            #expect(try await Self.call(server, "GetTask", .object(["nope": 1])).response?.error?.code == -32602)
            #expect(try await Self.call(server, "GetTask", nil, body: "{not json").response?.error?.code == -32700)
            #expect(try await Self.call(server, "GetTask", nil, body: #"{"id": 1}"#).response?.error?.code == -32600)
            let old = try await Self.call(server, "GetTask", .object(["id": "x"]), headers: [HTTPHeaderField(name: "A2A-Version", value: "0.3")])
            #expect(old.response?.error?.code == -32009)

            #expect(try await Self.call(server, "GetTask", .object(["id": "x"]), token: nil).status == 401)
            let large = try await Self.call(server, "GetTask", nil, body: String(repeating: " ", count: 65 << 10) + "{}")
            #expect(large.status == 413 && large.response?.error?.parleyCode == "body_too_large", "\(large)")
            let card = try await ServerSupport.client.send(HTTPRequest(method: .get, url: server.url + A2ABinding.cardPath))
            #expect(card.status == 200, "the card is public")
            let decoded = try JSONDecoder().decode(A2AAgentCard.self, from: card.body)
            #expect(decoded.supportedInterfaces.first?.url == server.url + A2ABinding.path && decoded.securitySchemes?["bearer"] != nil)
        }
    }

    @Test("Without --a2a the server has no A2A routes")
    func offByDefault() async throws {
        try await ServerSupport.withServer { server in
            let card = try await ServerSupport.client.send(HTTPRequest(method: .get, url: server.url + A2ABinding.cardPath))
            #expect(card.status == 404)
        }
    }
}

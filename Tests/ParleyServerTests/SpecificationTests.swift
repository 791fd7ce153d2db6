import Foundation
import ParleyConformance
import ParleyHTTPClient
import ParleyProtocol
import ParleyServer
import ParleyTesting
import Testing

/// `Protocols/Spec` (the OpenAPI document, the JSON Schemas and the vectors) against the Swift types and a live server.
///
/// The schema checks run `Protocols/Spec/validate.py`, which uses Python's jsonschema and openapi-spec-validator
/// (`scripts/setup` installs them).
@Suite("The written specification agrees with the Swift types and the server")
struct SpecificationTests {
    static let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Protocols/Spec")

    static func document(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: spec.appendingPathComponent(path))) as? [String: Any])
    }

    /// Every operation's responses: (path, status, codes).
    static func responses() throws -> [(path: String, status: String, codes: [String]?)] {
        let paths = try #require(try document("openapi.json")["paths"] as? [String: [String: Any]])
        return paths.flatMap { path, item in
            item.values.compactMap { operation in (operation as? [String: Any])?["responses"] as? [String: [String: Any]] }
                .flatMap { responses in responses.map { (path, $0.key, $0.value["x-error-codes"] as? [String]) } }
        }
    }

    @Test("openapi.json lists exactly the API's paths")
    func paths() throws {
        let paths = try #require(try Self.document("openapi.json")["paths"] as? [String: Any])
        let id = SessionID(rawValue: "{id}")
        let turn = AgentAPI.turn(id, 1).dropLast() + "{turn}"
        #expect(Set(paths.keys) == [AgentAPI.health, AgentAPI.card, AgentAPI.sessions, AgentAPI.session(id), String(turn), AgentAPI.outcome(id)])
    }

    @Test("Each response's error codes have that status in Swift, and the schemas list exactly Swift's codes")
    func errorCodes() throws {
        for response in try Self.responses() {
            for code in response.codes ?? [] {
                #expect(String(APIError.Code(rawValue: code).status) == response.status, "\(response.path) \(response.status) \(code)")
            }
        }
        let definitions = try #require(try Self.document("Schemas/common.schema.json")["$defs"] as? [String: [String: Any]])
        #expect(definitions["ErrorCode"]?["enum"] as? [String] == APIError.Code.all.map(\.rawValue))
        #expect(definitions["ViolationCode"]?["enum"] as? [String] == ViolationCode.all.map(\.rawValue))
        let listed = Set(try Self.responses().flatMap { $0.codes ?? [] })
        #expect(listed == Set(APIError.Code.all.map(\.rawValue)).subtracting(["not_found", "method_not_allowed"]))
    }

    @Test("Swift's messages of every kind, and every exchange of a conformance run, fit the schemas and the OpenAPI document")
    func schemas() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let messages = directory.appendingPathComponent("messages.json")
        let exchanges = directory.appendingPathComponent("exchanges.json")
        try JSONSerialization.data(withJSONObject: try SampleMessages.all() + (try await SampleMessages.a2a())).write(to: messages)
        let report = try await ServerSupport.withServer { server in
            await ConformanceSuite(.init(url: server.url, runID: "spec"), client: ServerSupport.client, logger: ServerSupport.logger).run()
        }
        #expect(report.conforms)
        #expect(report.exchanges.count >= 30)
        try RecordedExchange.json(report.exchanges).write(to: exchanges)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.spec.appendingPathComponent("validate.py").path, "--messages", messages.path, "--exchanges", exchanges.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix(", 0 failed\n"), "\(text)")
    }
}

/// Messages of every kind and variant, encoded by the Swift types, as `validate.py --messages` reads them.
enum SampleMessages {
    static func all() throws -> [[String: Any]] {
        let id = SessionID(rawValue: "s-1-buyer")
        let reference = ReferenceScenarios.reference
        var timed = ConformanceScenarios.services
        timed.scenario.deadline = Deadline(rounds: 10, seconds: 60)
        timed.scenario.turnTimeLimit = 2.5
        let terms = Terms(["price": .integer(15000), "payment_terms": .option("net30")])
        let actions: [Action?] = [
            nil, .offer(terms), .offer(terms, note: "best we can do"), .accept, .accept(note: "deal"), .walkAway(), .walkAway(reason: "too far apart", note: "bye"),
        ]
        let outcomes: [Outcome] = [
            .agreement(Agreement(terms: terms, proposer: .seller, turns: 6)), .walkAway(by: .buyer, reason: "no"), .walkAway(by: .seller, reason: nil),
            .deadline, .turnTimeout(by: .seller), .failure(by: .buyer, error: "connection refused"),
        ] + ViolationCode.all.map { .violation(by: .buyer, code: $0) }
        var samples: [(String, any Codable & Sendable)] = [
            ("AgentCard", WireMessage(AgentCard(name: "boulware:e=0.2", strategy: "boulware"))),
            ("AgentCard", WireMessage(AgentCard(name: "own", strategy: "python", roles: [.seller], needsProfile: false))),
            ("Health", WireMessage(Health())),
            ("SessionStart", WireMessage(SessionStart(sessionID: id, scenario: reference.scenario, role: .buyer, profile: reference.profile(for: .buyer), seed: 42))),
            ("SessionStart", WireMessage(SessionStart(sessionID: id, scenario: timed.scenario, role: .seller, profile: timed.profile(for: .seller), seed: .max))),
            ("SessionStart", WireMessage(SessionStart(sessionID: id, scenario: timed.scenario, role: .buyer))),
            ("SessionStarted", WireMessage(SessionStarted(sessionID: id))),
        ]
        samples += actions.map { ("TurnRequest", WireMessage(TurnRequest(sessionID: id, turn: 3, opponentAction: $0, elapsed: 0.25))) }
        samples += actions.compactMap { $0 }.map { ("TurnReply", WireMessage(TurnReply(sessionID: id, turn: 4, action: $0))) }
        samples += outcomes.map { ("OutcomeNotice", WireMessage(OutcomeNotice(sessionID: id, outcome: $0))) }
        samples += APIError.Code.all.map { ("APIErrorBody", WireMessage(APIErrorBody(APIError($0, "what went wrong", path: "$.turn")))) }
        samples.append(("APIErrorBody", WireMessage(APIErrorBody(APIError(.malformedJSON, "not JSON")))))
        return try samples.map { name, message in
            ["message": name, "json": try JSONSerialization.jsonObject(with: try WireCodec().encode(message))]
        }
    }
}

extension SampleMessages {
    /// What a session over A2A sends and receives, from a real server: its card, a start, a turn and an agreement, each
    /// message and the task answered, as `validate.py --messages` reads them.
    static func a2a() async throws -> [[String: Any]] {
        var configuration = AgentServer<ContinuousClock>.Configuration(port: 0)
        configuration.a2a = true
        return try await ServerSupport.withServer(configuration: configuration) { server in
            func json(_ value: some Encodable) throws -> Any { try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value)) }
            let card = try await ServerSupport.client.send(HTTPRequest(method: .get, url: server.url + A2ABinding.cardPath))
            var samples: [[String: Any]] = [["message": "A2AAgentCard", "json": try JSONSerialization.jsonObject(with: card.body)]]
            let start = ServerSupport.start("spec-a2a", role: .seller)
            var task: A2ATask?
            var key: String?
            let offer = Action.offer(Terms(["price": .integer(15_000), "quantity": .integer(50), "delivery_days": .integer(5)]))
            let parts: [A2APart] = [
                try A2ABinding.part(start, mediaType: A2ABinding.MediaType.sessionStart),
                try A2ABinding.part(TurnRequest(sessionID: start.sessionID, turn: 2, opponentAction: offer, elapsed: 0.1, round: 1), mediaType: A2ABinding.MediaType.turnRequest),
                try A2ABinding.part(
                    OutcomeNotice(sessionID: start.sessionID, outcome: .agreement(Agreement(terms: Terms(["price": .integer(15_000), "quantity": .integer(50), "delivery_days": .integer(5)]), proposer: .buyer, turns: 3))),
                    mediaType: A2ABinding.MediaType.outcome
                ),
            ]
            for part in parts {
                let message = A2AMessage(
                    messageId: UUID().uuidString, contextId: task?.contextId, taskId: task?.id, role: A2AMessage.user, parts: [part],
                    metadata: key.map { [A2ABinding.sessionKeyField: .string($0)] }, extensions: [A2ABinding.extensionURI]
                )
                let body = try JSONEncoder().encode(A2ACall(id: .string("1"), method: "SendMessage", params: A2ASendMessageParams(message: message)))
                let answer = try await ServerSupport.client.send(HTTPRequest(method: .post, url: server.url + A2ABinding.path, body: body))
                let reply = try JSONDecoder().decode(A2AReply<A2ASendMessageResult>.self, from: answer.body)
                let answered = try #require(reply.result?.task, "\(String(decoding: answer.body, as: UTF8.self))")
                samples.append(["message": "A2AParleyMessage", "json": try json(message)])
                samples.append(["message": "A2AParleyTask", "json": try json(answered)])
                task = answered
                if key == nil { key = try A2ABinding.decode(SessionStarted.self, from: try #require(answered.status.message?.parts.first)).sessionKey }
            }
            #expect(task?.status.state == A2ATaskState.completed && task?.artifacts?.count == 1)
            return samples
        }
    }
}


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

/// Every error status, each sent while another session is halfway through on the same server; that session must
/// then finish normally.
@Suite("Agent server: bad requests get clear errors and harm no other session")
struct BadRequestTests {
    /// One bad request and the answer it must get.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var method: HTTPRequest.Method = .post
        var path: String
        var body: String?
        var status: Int
        var code: APIError.Code
        var testDescription: String { name }
    }

    static let bystanderTurn3 = AgentAPI.turn(SessionID(rawValue: "bystander"), 3)

    static let cases: [Case] = [
        Case(name: "400 malformed JSON", path: AgentAPI.sessions, body: #"{"protocol":"parley/1","sessionID":"#, status: 400, code: .malformedJSON),
        Case(name: "404 unknown session", path: AgentAPI.turn(SessionID(rawValue: "nobody"), 1), body: "{}", status: 404, code: .unknownSession),
        Case(name: "404 unknown path", method: .get, path: "/v1/agents", status: 404, code: .notFound),
        Case(name: "405 another method on a listed path", method: .delete, path: AgentAPI.card, status: 405, code: .methodNotAllowed),
        Case(name: "405 GET on a session's turn", method: .get, path: bystanderTurn3, status: 405, code: .methodNotAllowed),
        Case(
            name: "409 out of turn", path: AgentAPI.turn(SessionID(rawValue: "bystander"), 2),
            body: #"{"protocol":"parley/1","sessionID":"bystander","turn":2,"elapsed":0}"#, status: 409, code: .outOfTurn
        ),
        Case(
            name: "409 turn number that does not match", path: AgentAPI.turn(SessionID(rawValue: "bystander"), 5),
            body: #"{"protocol":"parley/1","sessionID":"bystander","turn":5,"elapsed":0,"opponentAction":{"type":"walkAway"}}"#,
            status: 409, code: .turnMismatch
        ),
        Case(
            name: "422 unknown action type", path: bystanderTurn3,
            body: #"{"protocol":"parley/1","sessionID":"bystander","turn":3,"elapsed":0,"opponentAction":{"type":"haggle"}}"#,
            status: 422, code: .unknownActionType
        ),
        Case(
            name: "422 missing field", path: bystanderTurn3, body: #"{"protocol":"parley/1","sessionID":"bystander","elapsed":0}"#,
            status: 422, code: .missingField
        ),
        Case(
            name: "422 unsupported version", path: bystanderTurn3,
            body: #"{"protocol":"parley/9","sessionID":"bystander","turn":3,"elapsed":0}"#, status: 422, code: .unsupportedVersion
        ),
        Case(
            name: "422 opponent offer outside the domain", path: bystanderTurn3,
            body: #"{"protocol":"parley/1","sessionID":"bystander","turn":3,"elapsed":0,"opponentAction":{"type":"offer","terms":{"price":1,"quantity":10,"delivery_days":1}}}"#,
            status: 422, code: .invalidOpponentAction
        ),
        Case(
            name: "422 missing opponent action", path: bystanderTurn3, body: #"{"protocol":"parley/1","sessionID":"bystander","turn":3,"elapsed":0}"#,
            status: 422, code: .invalidOpponentAction
        ),
        Case(
            name: "422 session in the body differs from the path", path: bystanderTurn3,
            body: #"{"protocol":"parley/1","sessionID":"other","turn":3,"elapsed":0}"#, status: 422, code: .sessionMismatch
        ),
        Case(
            name: "422 start without the profile the agent needs", path: AgentAPI.sessions,
            body: #"{"protocol":"parley/1","sessionID":"no-profile","role":"buyer","scenario":SCENARIO}"#, status: 422, code: .invalidProfile
        ),
        Case(
            name: "422 start with an invalid session id", path: AgentAPI.sessions,
            body: #"{"protocol":"parley/1","sessionID":"a/b","role":"buyer","scenario":SCENARIO,"profile":PROFILE}"#, status: 422, code: .invalidField
        ),
    ]

    @Test("Each bad request gets its status and code; the bystander session finishes", arguments: cases)
    func badRequest(_ bad: Case) async throws {
        try await ServerSupport.withServer { server in
            let bystander = try await Bystander.begin(on: server)
            let scenario = try ServerSupport.json(ServerSupport.file.scenario).replacingOccurrences(of: #""protocol":"parley/1","#, with: "")
            let profile = String(decoding: try WireCodec().encode(ServerSupport.file.profile(for: .buyer)!), as: UTF8.self)
            let body = bad.body?.replacingOccurrences(of: "SCENARIO", with: scenario).replacingOccurrences(of: "PROFILE", with: profile)
            // With the bystander's key, so each request reaches the check it is about (another session ignores it).
            let response = try await ServerSupport.raw(server, bad.path, method: bad.method, body: body, key: bystander.key)
            #expect(response.status == bad.status)
            #expect(response.header("content-type") == "application/json")
            let error = try ServerSupport.apiError(response)
            #expect(error.code == bad.code)
            #expect(error.code.status == bad.status)
            #expect(!error.message.isEmpty)
            try await bystander.finish()
        }
    }

    @Test("413 for a body over the limit, by Content-Length")
    func bodyTooLarge() async throws {
        try await ServerSupport.withServer(configuration: .init(port: 0, maximumBodyBytes: 4096)) { server in
            let bystander = try await Bystander.begin(on: server)
            let huge = #"{"protocol":"parley/1","pad":""# + String(repeating: "x", count: 10_000) + #""}"#
            let response = try await ServerSupport.raw(server, AgentAPI.sessions, body: huge)
            #expect(response.status == 413)
            #expect(try ServerSupport.apiError(response).code == .bodyTooLarge)
            try await bystander.finish()
        }
    }

    @Test("401 without the token or with a wrong one; /health needs none")
    func token() async throws {
        try await ServerSupport.withServer(configuration: .init(port: 0, token: "s3cret")) { server in
            let bystander = try await Bystander.begin(on: server, token: "s3cret")
            for token in [nil, "wrong", "s3cre", "s3cret!"] {
                let response = try await ServerSupport.raw(server, AgentAPI.card, method: .get, token: token)
                #expect(response.status == 401)
                #expect(response.header("www-authenticate") == "Bearer")
                #expect(try ServerSupport.apiError(response).code == .unauthorized)
            }
            let start = try await ServerSupport.raw(server, AgentAPI.sessions, body: try ServerSupport.json(ServerSupport.start("intruder")))
            #expect(start.status == 401)
            #expect(try await ServerSupport.raw(server, AgentAPI.health, method: .get).status == 200)
            #expect(try await ServerSupport.raw(server, AgentAPI.card, method: .get, token: "s3cret").status == 200)
            try await bystander.finish()
        }
    }

    @Test("503 at the session limit, while the live sessions go on")
    func atCapacity() async throws {
        try await ServerSupport.withServer(configuration: .init(port: 0, maximumSessions: 1)) { server in
            let bystander = try await Bystander.begin(on: server)
            let response = try await ServerSupport.raw(server, AgentAPI.sessions, body: try ServerSupport.json(ServerSupport.start("second")))
            #expect(response.status == 503)
            #expect(try ServerSupport.apiError(response).code == .atCapacity)
            try await bystander.finish()
        }
    }

    @Test("An error message never shows the profile's values")
    func noPrivateValuesInErrors() async throws {
        try await ServerSupport.withServer { server in
            var start = ServerSupport.start("leaky")
            start.profile?.reservation = 0.8765
            start.profile?.issues["price"]?.weight = 0.4321
            let response = try await ServerSupport.raw(server, AgentAPI.sessions, body: try ServerSupport.json(start))
            #expect(response.status == 422)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(try ServerSupport.apiError(response).code == .invalidProfile)
            #expect(!text.contains("0.8765") && !text.contains("0.4321") && !text.contains("87") && !text.contains("43"))
        }
    }

    /// Boulware, except in sessions seeded 666, where it throws on its first turn.
    struct Fragile: Strategy {
        struct Broke: Error {}
        var inner: (any Strategy)?

        mutating func respond(to view: TurnView) async throws -> Action {
            guard var strategy = inner else { throw Broke() }
            defer { inner = strategy }
            return try await strategy.respond(to: view)
        }
    }

    @Test("500 agent_failed when the strategy throws; its session ends, and another on the same server finishes")
    func agentFailed() async throws {
        var registry = StrategyRegistry.builtIns
        registry.register(.init(name: "fragile", summary: "boulware that throws in sessions seeded 666") { _, context in
            Fragile(inner: context.seed == 666 ? nil : try StrategyRegistry.builtIns.makeStrategy(AgentSpec(strategy: "boulware"), context: context))
        })
        let server = AgentServer(
            agent: try StrategySource(AgentSpec(strategy: "fragile"), registry: registry), configuration: .init(port: 0),
            clock: ContinuousClock(), logger: ServerSupport.logger
        )
        try await server.start().stopping { server in
            let bystander = try await Bystander.begin(on: server)
            let start = ServerSupport.start("fragile", seed: 666)
            let key = try await ServerSupport.endpoint(server).start(start).sessionKey
            let turn = try ServerSupport.json(TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0))
            let failed = try await ServerSupport.raw(server, AgentAPI.turn(start.sessionID, 1), body: turn, key: key)
            #expect(failed.status == 500)
            #expect(try ServerSupport.apiError(failed).code == .agentFailed)
            let repeated = try await ServerSupport.raw(server, AgentAPI.turn(start.sessionID, 1), body: turn, key: key)
            let again = try ServerSupport.apiError(repeated)
            #expect(again.code == .sessionEnded, "\(again)")
            try await bystander.finish()
        }
    }
}

extension BadRequestTests {
    @Test("A request the HTTP parser cannot read gets 400 with the API's error body, not an empty one", arguments: [
        "GARBAGE\r\n\r\n", "GET /health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
        "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
    ])
    func unreadableHTTPGetsATypedAnswer(_ request: String) async throws {
        try await ServerSupport.withServer { server in
            let connection = try RawConnection(port: server.port)
            connection.send(request)
            let answer = await connection.answer(within: 5_000)
            #expect(answer.hasPrefix("HTTP/1.1 400"))
            let body = try #require(answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) })
            let error = try WireCodec().decode(WireMessage<APIErrorBody>.self, from: Data(body.utf8)).body.error
            #expect(error.code == .malformedJSON && !error.message.isEmpty)
        }
    }
}

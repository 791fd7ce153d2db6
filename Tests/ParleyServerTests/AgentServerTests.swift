import Foundation
import ParleyAgents
import ParleyArbiter
import ParleyHTTPClient
import ParleyProtocol
import ParleyRecords
import ParleyRemote
import ParleyServer
import ParleyTesting
import Testing

@Suite("Agent server: the API over real HTTP")
struct AgentServerTests {
    @Test("The card and health answer")
    func cardAndHealth() async throws {
        try await ServerSupport.withServer("boulware:e=0.2") { server in
            let card = try await ServerSupport.endpoint(server).card()
            #expect(card == AgentCard(name: "boulware:e=0.2", strategy: "boulware", protocols: [.current], roles: [.buyer, .seller], needsProfile: true))
            try await ServerSupport.endpoint(server).health()
            let health = try await ServerSupport.raw(server, "/health", method: .get)
            #expect(String(decoding: health.body, as: UTF8.self) == #"{"protocol":"parley/1","status":"ok"}"#)
        }
    }

    @Test("A session starts with 201, and a repeated start answers 200 without a second session")
    func repeatedStart() async throws {
        try await ServerSupport.withServer { server in
            let body = try ServerSupport.json(ServerSupport.start("s-1"))
            let first = try await ServerSupport.raw(server, "/v1/sessions", body: body)
            let again = try await ServerSupport.raw(server, "/v1/sessions", body: body)
            #expect(first.status == 201)
            #expect(again.status == 200)
            #expect(first.body == again.body)
            let conflicting = try await ServerSupport.raw(server, "/v1/sessions", body: try ServerSupport.json(ServerSupport.start("s-1", role: .seller)))
            #expect(conflicting.status == 409)
            #expect(try ServerSupport.apiError(conflicting).code == .sessionExists)
        }
    }

    @Test("A repeated turn returns the same action and makes no second move")
    func idempotentTurns() async throws {
        let served = try await ServerSupport.withServer { server in
            let endpoint = try ServerSupport.endpoint(server)
            let start = ServerSupport.start("s-idem")
            let key = try await endpoint.start(start).sessionKey
            var actions: [Action] = []
            let first = try await endpoint.turn(TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0), key: key)
            let repeated = try await endpoint.turn(TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0), key: key)
            #expect(first == repeated)
            actions.append(first.action)
            // The seller counters with a fixed offer; turn 3 is asked twice, the second time concurrently with itself.
            let counter = Action.offer(first.action.offeredTerms!)
            let request = TurnRequest(sessionID: start.sessionID, turn: 3, opponentAction: counter, elapsed: 0)
            async let one = endpoint.turn(request, key: key)
            async let two = endpoint.turn(request, key: key)
            let (third, thirdAgain) = try await (one, two)
            #expect(third == thirdAgain)
            actions.append(third.action)
            let conflict = try await ServerSupport.raw(
                server, AgentAPI.turn(start.sessionID, 3),
                body: try ServerSupport.json(TurnRequest(sessionID: start.sessionID, turn: 3, opponentAction: .walkAway(), elapsed: 0)), key: key
            )
            #expect(conflict.status == 409)
            #expect(try ServerSupport.apiError(conflict).code == .turnConflict)
            return actions
        }
        // The same two turns in process: a repeated request moved nothing.
        let file = ServerSupport.file
        let context = try AgentContext(scenario: file.scenario, role: .buyer, profile: file.profile(for: .buyer)!, seed: 7, indexes: BiddingIndexCache())
        var local = try StrategyRegistry.builtIns.makeStrategy(AgentSpec(strategy: "boulware"), context: context)
        let opening = try await local.respond(to: TurnView(scenario: ServerSupport.file.scenario, role: .buyer, turn: 1, history: [], elapsed: .zero))
        let history = [
            TranscriptEntry(turn: 1, round: 1, by: .buyer, action: opening, elapsed: 0),
            TranscriptEntry(turn: 2, round: 1, by: .seller, action: .offer(opening.offeredTerms!), elapsed: 0),
        ]
        let next = try await local.respond(to: TurnView(scenario: ServerSupport.file.scenario, role: .buyer, turn: 3, history: history, elapsed: .zero))
        #expect(served == [opening, next])
    }

    @Test("Idle sessions expire on the injected clock; ended sessions make room at capacity")
    func expiryAndCapacity() async throws {
        let clock = ManualClock()
        let configuration = AgentServer<ManualClock>.Configuration(port: 0, maximumSessions: 2, idleTimeout: .seconds(60))
        try await ServerSupport.withServer(configuration: configuration, clock: clock) { server in
            let endpoint = try ServerSupport.endpoint(server)
            let keyA = try await endpoint.start(ServerSupport.start("a")).sessionKey
            let keyB = try await endpoint.start(ServerSupport.start("b")).sessionKey
            let full = await #expect(throws: RemoteAgentError.self) { try await endpoint.start(ServerSupport.start("c")) }
            guard let full, full.code == .rejected, full.status == 503, let error = full.apiError else {
                Issue.record("expected 503, got \(String(describing: full))"); return
            }
            #expect(error.code == .atCapacity)

            // An outcome ends "a", which then makes room for "c".
            try await endpoint.report(OutcomeNotice(sessionID: SessionID(rawValue: "a"), outcome: .deadline), key: keyA)
            try await endpoint.start(ServerSupport.start("c"))

            // Sixty idle seconds later, "b" and "c" are gone.
            clock.advance(by: .seconds(61))
            let expired = await #expect(throws: RemoteAgentError.self) {
                try await endpoint.turn(TurnRequest(sessionID: SessionID(rawValue: "b"), turn: 1, opponentAction: nil, elapsed: 0), key: keyB)
            }
            guard let expired, expired.code == .rejected, expired.status == 404, let gone = expired.apiError else {
                Issue.record("expected 404, got \(String(describing: expired))"); return
            }
            #expect(gone.code == .unknownSession)
            try await endpoint.start(ServerSupport.start("d"))
            try await endpoint.start(ServerSupport.start("e"))
        }
    }

    @Test("A session id reused after its outcome starts a fresh session, so a replay from the same seed plays again")
    func replayAfterOutcome() async throws {
        try await ServerSupport.withServer { server in
            let endpoint = try ServerSupport.endpoint(server)
            let start = ServerSupport.start("replayed")
            let first = TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0)
            let response = try await ServerSupport.raw(server, AgentAPI.sessions, body: try ServerSupport.json(start))
            #expect(response.status == 201)
            let key = try ServerSupport.sessionKey(of: response)
            let opening = try await endpoint.turn(first, key: key)
            try await endpoint.report(OutcomeNotice(sessionID: start.sessionID, outcome: .deadline), key: key)
            let third = TurnRequest(sessionID: start.sessionID, turn: 3, opponentAction: opening.action, elapsed: 0)
            let ended = try await ServerSupport.raw(server, AgentAPI.turn(start.sessionID, 3), body: try ServerSupport.json(third), key: key)
            #expect(ended.status == 409)
            #expect(try ServerSupport.apiError(ended).code == .sessionEnded)

            let again = try await ServerSupport.raw(server, AgentAPI.sessions, body: try ServerSupport.json(start))
            #expect(again.status == 201)
            let newKey = try ServerSupport.sessionKey(of: again)
            #expect(newKey != key, "a fresh session gets a fresh key")
            #expect(try await endpoint.turn(first, key: newKey) == opening)
        }
    }

    @Test("DELETE drops a session; a second DELETE is 404")
    func delete() async throws {
        try await ServerSupport.withServer { server in
            let endpoint = try ServerSupport.endpoint(server)
            let key = try await endpoint.start(ServerSupport.start("gone")).sessionKey
            try await endpoint.drop(SessionID(rawValue: "gone"), key: key)
            let again = try await ServerSupport.raw(server, "/v1/sessions/gone", method: .delete, key: key)
            #expect(again.status == 404)
            #expect(try ServerSupport.apiError(again).code == .unknownSession)
        }
    }
}

extension AgentServerTests {
    @Test("A session is bound to the client that started it: without its key, a turn, an outcome or a delete is 404, and the session goes on")
    func sessionsAreBoundToTheirClient() async throws {
        try await ServerSupport.withServer { server in
            let bystander = try await Bystander.begin(on: server)
            let key = try #require(bystander.key)
            #expect(key.count == 32 && key.allSatisfy(\.isHexDigit))
            let other = try await ServerSupport.endpoint(server).start(ServerSupport.start("other")).sessionKey
            #expect(other != key)
            let turn = try ServerSupport.json(TurnRequest(sessionID: bystander.id, turn: 3, opponentAction: bystander.opening, elapsed: 0))
            let notice = try ServerSupport.json(OutcomeNotice(sessionID: bystander.id, outcome: .walkAway(by: .seller, reason: nil)))
            for wrong in [nil, other, String(key.reversed())] {
                let answers = [
                    try await ServerSupport.raw(server, AgentAPI.turn(bystander.id, 3), body: turn, key: wrong),
                    try await ServerSupport.raw(server, AgentAPI.outcome(bystander.id), body: notice, key: wrong),
                    try await ServerSupport.raw(server, AgentAPI.session(bystander.id), method: .delete, key: wrong),
                ]
                for answer in answers {
                    #expect(answer.status == 404)
                    #expect(try ServerSupport.apiError(answer).code == .unknownSession)
                }
            }
            try await bystander.finish()
        }
    }
}

extension AgentServerTests {
    @Test("A connection that never finishes its request head is closed at the request timeout; /health answers meanwhile")
    func aSlowHeaderIsCutOff() async throws {
        let limits = ConnectionLimits(requestTimeout: .milliseconds(300), keepAliveTimeout: .milliseconds(600))
        try await ServerSupport.withServer(configuration: .init(port: 0, connections: limits)) { server in
            let slow = try RawConnection(port: server.port)
            slow.send("POST /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n")
            let health = try await ServerSupport.raw(server, AgentAPI.health, method: .get)
            #expect(health.status == 200, "the server answers others while a slow client holds a connection")
            #expect(await slow.closedByServer(within: 5_000), "the half-sent request is cut off")

            // Kept-alive connections that go quiet after a response are closed too, whether the response or the
            // request's end was seen first (a GET is answered before its end may be read).
            let quiet = try (0..<16).map { _ in try RawConnection(port: server.port) }
            for connection in quiet { connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") }
            for connection in quiet { #expect(await connection.closedByServer(within: 5_000)) }
        }
    }
}

extension AgentServerTests {
    @Test("A start whose outcome space exceeds the server's limit gets 422 invalid_scenario, and nothing is built for it")
    func anOutcomeSpaceOverTheLimitIsRefused() async throws {
        try await ServerSupport.withServer(configuration: .init(port: 0, maximumOutcomes: 500)) { server in
            let response = try await ServerSupport.raw(server, AgentAPI.sessions, body: try ServerSupport.json(ServerSupport.start("big")))
            #expect(response.status == 422)
            let error = try ServerSupport.apiError(response)
            #expect(error.code == .invalidScenario && error.path == "$.scenario.issues")
            #expect(error.message.contains("10000 outcomes") && error.message.contains("at most 500"))
        }
    }
}

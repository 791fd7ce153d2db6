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
            try await endpoint.start(start)
            var actions: [Action] = []
            let first = try await endpoint.turn(TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0))
            let repeated = try await endpoint.turn(TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0))
            #expect(first == repeated)
            actions.append(first.action)
            // The seller counters with a fixed offer; turn 3 is asked twice, the second time concurrently with itself.
            let counter = Action.offer(first.action.offeredTerms!)
            let request = TurnRequest(sessionID: start.sessionID, turn: 3, opponentAction: counter, elapsed: 0)
            async let one = endpoint.turn(request)
            async let two = endpoint.turn(request)
            let (third, thirdAgain) = try await (one, two)
            #expect(third == thirdAgain)
            actions.append(third.action)
            let conflict = try await ServerSupport.raw(
                server, AgentAPI.turn(start.sessionID, 3),
                body: try ServerSupport.json(TurnRequest(sessionID: start.sessionID, turn: 3, opponentAction: .walkAway(), elapsed: 0))
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
            try await endpoint.start(ServerSupport.start("a"))
            try await endpoint.start(ServerSupport.start("b"))
            let full = await #expect(throws: RemoteAgentError.self) { try await endpoint.start(ServerSupport.start("c")) }
            guard let full, full.code == .rejected, full.status == 503, let error = full.apiError else {
                Issue.record("expected 503, got \(String(describing: full))"); return
            }
            #expect(error.code == .atCapacity)

            // An outcome ends "a", which then makes room for "c".
            try await endpoint.report(OutcomeNotice(sessionID: SessionID(rawValue: "a"), outcome: .deadline))
            try await endpoint.start(ServerSupport.start("c"))

            // Sixty idle seconds later, "b" and "c" are gone.
            clock.advance(by: .seconds(61))
            let expired = await #expect(throws: RemoteAgentError.self) {
                try await endpoint.turn(TurnRequest(sessionID: SessionID(rawValue: "b"), turn: 1, opponentAction: nil, elapsed: 0))
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
            let opening = try await endpoint.turn(first)
            try await endpoint.report(OutcomeNotice(sessionID: start.sessionID, outcome: .deadline))
            let third = TurnRequest(sessionID: start.sessionID, turn: 3, opponentAction: opening.action, elapsed: 0)
            let ended = try await ServerSupport.raw(server, AgentAPI.turn(start.sessionID, 3), body: try ServerSupport.json(third))
            #expect(ended.status == 409)
            #expect(try ServerSupport.apiError(ended).code == .sessionEnded)

            let again = try await ServerSupport.raw(server, AgentAPI.sessions, body: try ServerSupport.json(start))
            #expect(again.status == 201)
            #expect(try await endpoint.turn(first) == opening)
        }
    }

    @Test("DELETE drops a session; a second DELETE is 404")
    func delete() async throws {
        try await ServerSupport.withServer { server in
            let endpoint = try ServerSupport.endpoint(server)
            try await endpoint.start(ServerSupport.start("gone"))
            try await endpoint.drop(SessionID(rawValue: "gone"))
            let again = try await ServerSupport.raw(server, "/v1/sessions/gone", method: .delete)
            #expect(again.status == 404)
            #expect(try ServerSupport.apiError(again).code == .unknownSession)
        }
    }
}

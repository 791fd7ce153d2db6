import Foundation
import Synchronization
import Hummingbird
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyAssembly
import ParleyHTTPClient
import ParleyProtocol
import ParleyRecords
import ParleyRemote
import ParleyServer
import ParleyTesting
import Testing

@Suite("Remote agents in sessions: served agents play as in process, and misbehaving ones end only their session")
struct RemoteSessionTests {
    static let arbiter = Arbiter(clock: ContinuousClock(), logger: ServerSupport.logger)

    /// Plays one session on the reference scenario between two agents named by spec or URL.
    static func play(buyer: String, seller: String, file: ScenarioFile = ServerSupport.file, seed: UInt64 = 3) async throws -> SessionRecord {
        let factory = AgentFactory(http: ServerSupport.client)
        let buyer = try factory.source(for: AgentReference(parsing: buyer)), seller = try factory.source(for: AgentReference(parsing: seller))
        return try await arbiter.play(Match(file: file, buyer: buyer, seller: seller, seed: seed, landscape: try OutcomeLandscape(file: file)))
    }

    /// How a test reaches a served agent.
    enum Carrier: String, CaseIterable, CustomTestStringConvertible {
        case http, memory
        var testDescription: String { rawValue }
    }

    /// Runs `body` with the agent `spec` served and reached over `carrier`.
    static func withServed<T>(_ spec: String, over carrier: Carrier, _ body: (any AgentSource) async throws -> T) async throws -> T {
        switch carrier {
        case .http:
            return try await ServerSupport.withServer(spec) { server in
                try await body(RemoteSource(transport: try AgentEndpoint(url: server.url, client: ServerSupport.client)))
            }
        case .memory:
            let server = AgentServer(
                agent: try AgentFactory().source(for: AgentReference(parsing: spec)), configuration: .init(port: 0), clock: ContinuousClock(),
                logger: ServerSupport.logger
            )
            return try await body(RemoteSource(transport: server.inProcessTransport()))
        }
    }

    /// Plays one session on the reference scenario between two agents.
    static func play(buyer: any AgentSource, seller: any AgentSource, file: ScenarioFile = ServerSupport.file, seed: UInt64 = 3) async throws -> SessionRecord {
        try await arbiter.play(Match(file: file, buyer: buyer, seller: seller, seed: seed, landscape: try OutcomeLandscape(file: file)))
    }

    @Test(
        "Two served agents settle exactly as the same agents in process with the same seed, over HTTP and in memory",
        arguments: [("boulware", "conceder"), ("tit-for-tat", "random")], Carrier.allCases
    )
    func servedEqualsInProcess(pair: (buyer: String, seller: String), carrier: Carrier) async throws {
        let local = try await Self.play(buyer: pair.buyer, seller: pair.seller)
        let remote = try await Self.withServed(pair.buyer, over: carrier) { buyer in
            try await Self.withServed(pair.seller, over: carrier) { seller in try await Self.play(buyer: buyer, seller: seller) }
        }
        #expect(remote.settlement.outcome == local.settlement.outcome)
        #expect(remote.transcript.entries.map(\.action) == local.transcript.entries.map(\.action))
        #expect(remote.settlement.analysis == local.settlement.analysis)
        #expect(remote.transcript.header.buyer.strategy == "remote")
        #expect(remote.transcript.header.buyer.spec.hasPrefix(carrier == .http ? "http://127.0.0.1:" : "memory:"))
        #expect(local.settlement.turns > 2)
    }

    @Test("One server can play both sides of the same session, over HTTP and in memory", arguments: Carrier.allCases)
    func bothSidesOnOneServer(carrier: Carrier) async throws {
        let local = try await Self.play(buyer: "boulware", seller: "boulware")
        let remote = try await Self.withServed("boulware", over: carrier) { server in try await Self.play(buyer: server, seller: server) }
        #expect(remote.settlement.outcome == local.settlement.outcome)
        #expect(remote.transcript.entries.map(\.action) == local.transcript.entries.map(\.action))
    }

    @Test("Both carriers refuse the same bad turn with the same API error", arguments: Carrier.allCases)
    func sameErrors(carrier: Carrier) async throws {
        try await Self.withServed("boulware", over: carrier) { served in
            let transport = try #require((served as? RemoteSource)?.transport)
            let start = ServerSupport.start("s-errors-\(carrier)")
            let key = try await transport.startSession(start, timeout: nil).sessionKey
            await #expect {
                _ = try await transport.requestTurn(TurnRequest(sessionID: start.sessionID, turn: 2, opponentAction: nil, elapsed: 0), key: key, timeout: nil)
            } throws: { error in
                switch error {
                case let error as APIError: error.code == .outOfTurn
                case let error as RemoteAgentError: error.code == .rejected && error.status == 409 && error.apiError?.code == .outOfTurn
                default: false
                }
            }
            let first = try await transport.requestTurn(TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0), key: key, timeout: nil)
            let repeated = try await transport.requestTurn(TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0), key: key, timeout: nil)
            #expect(first == repeated, "a repeated turn gets the same reply")
        }
    }

    @Test("A remote agent nobody answers for fails its own session, naming it")
    func refused() async throws {
        let port = try await Self.closedPort()
        let record = try await Self.play(buyer: "boulware", seller: "http://127.0.0.1:\(port)")
        guard case .failure(.seller, let error) = record.settlement.outcome else {
            Issue.record("expected a failure by the seller, got \(record.settlement.outcome)"); return
        }
        #expect(error.contains("connection refused"))
        #expect(error.contains("127.0.0.1:\(port)"))
    }

    @Test("A remote agent that misbehaves ends its session with the right outcome", arguments: Misbehaviour.allCases)
    func misbehaving(_ misbehaviour: Misbehaviour) async throws {
        var file = ServerSupport.file
        file.scenario.turnTimeLimit = misbehaviour == .hangs ? 0.2 : nil
        let record = try await Self.withMisbehaving(misbehaviour) { url in try await Self.play(buyer: url, seller: "conceder", file: file) }
        switch (misbehaviour, record.settlement.outcome) {
        case (.hangs, .turnTimeout(by: .buyer)): break
        case (.answers500, .failure(.buyer, let error)): #expect(error.contains("500") && error.contains("the model is down"))
        case (.answersGarbage, .failure(.buyer, let error)): #expect(error.contains("unreadable reply"))
        case (.offersOutsideTheDomain, .violation(by: .buyer, code: .valueOutOfDomain)), (.offersBeyondInt64, .violation(by: .buyer, code: .valueOutOfDomain)):
            #expect(record.transcript.entries.last?.violation?.code == .valueOutOfDomain)
            #expect(record.transcript.entries.last?.violation?.issue == "price", "the violation names the issue")
        case (.answersAnotherTurn, .failure(.buyer, let error)): #expect(error.contains("reply for"))
        default: Issue.record("\(misbehaviour) ended as \(record.settlement.outcome)")
        }
    }

    @Test("With no turn limit, a hanging remote agent times out as a turn timeout, not a failure")
    func hangsWithoutTurnLimit() async throws {
        var file = ServerSupport.file
        file.scenario.turnTimeLimit = nil
        let record = try await Self.withMisbehaving(.hangs) { url in
            let match = Match(
                file: file, buyer: RemoteSource(transport: try AgentEndpoint(url: url, client: ServerSupport.client)),
                seller: try StrategySource(AgentSpec(strategy: "conceder")), seed: 1
            )
            var buyer = try #require(try match.buyer.makeStrategy(for: match.seat(.buyer)) as? RemoteAgent)
            buyer.defaultTimeout = .milliseconds(200)
            return await Self.arbiter.run(match.setup, buyer: buyer, seller: try match.seller.makeStrategy(for: match.seat(.seller)))
        }
        #expect(record.settlement.outcome == .turnTimeout(by: .buyer))
    }

    /// Ways a remote agent can misbehave on its turns, after starting its session normally.
    enum Misbehaviour: String, CaseIterable, Sendable {
        case hangs, answers500, answersGarbage, offersOutsideTheDomain, offersBeyondInt64, answersAnotherTurn
    }

    /// Runs `body` with the URL of a server that starts sessions and then misbehaves on every turn.
    static func withMisbehaving<T>(_ misbehaviour: Misbehaviour, _ body: (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/v1/sessions") { request, _ in
            let start = try await request.body.collect(upTo: 1 << 20)
            let id = try WireCodec().decode(WireMessage<SessionStart>.self, from: Data(start.readableBytesView)).body.sessionID
            return Response(status: .created, body: ResponseBody(byteBuffer: ByteBuffer(string: try ServerSupport.json(SessionStarted(sessionID: id)))))
        }
        router.post("/v1/sessions/:id/turns/:turn") { _, context in
            let id = SessionID(rawValue: context.parameters.get("id")!), turn = context.parameters.get("turn", as: Int.self)!
            switch misbehaviour {
            case .hangs:
                try await Task.sleep(for: .seconds(3600))
                return Response(status: .ok)
            case .answers500:
                return Response(status: .internalServerError, body: ResponseBody(byteBuffer: ByteBuffer(string: "the model is down")))
            case .answersGarbage:
                return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "<html>surprise</html>")))
            case .offersOutsideTheDomain:
                let reply = TurnReply(sessionID: id, turn: turn, action: .offer(["price": .integer(1), "quantity": .integer(10), "delivery_days": .integer(1)]))
                return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: try ServerSupport.json(reply))))
            case .offersBeyondInt64:
                let body = #"{"protocol":"parley/1","sessionID":"\#(id.rawValue)","turn":\#(turn),"action":{"type":"offer","terms":{"price":1e30,"quantity":10,"delivery_days":1}}}"#
                return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
            case .answersAnotherTurn:
                let reply = TurnReply(sessionID: id, turn: turn + 2, action: .walkAway())
                return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: try ServerSupport.json(reply))))
            }
        }
        router.post("/v1/sessions/:id/outcome") { _, _ in Response(status: .noContent) }
        return try await RunningServer.start(router: router, logger: ServerSupport.logger).stopping { try await body($0.url) }
    }

    static func closedPort() async throws -> Int {
        let server = try await RunningServer.start(router: Router(), logger: ServerSupport.logger)
        await server.stop()
        return server.port
    }
}

extension RemoteSessionTests {
    @Test("With no turn limit, the client's own request timeout (--remote-timeout) bounds a hanging remote agent")
    func theClientsTimeoutBoundsAHangingAgent() async throws {
        var file = ServerSupport.file
        file.scenario.turnTimeLimit = nil
        file.scenario.deadline = Deadline(rounds: 100)
        let client = HTTPClient(configuration: .init(requestTimeout: .milliseconds(300)))
        let record = try await Self.withMisbehaving(.hangs) { url in
            let match = Match(
                file: file, buyer: RemoteSource(transport: try AgentEndpoint(url: url, client: client)),
                seller: try StrategySource(AgentSpec(strategy: "conceder")), seed: 1
            )
            return try await Self.arbiter.play(match)
        }
        #expect(record.settlement.outcome == .turnTimeout(by: .buyer))
        // The session's own measured time: bounded by the client's 300 ms, not by a default of the agent's (it was 30 s).
        #expect(record.settlement.elapsed < 10)
    }
}

extension RemoteSessionTests {
    @Test("The outcome a remote agent is told names the side that failed, never the other side's address or error")
    func theOpponentIsNotToldTheFailingAgentsAddress() async throws {
        let log = NoticeLog()
        try await ServerSupport.withServer("boulware") { server in
            let recording = RecordingTransport(inner: try ServerSupport.endpoint(server), log: log)
            let match = Match(
                file: ServerSupport.file, buyer: RemoteSource(transport: recording), seller: try StrategySource(AgentSpec(strategy: "conceder")), seed: 1
            )
            let buyer = try match.buyer.makeStrategy(for: match.seat(.buyer))
            let record = await Self.arbiter.run(match.setup, buyer: buyer, seller: ThrowingStrategy())
            guard case .failure(.seller, let error) = record.settlement.outcome else {
                Issue.record("expected the seller's failure, got \(record.settlement.outcome)"); return
            }
            #expect(!error.isEmpty && error != "the seller's agent failed", "the transcript keeps the whole error")
        }
        let told = try #require(log.notices.withLock { $0.first })
        #expect(told.outcome == .failure(by: .seller, error: "the seller's agent failed"))
    }
}

/// The outcome notices a transport carried.
final class NoticeLog: Sendable {
    let notices = Mutex<[OutcomeNotice]>([])
}

/// An agent transport that records the outcome notices it carries.
struct RecordingTransport: AgentTransport {
    let inner: any AgentTransport
    let log: NoticeLog

    var address: String { inner.address }
    var executor: (any TaskExecutor)? { inner.executor }
    func card() async throws -> AgentCard { try await inner.card() }
    func startSession(_ message: SessionStart, timeout: Duration?) async throws -> SessionStarted { try await inner.startSession(message, timeout: timeout) }
    func requestTurn(_ request: TurnRequest, key: String?, timeout: Duration?) async throws -> TurnReply {
        try await inner.requestTurn(request, key: key, timeout: timeout)
    }
    func reportOutcome(_ notice: OutcomeNotice, key: String?, timeout: Duration?) async throws {
        log.notices.withLock { $0.append(notice) }
        try await inner.reportOutcome(notice, key: key, timeout: timeout)
    }
}

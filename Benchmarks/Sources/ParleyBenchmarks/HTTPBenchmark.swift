import Foundation
import Logging
import ParleyAgents
import ParleyArbiter
import ParleyHTTPClient
import ParleyProtocol
import ParleyRecords
import ParleyRemote
import ParleyServer
import Synchronization

/// Turns over HTTP on loopback: a served `boulware` buyer (Hummingbird) against an in-process `conceder`, through
/// the arbiter and the libcurl client, as `parley run --buyer http://…` plays them.
enum HTTPBenchmark {
    /// Collects the duration of every remote turn but each session's first, which also starts the session.
    final class Timings: Sendable {
        private let durations = Mutex<[Duration]>([])
        func add(_ duration: Duration) { durations.withLock { $0.append(duration) } }
        var sorted: [Duration] { durations.withLock { $0.sorted() } }
    }

    /// A remote agent whose turns are timed.
    struct Timed: Strategy {
        var agent: RemoteAgent
        let timings: Timings
        var turns = 0

        mutating func respond(to view: TurnView) async throws -> Action {
            let start = ContinuousClock.now
            let action = try await agent.respond(to: view)
            turns += 1
            if turns > 1 { timings.add(start.duration(to: .now)) }
            return action
        }

        mutating func sessionEnded(with outcome: Outcome) async { await agent.sessionEnded(with: outcome) }

        var preferredExecutor: (any TaskExecutor)? { agent.preferredExecutor }
    }

    static let quiet = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }

    /// Sessions of a served `boulware` buyer against an in-process `conceder`, through the arbiter.
    struct Sessions {
        let file: ScenarioFile
        let server: String
        let client = HTTPClient()
        let arbiter = Arbiter(clock: ContinuousClock(), logger: quiet)
        /// Over A2A (`a2a+` the server's URL) rather than the agent API.
        var a2a = false

        /// Plays one session per seed and returns the number of remote turns.
        func play(_ seeds: Range<UInt64>, timings: Timings) async throws -> Int {
            let transport: any AgentTransport = a2a ? try A2AEndpoint(url: "a2a+" + server, client: client) : try AgentEndpoint(url: server, client: client)
            let buyer = RemoteSource(transport: transport), seller = try StrategySource(AgentSpec(strategy: "conceder"))
            var turns = 0
            for seed in seeds {
                let match = Match(file: file, buyer: buyer, seller: seller, seed: seed)
                guard let remote = try buyer.makeStrategy(for: match.seat(.buyer)) as? RemoteAgent else {
                    throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "a remote source made no remote agent"])
                }
                let record = await arbiter.run(
                    match.setup, buyer: Timed(agent: remote, timings: timings), seller: try seller.makeStrategy(for: match.seat(.seller))
                )
                guard record.settlement.outcome.agreement != nil else { fatalError("remote session failed: \(record.settlement.outcome)") }
                turns += record.transcript.entries.lazy.filter { $0.by == .buyer }.count
            }
            return turns
        }
    }

    static func run(file: ScenarioFile) async throws {
        let server = AgentServer(agent: try StrategySource(AgentSpec(strategy: "boulware")), configuration: .init(port: 0), clock: ContinuousClock(), logger: quiet)
        let running = try await server.start()
        let sessions = Sessions(file: file, server: running.url)
        _ = try await sessions.play(0..<20, timings: Timings())
        print("Agent over HTTP on loopback (served boulware buyer vs in-process conceder, reference scenario):")
        for concurrency in [1, 8] {
            let timings = Timings()
            let perTask = concurrency == 1 ? 400 : 100
            let switches = ContextSwitches()
            let start = ContinuousClock.now
            let turns = try await withThrowingTaskGroup(of: Int.self) { group in
                for task in 0..<concurrency {
                    let first = UInt64(1000 + task * perTask)
                    group.addTask { try await sessions.play(first..<(first + UInt64(perTask)), timings: timings) }
                }
                return try await group.reduce(0, +)
            }
            let elapsed = start.duration(to: .now)
            let sorted = timings.sorted
            let p50 = sorted[sorted.count / 2], p99 = sorted[sorted.count * 99 / 100]
            print(String(
                format: "  %d session%@ at a time: %.0f remote turns/s · turn latency p50 %.0f µs, p99 %.0f µs · %.1f context switches per turn (%d turns in %d sessions)",
                concurrency, concurrency == 1 ? "" : "s", Double(turns) / (microseconds(elapsed) / 1e6), microseconds(p50), microseconds(p99),
                switches.perEvent(turns), turns, concurrency * perTask
            ))
        }
        await running.stop()
    }
}

extension HTTPBenchmark {
    /// The transport alone, one request at a time from a task on the client's thread (as the arbiter runs a session
    /// with a remote agent): the floor (a bare Hummingbird echo), `GET /health`, and a repeated turn.
    static func floor(benchFile: ScenarioFile, repeatedTurnsOnly: Bool = false) async throws {
        let server = AgentServer(agent: try StrategySource(AgentSpec(strategy: "boulware")), configuration: .init(port: 0), clock: ContinuousClock(), logger: quiet)
        let running = try await server.start()
        let client = HTTPClient()
        let endpoint = try AgentEndpoint(url: running.url, client: client)
        let start = SessionStart(sessionID: SessionID(rawValue: "floor"), scenario: benchFile.scenario, role: .buyer, profile: benchFile.profile(for: .buyer), seed: 1)
        let key = try await endpoint.start(start).sessionKey
        // A repeated turn: the whole turn path but the strategy (the reply is the cached one).
        let turn = TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0)

        if !repeatedTurnsOnly {
            let echo = try await BareEchoServer.start(logger: quiet)
            let body = try WireCodec().encode(WireMessage(TurnRequest(sessionID: start.sessionID, turn: 3, opponentAction: .offer(benchFile.scenario.anyTerms), elapsed: 0.004)))
            try await measure("floor: a bare Hummingbird server echoing a turn-sized POST", count: 5000, on: client) {
                _ = try await client.sendChecked(HTTPRequest(method: .post, url: echo.url + "/echo", body: body))
            }
            await echo.stop()
            try await measure("GET /health", count: 5000, on: client) {
                _ = try await client.sendChecked(HTTPRequest(method: .get, url: running.url + "/health"))
            }
        }
        try await measure("repeated turn", count: repeatedTurnsOnly ? 30000 : 5000, on: client) { _ = try await endpoint.turn(turn, key: key) }
        await running.stop()
        try codec(benchFile: benchFile)
    }

    /// Sends one kind of request (`echo`, `health` or `turn`) `count` times, or plays `count` sessions (`session`),
    /// from a task on the client's thread, untimed: for profilers and CPU counts. Run it with two counts under
    /// `/usr/bin/time` or `perf stat -e task-clock`: the difference over the extra requests is the CPU time one costs
    /// both sides, which varies less between runs than wall time does.
    static func probe(_ kind: String, count: Int, benchFile: ScenarioFile) async throws {
        let server = AgentServer(agent: try StrategySource(AgentSpec(strategy: "boulware")), configuration: .init(port: 0), clock: ContinuousClock(), logger: quiet)
        let running = try await server.start()
        let echo = try await BareEchoServer.start(logger: quiet)
        let client = HTTPClient()
        let endpoint = try AgentEndpoint(url: running.url, client: client)
        let start = SessionStart(sessionID: SessionID(rawValue: "probe"), scenario: benchFile.scenario, role: .buyer, profile: benchFile.profile(for: .buyer), seed: 1)
        let key = try await endpoint.start(start).sessionKey
        let turn = TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0)
        let body = try WireCodec().encode(WireMessage(TurnRequest(sessionID: start.sessionID, turn: 3, opponentAction: .offer(benchFile.scenario.anyTerms), elapsed: 0.004)))
        let call: () async throws -> Void
        switch kind {
        case "echo": call = { _ = try await client.sendChecked(HTTPRequest(method: .post, url: echo.url + "/echo", body: body)) }
        case "health": call = { _ = try await client.sendChecked(HTTPRequest(method: .get, url: running.url + "/health")) }
        case "turn": call = { _ = try await endpoint.turn(turn, key: key) }
        case "session":
            let sessions = Sessions(file: benchFile, server: running.url)
            var seed: UInt64 = 0
            call = {
                seed += 1
                _ = try await sessions.play(seed..<(seed + 1), timings: Timings())
            }
        default: fatalError("http-probe: echo, health, turn or session, not \(kind)")
        }
        try await withTaskExecutorPreference(client.executor) {
            for _ in 0..<count { try await call() }
        }
        await echo.stop()
        await running.stop()
    }

    /// Times `count` sequential calls after 10% of warm-up, on the client's executor.
    static func measure(_ label: String, count: Int, on client: HTTPClient, _ call: () async throws -> Void) async throws {
        var durations: [Duration] = []
        durations.reserveCapacity(count)
        let warmUp = count / 10
        var switches = ContextSwitches()
        try await withTaskExecutorPreference(client.executor) {
            for index in 0..<(warmUp + count) {
                if index == warmUp { switches = ContextSwitches() }
                let start = ContinuousClock.now
                try await call()
                if index >= warmUp { durations.append(start.duration(to: .now)) }
            }
        }
        durations.sort()
        print(String(
            format: "  %@: p50 %.0f µs, p99 %.0f µs · %.1f context switches per request", label,
            microseconds(durations[durations.count / 2]), microseconds(durations[durations.count * 99 / 100]), switches.perEvent(count)
        ))
    }

    /// The JSON work of one turn, without the network: both sides encode and decode a request and a reply.
    static func codec(benchFile: ScenarioFile) throws {
        let codec = WireCodec()
        let terms = Terms(["price": .integer(15000), "quantity": .integer(50), "delivery_days": .integer(5)])
        let request = WireMessage(TurnRequest(sessionID: SessionID(rawValue: "s-00000000000000a1-buyer"), turn: 3, opponentAction: .offer(terms), elapsed: 0.004))
        let reply = WireMessage(TurnReply(sessionID: SessionID(rawValue: "s-00000000000000a1-buyer"), turn: 3, action: .offer(terms)))
        let requestBytes = try codec.encode(request), replyBytes = try codec.encode(reply)
        let rounds = 20000
        let elapsed = try ContinuousClock().measure {
            for _ in 0..<rounds {
                _ = try codec.encode(request)
                _ = try codec.decode(WireMessage<TurnRequest>.self, from: requestBytes)
                _ = try codec.encode(reply)
                _ = try codec.decode(WireMessage<TurnReply>.self, from: replyBytes)
            }
        }
        print(String(format: "  JSON per turn (encode and decode a request and a reply): %.1f µs", microseconds(elapsed) / Double(rounds)))
    }
}

/// Context switches of the whole process (every thread) since creation, from `getrusage`.
struct ContextSwitches {
    private let start = Self.now()

    private static func now() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_nvcsw + usage.ru_nivcsw
    }

    /// Switches since creation, per event.
    func perEvent(_ events: Int) -> Double { Double(Self.now() - start) / Double(max(1, events)) }
}

extension Scenario {
    /// The first value of every issue: terms of the scenario's shape, for a body of a realistic size.
    var anyTerms: Terms {
        Terms(Dictionary(uniqueKeysWithValues: issues.map { ($0.name, $0.domain.value(at: 0)) }))
    }
}

extension HTTPBenchmark {
    /// Turn latency over A2A's JSON-RPC binding next to the agent API, against one server that serves both: runs of
    /// 200 sessions alternate between the two, one session at a time; p50 and p99 of each run and their ratio.
    static func a2a(file: ScenarioFile, runs: Int = 3) async throws {
        var configuration = AgentServer<ContinuousClock>.Configuration(port: 0)
        configuration.a2a = true
        let server = AgentServer(agent: try StrategySource(AgentSpec(strategy: "boulware")), configuration: configuration, clock: ContinuousClock(), logger: quiet)
        let running = try await server.start()
        var native = Sessions(file: file, server: running.url), overA2A = Sessions(file: file, server: running.url)
        native.a2a = false
        overA2A.a2a = true
        _ = try await native.play(0..<20, timings: Timings())
        _ = try await overA2A.play(0..<20, timings: Timings())
        print("Turn latency, served boulware buyer vs in-process conceder, one session at a time, agent API and A2A alternating:")
        for run in 1...runs {
            var figures: [(p50: Double, p99: Double)] = []
            for sessions in [native, overA2A] {
                let timings = Timings()
                _ = try await sessions.play(UInt64(2000 + run * 1000)..<UInt64(2200 + run * 1000), timings: timings)
                let sorted = timings.sorted
                figures.append((microseconds(sorted[sorted.count / 2]), microseconds(sorted[sorted.count * 99 / 100])))
            }
            print(String(
                format: "  run %d: agent API p50 %.0f µs, p99 %.0f µs · A2A p50 %.0f µs, p99 %.0f µs · A2A/API p50 %.2f, p99 %.2f", run,
                figures[0].p50, figures[0].p99, figures[1].p50, figures[1].p99, figures[1].p50 / figures[0].p50, figures[1].p99 / figures[0].p99
            ))
        }
        await running.stop()
    }
}


import Foundation
import ParleyAgents
import ParleyLLM
import ParleyProtocol
import ParleyTesting
import ScriptedChatServer
import Synchronization
import Testing

@Suite("An endpoint's gate: its limit of requests at once, and 429 back-pressure that slows only that endpoint")
struct EndpointGateTests {
    @Test("No more than the stated limit at once; the next request goes in when one finishes")
    func limit() async {
        let clock = ManualClock()
        let gate = EndpointGate(clock: clock)
        #expect(await gate.enter(limit: 2, patience: .seconds(10)))
        #expect(await gate.enter(limit: 2, patience: .seconds(10)))
        let third = Task { await gate.enter(limit: 2, patience: .seconds(10)) }
        await clock.waitForSleepers(count: 1)
        #expect(await gate.inFlight == 2)
        await gate.finish(.answered)
        #expect(await third.value)
        #expect(await gate.inFlight == 2)
        #expect(await gate.mostInFlight == 2)
    }

    @Test("A request that finds no room within its patience is told so, and takes no place")
    func patience() async {
        let clock = ManualClock()
        let gate = EndpointGate(clock: clock)
        #expect(await gate.enter(limit: 1, patience: .seconds(10)))
        #expect(await gate.enter(limit: 1, patience: .zero) == false)
        let waiting = Task { await gate.enter(limit: 1, patience: .seconds(5)) }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .seconds(5))
        #expect(await waiting.value == false)
        #expect(await gate.inFlight == 1)
    }

    @Test("The smallest limit any agent states for the endpoint holds")
    func smallestLimit() async {
        let gate = EndpointGate(clock: ManualClock())
        #expect(await gate.enter(limit: 4, patience: .zero))
        #expect(await gate.enter(limit: nil, patience: .zero))
        #expect(await gate.enter(limit: 2, patience: .zero) == false)
        #expect(await gate.limit == 2)
        #expect(await gate.window == 2)
    }

    @Test("A 429 halves the window and pauses every request for the wait the endpoint asked; answers widen it again")
    func backPressure() async {
        let clock = ManualClock()
        let gate = EndpointGate(clock: clock)
        for _ in 0..<4 { #expect(await gate.enter(limit: 8, patience: .zero)) }
        await gate.finish(.rateLimited(wait: .seconds(2)))
        #expect(await gate.window == 2)
        #expect(await gate.rateLimits == 1)
        // A second 429 within the same pause is the same signal: no second halving.
        await gate.finish(.rateLimited(wait: .seconds(1)))
        #expect(await gate.window == 2)
        await gate.finish(.answered)
        await gate.finish(.answered)
        #expect(await gate.inFlight == 0)
        #expect(await gate.window == 4)
        // Room, but paused: a request that can wait only a second is refused.
        let impatient = Task { await gate.enter(limit: 8, patience: .seconds(1)) }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(1))
        #expect(await impatient.value == false)
        let patient = Task { await gate.enter(limit: 8, patience: .seconds(10)) }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(1))
        #expect(await patient.value)
        #expect(await gate.enter(limit: 8, patience: .zero))
    }

    @Test("A 429 asking for hours pauses at most a minute")
    func longestPause() async {
        let clock = ManualClock()
        let gate = EndpointGate(clock: clock)
        #expect(await gate.enter(limit: nil, patience: .zero))
        await gate.finish(.rateLimited(wait: .seconds(7200)))
        #expect(await gate.window == 1)
        let waiting = Task { await gate.enter(limit: nil, patience: .seconds(3600)) }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: EndpointGate.longestPause)
        #expect(await waiting.value)
    }

    @Test("Agents on one endpoint share its gate; another endpoint has its own")
    func sharing() async {
        let gates = EndpointGates(clock: ManualClock())
        let first = gates.gate(for: "http://127.0.0.1:9/v1/chat/completions")
        #expect(first === gates.gate(for: "http://127.0.0.1:9/v1/chat/completions"))
        let other = gates.gate(for: "http://127.0.0.1:10/v1/chat/completions")
        #expect(first !== other)
        #expect(await first.enter(limit: 1, patience: .zero))
        await first.finish(.rateLimited(wait: .seconds(30)))
        #expect(await first.enter(limit: 1, patience: .zero) == false)
        #expect(await other.enter(limit: 1, patience: .zero))
    }

    @Test("Agents sharing a gate never send more than its limit at once to a real endpoint, and each move is the model's")
    func agentsShareTheLimit() async throws {
        let server = ScriptedChatServer(delay: .milliseconds(40)) { _, _ in .content(LLMSupport.reply("walkAway")) }
        try await LLMSupport.withServer(server) { url in
            let gate = EndpointGate(clock: ContinuousClock())
            // A turn of a minute: the test is about the limit, and a loaded machine must not turn a slow answer into
            // a fallback (seen once in CI with the default 10 s: two of eight agents fell back).
            let traces = try await withThrowingTaskGroup(of: DecisionTrace?.self) { group in
                for _ in 0..<8 {
                    let agent = try LLMSupport.agent(url, gate: gate) {
                        $0.maxConcurrentRequests = 2
                        $0.turnTimeLimit = 60
                    }
                    group.addTask {
                        var agent = agent
                        _ = try await agent.respond(to: LLMSupport.view())
                        return agent.lastDecision
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let decisions = traces.map { $0?.decidedBy }
            #expect(decisions == Array(repeating: .model, count: 8), "fallbacks: \(traces.compactMap { $0?.fallbackReason })")
            #expect(server.received.count == 8)
            #expect(server.mostAtOnce <= 2)
            #expect(await gate.mostInFlight == 2)
        }
    }

    @Test("After a 429 no request reaches that endpoint before its Retry-After, while another endpoint goes on serving")
    func rateLimitSlowsOnlyItsEndpoint() async throws {
        let arrivals = Mutex<[ContinuousClock.Instant]>([])
        let limited = ScriptedChatServer { _, index in
            arrivals.withLock { $0.append(.now) }
            return index == 0
                ? .error(status: 429, type: "requests", message: "Rate limit reached", retryAfter: "3")
                : .content(LLMSupport.reply("walkAway"))
        }
        let other = ScriptedChatServer { _, _ in .content(LLMSupport.reply("walkAway")) }
        try await LLMSupport.withServer(limited) { limitedURL in
            try await LLMSupport.withServer(other) { otherURL in
                let gates = EndpointGates(clock: ContinuousClock())
                let limitedGate = gates.gate(for: limitedURL), otherGate = gates.gate(for: otherURL)
                var first = try LLMSupport.agent(limitedURL, gate: limitedGate) { $0.maxConcurrentRequests = 1 }
                let second = try LLMSupport.agent(limitedURL, gate: limitedGate) { $0.maxConcurrentRequests = 1 }
                var elsewhere = try LLMSupport.agent(otherURL, gate: otherGate)
                _ = try await first.respond(to: LLMSupport.view())
                #expect(first.lastDecision?.decidedBy == .model)
                #expect(first.lastDecision?.attempts.first?.rejection?.code == LLMRejection.rateLimited)
                // The limited endpoint's pause is over by now (its first agent waited it out); pause it again to see
                // what the others meet during a pause.
                #expect(await limitedGate.enter(limit: 1, patience: .zero))
                await limitedGate.finish(.rateLimited(wait: .seconds(3)))
                let paused = ContinuousClock.now
                let blocked = Task {
                    var second = second
                    _ = try await second.respond(to: LLMSupport.view())
                    return second.lastDecision
                }
                _ = try await elsewhere.respond(to: LLMSupport.view())
                let servedElsewhere = ContinuousClock.now
                let decision = try await blocked.value
                let times = arrivals.withLock { $0 }
                #expect(times.count == 3)
                #expect(times[0].duration(to: times[1]) >= .seconds(3))
                #expect(paused.duration(to: times[2]) >= .seconds(3))
                #expect(paused.duration(to: servedElsewhere) < .seconds(3))
                #expect(decision?.decidedBy == .model)
                #expect((decision?.attempts.first?.queued ?? 0) >= 2.9)
                #expect(await limitedGate.rateLimits == 2)
                #expect(other.received.count == 1)
            }
        }
    }
}

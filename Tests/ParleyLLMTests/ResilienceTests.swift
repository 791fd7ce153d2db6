import Foundation
import ParleyAgents
import ParleyLLM
import ParleyProtocol
import ParleyTesting
import ScriptedChatServer
import Testing

@Suite("LLM agent: failures of the endpoint")
struct ResilienceTests {
    static let offer = try! LLMSupport.terms(worth: 0.9)
    static let valid = ScriptedChatServer.Reply.content(LLMSupport.reply("offer", terms: offer))

    @Test func tooManyRequestsWaitsAsRetryAfterSays() async throws {
        let server = ScriptedChatServer(replies: [
            .error(status: 429, type: "rate_limit_exceeded", message: "Rate limit reached", retryAfter: "2"), Self.valid,
        ])
        try await LLMSupport.withServer(server) { url in
            let clock = ImmediateClock()
            var agent = try LLMSupport.agent(url, clock: clock)
            let action = try await agent.respond(to: LLMSupport.view())
            #expect(action == .offer(Self.offer))
            #expect(clock.now.offset == .seconds(2), "it waited exactly the Retry-After")
            let trace = try #require(agent.lastDecision)
            #expect(trace.decidedBy == .model)
            try #require(trace.attempts.map(\.status) == [429, 200])
            #expect(trace.attempts[0].rejection?.code == LLMRejection.rateLimited && trace.attempts[0].reply == "Rate limit reached")
        }
    }

    @Test func aRetryAfterPastTheTurnsTimeFallsBackAtOnce() async throws {
        let server = ScriptedChatServer(replies: [.error(status: 429, type: "rate_limit_exceeded", message: "slow down", retryAfter: "60")])
        try await LLMSupport.withServer(server) { url in
            let clock = ImmediateClock()
            var agent = try LLMSupport.agent(url, clock: clock)
            _ = try await agent.respond(to: LLMSupport.view())
            #expect(agent.lastDecision?.decidedBy == .fallback)
            #expect(agent.lastDecision?.fallbackReason == "the endpoint asked to wait 60.0 seconds, past the turn's time")
            #expect(clock.now.offset == .zero, "it did not wait for nothing")
        }
    }

    @Test func serverErrorsAreRetriedWithBackoffThenFallBack() async throws {
        let failure = ScriptedChatServer.Reply.error(status: 500, type: "server_error", message: "The server had an error")
        let server = ScriptedChatServer(replies: [failure, failure, failure])
        try await LLMSupport.withServer(server) { url in
            let clock = ImmediateClock()
            var agent = try LLMSupport.agent(url, clock: clock) { $0.maxRetries = 2 }
            let action = try await agent.respond(to: LLMSupport.view())
            let trace = try #require(agent.lastDecision)
            #expect(trace.decidedBy == .fallback && trace.fallbackReason == "the endpoint answered HTTP 500 after 2 retries")
            #expect(trace.attempts.map { $0.rejection?.code } == Array(repeating: LLMRejection.serverError, count: 3))
            #expect(clock.now.offset == .milliseconds(1500), "backoff of 0.5 s, then 1 s")
            #expect(action == .offer(try LLMSupport.terms(worth: 1)))
        }
    }

    @Test func aServerErrorThenAReplyPlaysTheReply() async throws {
        let server = ScriptedChatServer(replies: [.error(status: 503, type: "server_error", message: "overloaded"), Self.valid])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url, clock: ImmediateClock())
            #expect(try await agent.respond(to: LLMSupport.view()) == .offer(Self.offer))
            #expect(agent.lastDecision?.attempts.map(\.status) == [503, 200])
        }
    }

    @Test func aHangPastTheTimeLimitFallsBackInTime() async throws {
        let server = ScriptedChatServer(replies: [.hang])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url) { $0.turnTimeLimit = 0.3 }
            let started = ContinuousClock.now
            let action = try await agent.respond(to: LLMSupport.view())
            let took = started.duration(to: .now)
            #expect(took >= .milliseconds(250) && took < .seconds(5), "it waited about the limit, not longer: \(took)")
            let trace = try #require(agent.lastDecision)
            #expect(trace.decidedBy == .fallback && trace.attempts.map { $0.rejection?.code } == [LLMRejection.timedOut])
            #expect(trace.fallbackReason == "the model did not answer within the turn's 0.3 seconds")
            #expect(action.offeredTerms != nil)
        }
    }

    @Test func theScenariosTurnLimitLeavesTheFallbackTime() async throws {
        var file = LLMSupport.file
        file.scenario.turnTimeLimit = 0.5
        let server = ScriptedChatServer(replies: [.hang])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url)
            _ = try await agent.respond(to: TurnView(scenario: file.scenario, role: .buyer, turn: 1, history: [], elapsed: .zero))
            #expect(agent.lastDecision?.decidedBy == .fallback)
            #expect(agent.lastDecision?.fallbackReason == "the model did not answer within the turn's 0.4 seconds", "the model gets 80% of the turn's limit")
        }
    }

    @Test func aServerWithoutResponseFormatGetsTheSchemaInThePrompt() async throws {
        let server = ScriptedChatServer(responseFormats: [], replies: [Self.valid])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url, clock: ImmediateClock())
            #expect(try await agent.respond(to: LLMSupport.view()) == .offer(Self.offer))
            let trace = try #require(agent.lastDecision)
            #expect(trace.attempts.map { $0.rejection?.code } == [
                LLMRejection.unsupportedResponseFormat, LLMRejection.unsupportedResponseFormat, LLMRejection.unsupportedResponseFormat, nil,
            ], "json_schema, then a tool call, then json_object refused; the schema in the prompt")
            #expect(server.received.count == 1, "the refused requests never reached the script")
            let request = try #require(server.received.first)
            #expect(request.responseFormatType == nil)
            #expect(request.messages[0].content.contains("must match this JSON Schema"))

            // The format it settled on is kept for the session's next turns.
            _ = try? await agent.respond(to: LLMSupport.view())
            #expect(agent.lastDecision?.attempts.first?.rejection?.code != LLMRejection.unsupportedResponseFormat)
        }
    }

    @Test func jsonModeIsUsedWhereSchemasAreNot() async throws {
        let server = ScriptedChatServer(responseFormats: ["json_object"], replies: [Self.valid])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url)
            #expect(try await agent.respond(to: LLMSupport.view()) == .offer(Self.offer))
            #expect(server.received.first?.responseFormatType == "json_object")
        }
    }

    @Test func emptyChoicesCutOffRepliesAndNonJSONBodiesAreRetried() async throws {
        let server = ScriptedChatServer(replies: [
            .noChoices,
            .content(String(LLMSupport.reply("offer", terms: Self.offer).prefix(40)), finishReason: "length"),
            .raw(status: 200, body: "<html>502 Bad Gateway</html>", contentType: "text/html"),
            Self.valid,
        ])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url) { $0.maxAttempts = 4 }
            #expect(try await agent.respond(to: LLMSupport.view()) == .offer(Self.offer))
            let trace = try #require(agent.lastDecision)
            try #require(trace.attempts.map { $0.rejection?.code } == [LLMRejection.emptyChoices, LLMRejection.truncated, LLMRejection.unreadableResponse, nil])
            #expect(trace.attempts[2].reply == "<html>502 Bad Gateway</html>")
            #expect(server.received[2].messages.last?.content.contains("cut off") == true, "a cut-off reply is sent back with the reason")
        }
    }

    @Test func anUnreachableEndpointFallsBack() async throws {
        let server = ScriptedChatServer(replies: [])
        let url = try await server.start()
        await server.stop()
        var agent = try LLMSupport.agent(url)
        let action = try await agent.respond(to: LLMSupport.view())
        #expect(agent.lastDecision?.attempts.map { $0.rejection?.code } == [LLMRejection.unreachable])
        #expect(agent.lastDecision?.fallbackReason == "the endpoint could not be reached")
        #expect(action.offeredTerms != nil)
    }

    @Test func aRefusedKeyFallsBackAndIsNeverRecorded() async throws {
        let key = "sk-wrong-0123456789"
        let server = ScriptedChatServer(apiKey: "sk-right", replies: [])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url, apiKey: key)
            _ = try await agent.respond(to: LLMSupport.view())
            let trace = try #require(agent.lastDecision)
            #expect(trace.attempts.map(\.status) == [401])
            #expect(trace.fallbackReason == "the endpoint refused the request with HTTP 401")
            let recorded = String(decoding: try JSONEncoder().encode(trace), as: UTF8.self)
            #expect(recorded.contains("Incorrect API key provided"), "the endpoint's message is kept")
            #expect(!recorded.contains(key), "but not the key it echoed")
        }
    }
}

extension ResilienceTests {
    @Test("An API key an endpoint echoes across the 500-character cut is removed before the cut: no part of it is recorded")
    func anEchoedKeyIsRedactedBeforeItIsCut() async throws {
        let key = "sk-0123456789abcdefghijklmnopqrstuvwxyz"
        // The key starts 20 characters before the cut, so cutting first would keep its first 20 characters.
        let body = String(repeating: "x", count: 480) + key + " was rejected"
        let server = ScriptedChatServer(apiKey: key, replies: [.raw(status: 200, body: body, contentType: "text/plain")])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url, clock: ImmediateClock(), apiKey: key) { $0.maxAttempts = 1 }
            _ = try await agent.respond(to: LLMSupport.view())
            let recorded = try #require(agent.lastDecision?.attempts.first?.reply)
            #expect(!recorded.contains(String(key.prefix(8))), "no part of the key: \(recorded)")
            #expect(recorded.contains("[API key]") || !recorded.contains("sk-"))
        }
    }
}

@Suite("LLM agent: the action as a tool call")
struct ToolCallTests {
    static let offer = ResilienceTests.offer
    static let arguments = LLMSupport.reply("offer", terms: offer)

    /// With `tool_call`, the request offers one function whose parameters are the action's schema and requires it;
    /// the model's call is read as its move.
    @Test func theActionIsAskedForAndReadAsAToolCall() async throws {
        let server = ScriptedChatServer(toolCalls: true, replies: [.toolCall(name: "parley_action", arguments: Self.arguments)])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url) { $0.responseFormat = .toolCall }
            #expect(try await agent.respond(to: LLMSupport.view()) == .offer(Self.offer))
            #expect(agent.lastDecision?.decidedBy == .model)
            let request = try #require(server.received.first)
            #expect(request.responseFormatType == nil)
            #expect(request.toolChoice == "parley_action")
            let tool = try #require(request.tools.first)
            #expect(request.tools.count == 1 && tool.name == "parley_action")
            #expect(tool.parameters["type"] as? String == "object" && (tool.parameters["required"] as? [String])?.contains("action") == true)
            #expect(!request.messages[0].content.contains("must match this JSON Schema"), "the schema travels with the tool, not in the prompt")
        }
    }

    /// In auto mode a server without structured outputs but with function calling gets the tool call next.
    @Test func autoModeTriesAToolCallBeforeJSONMode() async throws {
        let server = ScriptedChatServer(responseFormats: ["json_object"], toolCalls: true, replies: [.toolCall(name: "parley_action", arguments: Self.arguments)])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url)
            #expect(try await agent.respond(to: LLMSupport.view()) == .offer(Self.offer))
            #expect(agent.lastDecision?.attempts.map { $0.rejection?.code } == [LLMRejection.unsupportedResponseFormat, nil])
            #expect(server.received.count == 1 && server.received[0].toolChoice == "parley_action")
        }
    }

    /// A call of another tool, or arguments that are no action, are refused with the reason and asked again.
    @Test func aCallOfAnotherToolOrNoActionIsRefused() async throws {
        let server = ScriptedChatServer(toolCalls: true, replies: [
            .toolCall(name: "get_weather", arguments: #"{"city": "Rotterdam"}"#),
            .toolCall(name: "parley_action", arguments: #"{"action": "haggle"}"#),
            .toolCall(name: "parley_action", arguments: Self.arguments),
        ])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url) {
                $0.responseFormat = .toolCall
                $0.maxAttempts = 3
            }
            #expect(try await agent.respond(to: LLMSupport.view()) == .offer(Self.offer))
            let trace = try #require(agent.lastDecision)
            #expect(trace.attempts.map { $0.rejection?.code } == [LLMRejection.notAnAction, LLMRejection.invalidAction, nil])
            #expect(trace.attempts[0].rejection?.message.contains("get_weather") == true)
            #expect(server.received[1].messages.last?.content.contains("parley_action") == true, "the correction names the tool to call")
        }
    }
}

@Suite("LLM agent: the whole prompt on record")
struct RecordedPromptTests {
    /// The first request of a session records the system prompt whole; later ones do not repeat it, until the
    /// prompt changes (here: the server refuses structured outputs, and the schema moves into the prompt).
    @Test func theSystemPromptIsRecordedOnceAndAgainWhenItChanges() async throws {
        let server = ScriptedChatServer(responseFormats: ["json_object"], replies: [ResilienceTests.valid, ResilienceTests.valid])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url)
            _ = try await agent.respond(to: LLMSupport.view())
            let first = try #require(agent.lastDecision).attempts
            // json_schema refused (recorded with the first prompt), the tool call refused, then JSON mode with the schema in the prompt.
            #expect(first.count == 3)
            #expect(first[0].system != nil && first[1].system == nil)
            let changed = try #require(first[2].system)
            #expect(changed.contains("must match this JSON Schema") && changed == server.received.last?.messages.first?.content)
            _ = try await agent.respond(to: LLMSupport.view())
            #expect(agent.lastDecision?.attempts.allSatisfy { $0.system == nil } == true, "the next turn's prompt is the same: not repeated")
        }
    }
}

import Foundation
import ParleyAgents
import ParleyLLM
import ParleyProtocol
import ParleyTesting
import ScriptedChatServer
import Testing

@Suite("LLM agent: replies")
struct LLMAgentTests {
    @Test func aValidActionIsPlayedAndRecorded() async throws {
        let offer = try LLMSupport.terms(worth: 0.9)
        let server = ScriptedChatServer(apiKey: "sk-test-key", replies: [.content(LLMSupport.reply("offer", terms: offer, note: "A fair start."))])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url, apiKey: "sk-test-key")
            let action = try await agent.respond(to: LLMSupport.view())
            #expect(action == .offer(offer, note: "A fair start."))
            let trace = try #require(agent.lastDecision)
            #expect(trace.decidedBy == .model && trace.attempts.count == 1 && !trace.noteRedacted)
            let attempt = try #require(trace.attempts.first)
            #expect(attempt.status == 200 && attempt.rejection == nil)
            #expect(attempt.promptTokens == 120 && attempt.completionTokens == 30)
            #expect(attempt.reply?.contains("\"reasoning\":\"thinking\"") == true, "the raw reply, reasoning included, is recorded")
            #expect(attempt.asked.contains("Turn 1"))
            #expect(agent.tokensSpent == 150)

            let request = try #require(server.received.first)
            #expect(request.authorization == "Bearer sk-test-key")
            #expect(request.model == "test-model")
            #expect(request.messages.map(\.role) == ["system", "user"])
            #expect(request.messages[0].content.contains("price, weight 0.5: lower is better"), "the prompt states the principal's preferences")
            #expect(request.messages[0].content.contains("Walking away is worth 0.5"))
            #expect(request.responseFormatType == "json_schema")
            let properties = try #require(request.schema?["properties"] as? [String: Any])
            let terms = try #require((properties["terms"] as? [String: Any])?["anyOf"] as? [[String: Any]])
            let price = try #require((terms[0]["properties"] as? [String: Any])?["price"] as? [String: Any])
            #expect(price["minimum"] as? Int == 10000 && price["maximum"] as? Int == 19900)
            #expect(request.json["stream"] as? Bool == false && request.json["max_tokens"] as? Int == 400)
        }
    }

    @Test func invalidJSONIsSentBackWithTheReason() async throws {
        let offer = try LLMSupport.terms(worth: 0.8)
        let server = ScriptedChatServer(replies: [
            .content("Let's offer EUR 150 for 40 units."),
            .content("```json\n" + LLMSupport.reply("offer", terms: offer) + "\n```"),
        ])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url)
            let action = try await agent.respond(to: LLMSupport.view())
            #expect(action == .offer(offer), "a reply in a Markdown fence is read")
            let trace = try #require(agent.lastDecision)
            #expect(trace.decidedBy == .model)
            try #require(trace.attempts.map { $0.rejection?.code } == [LLMRejection.notAnAction, nil])
            let retry = server.received[1].messages
            #expect(retry.map(\.role) == ["system", "user", "assistant", "user"])
            #expect(retry[2].content == "Let's offer EUR 150 for 40 units.")
            #expect(retry[3].content.contains("holds no JSON object"))
        }
    }

    @Test func anActionOutsideTheRulesIsRefused() async throws {
        var outside = try LLMSupport.terms(worth: 0.9)
        outside.values["price"] = .integer(10050)
        let server = ScriptedChatServer(replies: [
            .content(LLMSupport.reply("accept")),
            .content(LLMSupport.reply("offer", terms: outside)),
            .content(LLMSupport.reply("haggle")),
        ])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url)
            let action = try await agent.respond(to: LLMSupport.view())
            let trace = try #require(agent.lastDecision)
            #expect(trace.attempts.map { $0.rejection?.code } == Array(repeating: LLMRejection.invalidAction, count: 3))
            #expect(trace.attempts.map { $0.rejection?.message } == [
                "there is no standing offer to accept", "the value of 'price' is outside its domain",
                "\"action\" must be \"offer\", \"accept\" or \"walkAway\", not \"haggle\"",
            ])
            #expect(trace.decidedBy == .fallback && trace.fallbackReason == "no acceptable reply in 3 attempts")
            #expect(action == .offer(try LLMSupport.terms(worth: 1)), "the fallback (boulware) opens with the best terms")
            #expect(server.received.count == 3)
        }
    }

    @Test func aReplyThatBreaksTheMandateIsRetriedThenReplaced() async throws {
        let bad = try LLMSupport.worstTerms()
        #expect(try LLMSupport.utility(of: bad) < 0.5)
        let server = ScriptedChatServer(replies: Array(repeating: .content(LLMSupport.reply("offer", terms: bad)), count: 2))
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url) { $0.maxAttempts = 2 }
            let action = try await agent.respond(to: LLMSupport.view())
            let trace = try #require(agent.lastDecision)
            try #require(trace.attempts.map { $0.rejection?.code } == [LLMRejection.outOfMandate, LLMRejection.outOfMandate])
            #expect(trace.decidedBy == .fallback)
            #expect(try LLMSupport.utility(of: try #require(action.offeredTerms)) >= 0.5)
            let correction = server.received[1].messages.last?.content ?? ""
            #expect(correction.contains("worth less to your principal than walking away"))
            #expect(!correction.contains("0.5") && !(trace.attempts[0].rejection?.message.contains("0.5") ?? true), "the reason quotes no private value")
        }
    }

    @Test func acceptingTermsBelowTheReservationIsRefused() async throws {
        let history = [
            TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .offer(try LLMSupport.terms(worth: 1)), elapsed: 0),
            TranscriptEntry(turn: 2, round: 1, by: .seller, action: .offer(try LLMSupport.worstTerms(for: .buyer)), elapsed: 0),
        ]
        let server = ScriptedChatServer(replies: [.content(LLMSupport.reply("accept")), .content(LLMSupport.reply("walkAway", note: "Too far apart."))])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url)
            let action = try await agent.respond(to: LLMSupport.view(history: history))
            #expect(action == .walkAway(note: "Too far apart."), "walking away is always within the mandate")
            try #require(agent.lastDecision?.attempts.map { $0.rejection?.code } == [LLMRejection.outOfMandate, nil])
            #expect(server.received[0].messages[1].content.contains("Standing offer from the seller"))
        }
    }

    @Test func aNoteThatRevealsTheLimitsIsWithheld() async throws {
        let offer = try LLMSupport.terms(worth: 0.9)
        let notes = [
            "My reservation value is 0.5, so meet me halfway.", "Honestly, my walk-away value is low.", "Anything under 50% of my utility is a no.",
            "A short message to the opponent, or null.", "Below fifty percent I stop.", "We are flexible on delivery.",
        ]
        let server = ScriptedChatServer(replies: notes.map { .content(LLMSupport.reply("offer", terms: offer, note: $0)) })
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url)
            var kept: [String?] = []
            var redacted: [Bool] = []
            for _ in notes {
                let action = try await agent.respond(to: LLMSupport.view())
                kept.append(action.note)
                redacted.append(agent.lastDecision?.noteRedacted ?? false)
                #expect(action.offeredTerms == offer, "the move stands; only the note goes")
            }
            #expect(kept == [nil, nil, nil, nil, nil, "We are flexible on delivery."])
            #expect(redacted == [true, true, true, true, true, false])
        }
    }

    @Test func aSpentTokenBudgetHandsTheMovesToTheFallback() async throws {
        let offer = try LLMSupport.terms(worth: 0.95)
        let server = ScriptedChatServer(replies: [.content(LLMSupport.reply("offer", terms: offer), promptTokens: 900, completionTokens: 200)])
        try await LLMSupport.withServer(server) { url in
            var agent = try LLMSupport.agent(url) { $0.tokenBudget = 1000 }
            _ = try await agent.respond(to: LLMSupport.view())
            #expect(agent.lastDecision?.decidedBy == .model && agent.tokensSpent == 1100)
            let history = [
                TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .offer(offer), elapsed: 0),
                TranscriptEntry(turn: 2, round: 1, by: .seller, action: .offer(try LLMSupport.terms(worth: 0.95, to: .seller)), elapsed: 0),
            ]
            let second = try await agent.respond(to: LLMSupport.view(history: history))
            let trace = try #require(agent.lastDecision)
            #expect(trace.decidedBy == .fallback && trace.attempts.isEmpty)
            #expect(trace.fallbackReason == "the session's token budget (1000 tokens) is spent")
            #expect(server.received.count == 1, "no request once the budget is spent")
            #expect(second.offeredTerms != nil)
        }
    }
}

import Foundation
import ParleyAgents
import ParleyAnalysis
import ParleyLLM
import ParleyProtocol
import ScriptedChatServer
import Testing

@Suite("A judge model scores each note for leaks and format before it is sent")
struct NoteJudgeTests {
    /// An agent on `negotiator` whose judge is `judge`, with the judge's prices.
    static func agent(_ negotiator: String, judge: String, withholdAbove: Double = 0.5) throws -> LLMAgent<ContinuousClock> {
        try LLMSupport.agent(negotiator) {
            $0.judge = JudgeConfiguration(baseURL: judge, model: "judge-model", withholdAbove: withholdAbove, prices: ModelPrices(prompt: 1, completion: 2))
        }
    }

    static func negotiator(note: String) throws -> ScriptedChatServer {
        ScriptedChatServer(replies: [.content(LLMSupport.reply("offer", terms: try LLMSupport.terms(worth: 0.9), note: note))])
    }

    @Test("A note the judge finds harmless is sent, with the judgement, its tokens and its cost on record")
    func aHarmlessNoteIsSent() async throws {
        let negotiator = try Self.negotiator(note: "We can move on delivery if you move on price.")
        let judge = ScriptedChatServer(replies: [.content(#"{"leak": 0.1, "format": 0.9, "reason": "ordinary haggling"}"#, promptTokens: 300, completionTokens: 20)])
        try await LLMSupport.withServer(negotiator) { url in
            try await LLMSupport.withServer(judge) { judgeURL in
                var agent = try Self.agent(url, judge: judgeURL)
                let action = try await agent.respond(to: LLMSupport.view())
                #expect(action.note == "We can move on delivery if you move on price.")
                let trace = try #require(agent.lastDecision)
                let judgement = try #require(trace.judgement)
                #expect(judgement.leak == 0.1 && judgement.format == 0.9 && judgement.reason == "ordinary haggling" && !judgement.withheld)
                #expect(!trace.noteRedacted)
                #expect(judgement.attempt.promptTokens == 300 && judgement.attempt.cost == 0.34)
                let request = try #require(judge.received.first)
                #expect(request.model == "judge-model" && request.responseFormatType == "json_schema")
                let system = request.messages.first?.content ?? ""
                #expect(system.contains("the walk-away value (reservation value): 0.5") && system.contains("the weight of price: 0.5"), "the judge knows the private facts")
                #expect(request.messages.last?.content == #"Message: "We can move on delivery if you move on price.""#)
                #expect(!judgement.attempt.asked.contains("walk-away"), "the recorded question is the note, not the private facts")
                let usage = try #require(ModelUsage(entries: [TranscriptEntry(turn: 1, round: 1, by: .buyer, action: action, elapsed: 0, trace: trace)], side: .buyer))
                #expect(usage.requests == 2 && usage.judgedNotes == 1 && usage.meanLeakScore == 0.1 && usage.meanFormatScore == 0.9)
            }
        }
    }

    @Test("A note the judge scores at or above the threshold is withheld, though the redactor let it pass")
    func aLeakingNoteIsWithheld() async throws {
        // Says the limit in a way the redactor cannot read as a number.
        let negotiator = try Self.negotiator(note: "Honestly, anything past the middle of your range breaks us.")
        let judge = ScriptedChatServer(replies: [.content(#"{"leak": 0.8, "format": 1, "reason": "hints at the price limit"}"#)])
        try await LLMSupport.withServer(negotiator) { url in
            try await LLMSupport.withServer(judge) { judgeURL in
                var agent = try Self.agent(url, judge: judgeURL, withholdAbove: 0.8)
                let action = try await agent.respond(to: LLMSupport.view())
                #expect(action.note == nil)
                #expect(action.offeredTerms == (try LLMSupport.terms(worth: 0.9)), "the move itself stands")
                #expect(agent.lastDecision?.noteRedacted == true && agent.lastDecision?.judgement?.withheld == true)
            }
        }
    }

    @Test("A judge that answers nonsense, out-of-range scores or an error leaves the note as the redactor did, and says why", arguments: [
        ScriptedChatServer.Reply.content("I think it is fine"), .content(#"{"leak": 7, "format": -1, "reason": "x"}"#),
        .error(status: 500, type: "server_error", message: "down"),
    ])
    func aFailingJudgeKeepsTheNote(reply: ScriptedChatServer.Reply) async throws {
        let negotiator = try Self.negotiator(note: "A fair offer.")
        let judge = ScriptedChatServer(replies: [reply])
        try await LLMSupport.withServer(negotiator) { url in
            try await LLMSupport.withServer(judge) { judgeURL in
                var agent = try Self.agent(url, judge: judgeURL)
                let action = try await agent.respond(to: LLMSupport.view())
                #expect(action.note == "A fair offer.")
                let judgement = try #require(agent.lastDecision?.judgement)
                #expect(judgement.leak == nil && judgement.format == nil && !judgement.withheld)
                #expect(judgement.attempt.rejection != nil)
            }
        }
    }

    @Test("A move without a note, or a note the redactor already withheld, is not sent to the judge")
    func onlyNotesAreJudged() async throws {
        let negotiator = ScriptedChatServer(replies: [
            .content(LLMSupport.reply("offer", terms: try LLMSupport.terms(worth: 0.9))),
            .content(LLMSupport.reply("offer", terms: try LLMSupport.terms(worth: 0.9), note: "Our reservation is 0.5.")),
        ])
        let judge = ScriptedChatServer(replies: [])
        try await LLMSupport.withServer(negotiator) { url in
            try await LLMSupport.withServer(judge) { judgeURL in
                var agent = try Self.agent(url, judge: judgeURL)
                _ = try await agent.respond(to: LLMSupport.view())
                #expect(agent.lastDecision?.judgement == nil)
                _ = try await agent.respond(to: LLMSupport.view())
                #expect(agent.lastDecision?.noteRedacted == true && agent.lastDecision?.judgement == nil)
                #expect(judge.received.isEmpty)
            }
        }
    }

    @Test("An agent file's judge is checked like the agent's own endpoint")
    func judgeSettingsAreChecked() {
        let configuration = LLMConfiguration(
            baseURL: "http://127.0.0.1:9", model: "m", judge: JudgeConfiguration(baseURL: "ftp://x", model: "", timeLimit: 0, withholdAbove: 2, maxTokens: 1)
        )
        let problems = configuration.problems()
        for expected in ["$.judge.baseURL", "$.judge.model", "$.judge.timeLimit", "$.judge.withholdAbove", "$.judge.maxTokens"] {
            #expect(problems.contains { $0.hasPrefix(expected) }, "\(expected) in \(problems)")
        }
    }
}

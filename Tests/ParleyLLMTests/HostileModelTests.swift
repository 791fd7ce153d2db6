import Foundation
import ParleyAgents
import ParleyLLM
import ParleyProtocol
import ParleyTesting
import PropertyBased
import ScriptedChatServer
import Testing

/// Model replies across the full range of every field an endpoint controls: status, `Retry-After`, token
/// counts, and the action it writes. Every turn ends in an action within the mandate, from the model or the
/// fallback; none may trap.
@Suite("Hostile model replies")
struct HostileModelTests {
    static let cases = 150

    @Test func everyReplyEndsInAnActionWithinTheMandate() async throws {
        let terms = try String(decoding: WireCodec().encode(LLMSupport.terms(worth: 0.9)), as: UTF8.self)
        let server = ScriptedChatServer { request, index in
            var values = HostileValues(seed: UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            return Self.reply(&values, legalTerms: terms)
        }
        try await LLMSupport.withServer(server) { url in
            let profile = try #require(LLMSupport.file.profile(for: .buyer))
            let utility = try UtilityFunction(profile: profile, scenario: LLMSupport.file.scenario)
            await propertyCheck(count: Self.cases, input: Gen.int(in: 0...1)) { _ in
                var agent = try LLMSupport.agent(url, clock: ImmediateClock()) { $0.maxRetries = 1; $0.maxAttempts = 2; $0.tokenBudget = 1 << 50 }
                let action = try await agent.respond(to: LLMSupport.view())
                if let offered = action.offeredTerms {
                    #expect((utility.utility(of: offered) ?? -1) >= profile.reservation)
                }
                #expect(agent.tokensSpent >= 0)
            }
        }
    }

    /// A reply: an error status with a hostile `Retry-After`, or a completion with hostile token counts and an
    /// action that is legal, out of domain, or not an action.
    static func reply(_ values: inout HostileValues, legalTerms: String) -> ScriptedChatServer.Reply {
        if values.chance(0.3) {
            return .error(status: values.pick([429, 500, 503]), type: "rate_limit_exceeded", message: "slow down", retryAfter: values.pick(HostileValues.edgeNumbers))
        }
        let kind = values.hostile() ? "counter" : values.pick(["offer", "offer", "offer", "accept", "walkAway"])
        let terms = values.hostile() ? "{\"price\": \(values.integerText(usual: 0...20_000))}" : legalTerms
        let note = values.chance(0.3) ? HostileValues.quoted(values.name("a note")) : "null"
        let content = "{\"reasoning\": \"r\", \"action\": \"\(kind)\", \"terms\": \(terms), \"note\": \(note)}"
        let counts = (0..<3).map { _ in values.integerText(usual: 0...2_000) }
        let body = """
            {"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "message": {"role": "assistant", \
            "content": \(HostileValues.quoted(content))}, "finish_reason": "stop"}], "usage": {"prompt_tokens": \(counts[0]), \
            "completion_tokens": \(counts[1]), "total_tokens": \(counts[2])}}
            """
        return .raw(status: 200, body: body, contentType: "application/json")
    }
}

@testable import ParleyLLM
import Testing

@Suite("The LLM turn policy: when to ask again, wait, simplify the format, or let the fallback move")
struct LLMTurnPolicyTests {
    static func policy(maxAttempts: Int = 3, maxRetries: Int = 2, tokenBudget: Int? = nil, format: LLMConfiguration.ResponseFormat = .auto) -> LLMTurnPolicy {
        let configuration = LLMConfiguration(
            baseURL: "http://127.0.0.1:9", model: "m", maxAttempts: maxAttempts, maxRetries: maxRetries, tokenBudget: tokenBudget, responseFormat: format
        )
        return LLMTurnPolicy(configuration: configuration, timeLimit: .seconds(30))
    }

    @Test("Refused replies are asked again until the attempts run out")
    func attempts() {
        var policy = Self.policy(maxAttempts: 3)
        #expect(policy.beforeAsking(tokensSpent: 0, timeLeft: .seconds(30)) == .ask)
        #expect(policy.afterRefusedReply(tokensSpent: 0) == .ask)
        #expect(policy.afterRefusedReply(tokensSpent: 0) == .ask)
        #expect(policy.afterRefusedReply(tokensSpent: 0) == .fallBack("no acceptable reply in 3 attempts"))
    }

    @Test("A spent token budget or too little time stops the asking")
    func budgetAndTime() {
        var policy = Self.policy(tokenBudget: 100)
        #expect(policy.beforeAsking(tokensSpent: 100, timeLeft: .seconds(30)) == .fallBack("the session's token budget (100 tokens) is spent"))
        #expect(policy.afterRefusedReply(tokensSpent: 150) == .fallBack("the session's token budget (100 tokens) is spent"))
        #expect(policy.beforeAsking(tokensSpent: 0, timeLeft: .milliseconds(10)) == .fallBack("no acceptable reply within the turn's 30.0 seconds"))
        #expect(policy.beforeAsking(tokensSpent: 99, timeLeft: .milliseconds(11)) == .ask)
    }

    @Test("429 and 5xx are retried after Retry-After or an exponential backoff, within the retries and the time")
    func retries() {
        var policy = Self.policy(maxRetries: 2)
        #expect(policy.afterStatus(503, retryAfter: nil, format: .auto, timeLeft: .seconds(30)) == .retry(after: .milliseconds(500)))
        #expect(policy.afterStatus(429, retryAfter: .seconds(2), format: .auto, timeLeft: .seconds(30)) == .retry(after: .seconds(2)))
        #expect(policy.afterStatus(500, retryAfter: nil, format: .auto, timeLeft: .seconds(30)) == .fallBack("the endpoint answered HTTP 500 after 2 retries"))
        var short = Self.policy()
        #expect(short.afterStatus(429, retryAfter: .seconds(5), format: .auto, timeLeft: .seconds(5)) == .fallBack("the endpoint asked to wait 5.0 seconds, past the turn's time"))
        #expect((1...7).map(LLMTurnPolicy.backoff(retry:)) == [0.5, 1, 2, 4, 8, 8, 8].map { Duration.milliseconds(Int64($0 * 1000)) })
    }

    @Test("In auto mode a 400 or 422 steps down the response formats; otherwise it is a refusal")
    func formats() {
        var auto = Self.policy(format: .auto)
        #expect(auto.afterStatus(400, retryAfter: nil, format: .auto, timeLeft: .seconds(30)) == .simplify(to: .toolCall))
        #expect(auto.afterStatus(400, retryAfter: nil, format: .toolCall, timeLeft: .seconds(30)) == .simplify(to: .jsonObject))
        #expect(auto.afterStatus(422, retryAfter: nil, format: .jsonObject, timeLeft: .seconds(30)) == .simplify(to: .prompt))
        #expect(auto.afterStatus(400, retryAfter: nil, format: .prompt, timeLeft: .seconds(30)) == .fallBack("the endpoint refused the request with HTTP 400"))
        var fixed = Self.policy(format: .jsonSchema)
        #expect(fixed.afterStatus(400, retryAfter: nil, format: .jsonSchema, timeLeft: .seconds(30)) == .fallBack("the endpoint refused the request with HTTP 400"))
        #expect(fixed.afterStatus(401, retryAfter: nil, format: .jsonSchema, timeLeft: .seconds(30)) == .fallBack("the endpoint refused the request with HTTP 401"))
        #expect(fixed.afterTimeout() == .fallBack("the model did not answer within the turn's 30.0 seconds"))
        #expect(fixed.afterUnreachable() == .fallBack("the endpoint could not be reached"))
    }
}

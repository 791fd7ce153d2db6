import ParleyProtocol

extension DecisionAttempt {
    /// Records a completion's answer on the attempt: status 200, the tokens the endpoint reported, and their cost at
    /// `prices` (none when no tokens were reported: no cost is invented).
    mutating func record(_ usage: ChatCompletions.Response.Usage?, prices: ModelPrices?) {
        status = 200
        promptTokens = usage?.promptTokens
        completionTokens = usage?.completionTokens
        if let prices, promptTokens != nil || completionTokens != nil {
            cost = prices.cost(promptTokens: promptTokens ?? 0, completionTokens: completionTokens ?? 0)
        }
    }
}

public import ParleyProtocol

/// Scenarios generated at any size, for scaling tests and benchmarks.
public enum SyntheticScenarios {
    /// A supply deal shaped like the reference scenario (price, quantity, delivery days; the same weights and
    /// directions) with `prices × 1,000` outcomes: `prices` price points from EUR 0.00 in steps of EUR 1.00,
    /// quantity 1 to 100, delivery 1 to 10 days. `supply(prices: 1000)` has a million outcomes.
    public static func supply(prices: Int) -> ScenarioFile {
        let scenario = Scenario(
            id: "synthetic-supply-\(prices)", name: "Synthetic supply deal",
            issues: [
                Issue(name: "price", domain: .money(Currency(rawValue: "EUR"), SteppedRange(min: 0, max: Int64(prices - 1) * 100, step: 100))),
                Issue(name: "quantity", domain: .integer(SteppedRange(min: 1, max: 100))),
                Issue(name: "delivery_days", domain: .integer(SteppedRange(min: 1, max: 10))),
            ],
            opener: .buyer, deadline: Deadline(rounds: 100)
        )
        let buyer = Profile(reservation: 0, issues: [
            "price": .init(weight: 0.5, value: .linear(.decreasing)),
            "quantity": .init(weight: 0.3, value: .linear(.increasing)),
            "delivery_days": .init(weight: 0.2, value: .linear(.decreasing)),
        ])
        let seller = Profile(reservation: 0, issues: [
            "price": .init(weight: 0.6, value: .linear(.increasing)),
            "quantity": .init(weight: 0.1, value: .linear(.increasing)),
            "delivery_days": .init(weight: 0.3, value: .linear(.increasing)),
        ])
        return ScenarioFile(scenario: scenario, profiles: [.buyer: buyer, .seller: seller])
    }
}

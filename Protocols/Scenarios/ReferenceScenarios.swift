
/// The reference scenario written out in Swift, and larger scenarios of the same shape for scaling tests and
/// benchmarks. Tests check that `Examples/Scenarios/reference-supply.json` equals ``reference``.
public enum ReferenceScenarios {
    /// The reference supply deal exactly as specified: price EUR 100.00–199.00 in steps of 1.00, quantity 10–100
    /// in steps of 10, delivery 1–10 days; the buyer opens; 100 rounds; both reservation values 0.
    public static let reference: ScenarioFile = {
        let scenario = Scenario(
            id: "reference-supply", name: "Reference supply deal",
            issues: [
                Issue(name: "price", domain: .money(Currency(rawValue: "EUR"), SteppedRange(min: 10000, max: 19900, step: 100))),
                Issue(name: "quantity", domain: .integer(SteppedRange(min: 10, max: 100, step: 10))),
                Issue(name: "delivery_days", domain: .integer(SteppedRange(min: 1, max: 10, step: 1))),
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
    }()

    /// The reference scenario's issues and profiles with `prices × 1,000` outcomes: `prices` price points from
    /// EUR 0.00 in steps of EUR 1.00, quantity 1 to 100, delivery 1 to 10 days. `supply(prices: 1000)` has a
    /// million outcomes.
    public static func supply(prices: Int) -> ScenarioFile {
        var file = reference
        file.scenario.id = "synthetic-supply-\(prices)"
        file.scenario.name = "Synthetic supply deal"
        file.scenario.issues = [
            Issue(name: "price", domain: .money(Currency(rawValue: "EUR"), SteppedRange(min: 0, max: Int64(prices - 1) * 100, step: 100))),
            Issue(name: "quantity", domain: .integer(SteppedRange(min: 1, max: 100))),
            Issue(name: "delivery_days", domain: .integer(SteppedRange(min: 1, max: 10))),
        ]
        return file
    }
}

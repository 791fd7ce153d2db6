public import ParleyProtocol

/// Scenarios the conformance suite plays beyond the reference one.
public enum ConformanceScenarios {
    /// A service contract with every kind of issue and value function: money, an options issue with table
    /// values, an integer issue with piecewise values; the seller opens; 30 rounds; reservation values above 0.
    public static let services: ScenarioFile = {
        let scenario = Scenario(
            id: "conformance-services", name: "Service contract (conformance)",
            issues: [
                Issue(name: "monthly_fee", domain: .money(Currency(rawValue: "USD"), SteppedRange(min: 200_000, max: 500_000, step: 10_000))),
                Issue(name: "payment_terms", domain: .options(["prepaid", "net30", "net60"])),
                Issue(name: "support_hours", domain: .integer(SteppedRange(min: 8, max: 24, step: 4))),
            ],
            opener: .seller, deadline: Deadline(rounds: 30)
        )
        let buyer = Profile(reservation: 0.2, issues: [
            "monthly_fee": .init(weight: 0.5, value: .linear(.decreasing)),
            "payment_terms": .init(weight: 0.2, value: .table(["prepaid": 0, "net30": 0.6, "net60": 1])),
            "support_hours": .init(weight: 0.3, value: .piecewise([.init(at: 8, value: 0), .init(at: 16, value: 0.8), .init(at: 24, value: 1)])),
        ])
        let seller = Profile(reservation: 0.2, issues: [
            "monthly_fee": .init(weight: 0.6, value: .linear(.increasing)),
            "payment_terms": .init(weight: 0.25, value: .table(["prepaid": 1, "net30": 0.7, "net60": 0.2])),
            "support_hours": .init(weight: 0.15, value: .linear(.decreasing)),
        ])
        return ScenarioFile(scenario: scenario, profiles: [.buyer: buyer, .seller: seller])
    }()
}

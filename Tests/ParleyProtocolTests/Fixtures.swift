import Foundation
import ParleyProtocol

/// Scenarios the protocol tests share, written out in Swift so the tests do not depend on example files.
enum Fixtures {
    /// The reference scenario exactly as the core issue specifies it.
    static let reference: ScenarioFile = {
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

    /// Terms of the reference scenario.
    static func terms(price: Int64, quantity: Int64, days: Int64) -> Terms {
        ["price": .integer(price), "quantity": .integer(quantity), "delivery_days": .integer(days)]
    }

    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Reads a file of the repository.
    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: repository.appendingPathComponent(path))
    }
}

public import Foundation
public import ParleyProtocol

/// Reads two GeniusWeb profiles (`LinearAdditiveUtilitySpace` JSON, each holding its domain) into a Parley scenario
/// file. Which profile is the buyer's is the caller's choice; both must be on the same domain.
///
/// What maps, and how:
/// - A discrete issue (`"values": […]`) becomes an issue with options; `discreteutils` gives each its value.
/// - A number issue (`"range": [min, max, step]`) with whole numbers becomes an integer issue (up to the last value
///   the step reaches); `numberutils` (`lowValue`, `lowUtility`, `highValue`, `highUtility`) becomes a
///   piecewise-linear value function, held at the end utilities beyond the two values. A range with fractions
///   becomes options named by their values.
/// - `issueWeights` are the weights (renormalized with a warning within ``GeniusImport/weightTolerance`` of 1);
///   the reservation value is the utility of `reservationBid`, or 0 without one.
/// - Other utility spaces (sums of groups, discounted, ranking-based) are errors that name them. Issues are taken
///   in the order of their names, since JSON objects have no order.
public struct GeniusWebImport: Sendable {
    /// The deadline of the imported scenario, in rounds (profiles state none).
    public var rounds: Int

    /// An importer.
    public init(rounds: Int = 100) {
        self.rounds = rounds
    }

    /// Reads both profiles and converts them.
    public func read(buyer: String, seller: String) throws(ScenarioLoader.Failure) -> GeniusImport.Imported {
        try convert(buyer: (buyer, try ScenarioLoader.contents(of: buyer)), seller: (seller, try ScenarioLoader.contents(of: seller)))
    }

    /// Converts two profiles, each given with the name messages use for it.
    public func convert(buyer: (name: String, data: Data), seller: (name: String, data: Data)) throws(ScenarioLoader.Failure) -> GeniusImport.Imported {
        var warnings: [String] = []
        let buyerSpace = try GeniusWebProfile(buyer.name, buyer.data)
        let sellerSpace = try GeniusWebProfile(seller.name, seller.data)
        guard buyerSpace.domain == sellerSpace.domain else {
            throw ScenarioLoader.Failure(file: seller.name, problems: [
                .init(path: "$.LinearAdditiveUtilitySpace.domain", code: "different_domains", message: "the seller's profile is on another domain than the buyer's"),
            ])
        }
        let issues = buyerSpace.domain.issues
        let id = GeniusImport.identifier(fromFileName: buyerSpace.domain.name.isEmpty ? buyer.name : buyerSpace.domain.name + ".json")
        let scenario = Scenario(
            id: id, name: buyerSpace.domain.name.isEmpty ? id : buyerSpace.domain.name, issues: issues.map(\.issue), opener: .buyer,
            deadline: Deadline(rounds: rounds)
        )
        let profiles = try [buyerSpace, sellerSpace].map { space throws(ScenarioLoader.Failure) in try space.profile(on: scenario, warnings: &warnings) }
        let file = ScenarioFile(scenario: scenario, profiles: [.buyer: profiles[0], .seller: profiles[1]])
        let problems = file.validate()
        guard problems.isEmpty else { throw ScenarioLoader.Failure(file: buyer.name, problems: problems) }
        return GeniusImport.Imported(file: file, warnings: warnings)
    }
}

import Foundation
import ParleyFormats
import ParleyProtocol
import Testing

/// Two GeniusWeb profiles written by the team (`Examples/GeniusWeb`): a discrete issue, two whole-number ranges and
/// one with fractions; the buyer has a reservation bid.
@Suite("GeniusWeb import")
struct GeniusWebImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/GeniusWeb").standardized
    static let buyer = (try? String(contentsOf: folder.appendingPathComponent("meeting_room_buyer.json"), encoding: .utf8)) ?? ""
    static let seller = (try? String(contentsOf: folder.appendingPathComponent("meeting_room_seller.json"), encoding: .utf8)) ?? ""

    static func convert(buyer: String = buyer, seller: String = seller) throws(ScenarioLoader.Failure) -> GeniusImport.Imported {
        try GeniusWebImport(rounds: 30).convert(buyer: ("b.json", Data(buyer.utf8)), seller: ("s.json", Data(seller.utf8)))
    }

    @Test func issuesInNameOrderAndTheReservationFromTheBid() throws {
        let file = try Self.convert().file
        #expect(file.scenario.id == "meeting-room" && file.scenario.deadline.rounds == 30)
        #expect(file.scenario.issues.map(\.name) == ["catering", "deposit_share", "hours", "price_per_hour"])
        #expect(file.scenario.issues[1].domain == .options(["0", "0.25", "0.5"]))
        #expect(file.scenario.issues[2].domain == .integer(SteppedRange(min: 2, max: 8)))
        #expect(file.scenario.issues[3].domain == .integer(SteppedRange(min: 100, max: 300, step: 50)))
        // The buyer's reservation bid (none, 0.5, 2 hours, 300): 0.2 × 0.2 and nothing else.
        #expect(abs((file.profile(for: .buyer)?.reservation ?? -1) - 0.04) < 1e-12)
        #expect(file.profile(for: .seller)?.reservation == 0)
    }

    @Test(arguments: [
        // Buyer: catering 0.2/0.6/1; hours 0 at 2 → 1 at 6, held at 1 beyond; price 1 at 100 → 0 at 300; deposit 1 → 0.
        (Role.buyer, "coffee", "0.25", 7 as Int64, 150 as Int64, 0.2 * 0.6 + 0.1 * 0.5 + 0.3 * 1 + 0.4 * 0.75),
        (Role.buyer, "lunch", "0", 4, 300, 0.2 * 1 + 0.1 * 1 + 0.3 * 0.5 + 0.4 * 0),
        // Seller: catering 0.5/1/0.3; hours 0.2 at 2 → 1 at 8; price 0 → 1; deposit 0 → 1.
        (Role.seller, "coffee", "0.25", 7, 150, 0.1 * 1 + 0.1 * 0.5 + 0.2 * (0.2 + 5.0 / 6 * 0.8) + 0.6 * 0.25),
    ])
    func utilitiesMatchHandComputation(role: Role, catering: String, deposit: String, hours: Int64, price: Int64, expected: Double) throws {
        let file = try Self.convert().file
        let utility = try UtilityFunction(profile: try #require(file.profile(for: role)), scenario: file.scenario)
        let terms: Terms = ["catering": .option(catering), "deposit_share": .option(deposit), "hours": .integer(hours), "price_per_hour": .integer(price)]
        #expect(abs((utility.utility(of: terms) ?? -1) - expected) < 1e-12)
    }

    @Test func whatCannotBeReadIsNamed() {
        let other = firstProblem { () throws(ScenarioLoader.Failure) in
            try Self.convert(seller: Self.seller.replacingOccurrences(of: #""lunch"]"#, with: #""dinner"]"#))
        }
        #expect(other?.code == "different_domains")
        let groups = firstProblem { () throws(ScenarioLoader.Failure) in
            try Self.convert(buyer: Self.buyer.replacingOccurrences(of: "LinearAdditiveUtilitySpace", with: "SumOfGroupsUtilitySpace"))
        }
        #expect(groups?.code == "unsupported_construct")
        #expect(groups?.message.contains("SumOfGroupsUtilitySpace") == true)
        let bid = firstProblem { () throws(ScenarioLoader.Failure) in
            try Self.convert(buyer: Self.buyer.replacingOccurrences(of: #""catering": "none", "hours""#, with: #""catering": "tea", "hours""#))
        }
        #expect(bid?.code == "invalid_reservation_bid")
        let weights = firstProblem { () throws(ScenarioLoader.Failure) in
            try Self.convert(seller: Self.seller.replacingOccurrences(of: #""catering": 0.1,"#, with: #""catering": 0.3,"#))
        }
        #expect(weights?.code == "weights_not_normalized")
        let malformed = firstProblem { () throws(ScenarioLoader.Failure) in try Self.convert(buyer: "{not json") }
        #expect(malformed?.code == "malformed_json")
    }
}

import Foundation
import ParleyFormats
import ParleyProtocol
import Testing

/// A small scenario written by the team in GENIUS's format (`Examples/Genius`): a discrete, an integer and a real
/// issue. The buyer's weights sum to 1.00005 (renormalized), with a discount factor and reservation 0.25; the
/// seller has a clamped integer evaluator (0.5 + 0.2 × (v − 10), 1 from 12.5 on) and a constant one.
enum OfficeChairs {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/Genius").standardized

    static func file(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    static let domain = file("office_chairs_domain.xml")

    static let buyer = file("office_chairs_buyer.xml")

    static let seller = file("office_chairs_seller.xml")

    static func convert(domain: String = domain, buyer: String = buyer, seller: String = seller) throws(ScenarioLoader.Failure) -> GeniusImport.Imported {
        try GeniusImport(rounds: 60, realSteps: 4).convert(
            domain: ("office_chairs_domain.xml", Data(domain.utf8)), buyer: ("buyer.xml", Data(buyer.utf8)), seller: ("seller.xml", Data(seller.utf8))
        )
    }
}

/// The first problem an import reports, or `nil` when it succeeds.
func firstProblem(_ body: () throws(ScenarioLoader.Failure) -> GeniusImport.Imported) -> ValidationProblem? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.problems.first
    }
}

@Suite("GENIUS import")
struct GeniusImportTests {
    @Test func issuesProfilesAndWarnings() throws {
        let imported = try OfficeChairs.convert()
        let scenario = imported.file.scenario
        #expect(scenario.id == "office-chairs")
        #expect(scenario.name == "Office chairs")
        #expect(scenario.deadline.rounds == 60)
        #expect(scenario.issues.map(\.name) == ["Colour", "Quantity", "Delivery"])
        #expect(scenario.issues[0].domain == .options(["black", "grey", "red"]))
        #expect(scenario.issues[1].domain == .integer(SteppedRange(min: 10, max: 20)))
        #expect(scenario.issues[2].domain == .options(["1", "1.5", "2", "2.5", "3"]))
        #expect(OutcomeSpace(scenario)?.count == 3 * 11 * 5)
        #expect(imported.file.profile(for: .buyer)?.reservation == 0.25)
        #expect(imported.file.profile(for: .seller)?.reservation == 0.1)
        // The buyer's discount factor is kept; the seller's file has none.
        #expect(imported.file.profile(for: .buyer)?.discount == 0.9)
        #expect(imported.file.profile(for: .seller)?.discount == nil)
        #expect(imported.warnings.count == 1)
        #expect(imported.warnings.contains { $0.contains("buyer.xml") && $0.contains("renormalized") })
        // The seller's clamped line is exact at every value: bends between 12 and 13.
        #expect(imported.file.profile(for: .seller)?.issues["Quantity"]?.value == .piecewise([
            .init(at: 10, value: 0.5), .init(at: 12, value: 0.5 + 0.2 * 2), .init(at: 13, value: 1), .init(at: 20, value: 1),
        ]))
        #expect(imported.file.profile(for: .buyer)?.issues["Quantity"]?.value == .linear(.increasing))
    }

    /// Utilities worked out by hand from the files.
    @Test(arguments: [
        // Buyer: colour 4/4, 2/4, 1/4; quantity 0.1 × (v − 10); delivery 1.5 − 0.5 × d; weights ÷ 1.00005.
        ("black", 12, "1.5", Role.buyer, (0.5 * 1 + 0.3 * 0.2 + 0.20005 * 0.75) / 1.00005),
        ("red", 20, "3", Role.buyer, (0.5 * 0.25 + 0.3 * 1 + 0.20005 * 0) / 1.00005),
        // Seller: colour 1/3, 3/3, 3/3; quantity min(1, 0.5 + 0.2 × (v − 10)); delivery 0.6.
        ("black", 12, "1.5", Role.seller, 0.4 / 3 + 0.4 * 0.9 + 0.2 * 0.6),
        ("red", 11, "3", Role.seller, 0.4 * 1 + 0.4 * 0.7 + 0.2 * 0.6),
        ("grey", 17, "2", Role.seller, 0.4 * 1 + 0.4 * 1 + 0.2 * 0.6),
    ])
    func utilitiesMatchHandComputation(colour: String, quantity: Int64, delivery: String, role: Role, expected: Double) throws {
        let imported = try OfficeChairs.convert()
        let profile = try #require(imported.file.profile(for: role))
        let utility = try UtilityFunction(profile: profile, scenario: imported.file.scenario)
        let terms: Terms = ["Colour": .option(colour), "Quantity": .integer(quantity), "Delivery": .option(delivery)]
        let value = try #require(utility.utility(of: terms))
        #expect(abs(value - expected) < 1e-12)
    }

    /// GENIUS reads a discount factor outside (0, 1] as none; so does the import, and it says so. 1 means none too.
    @Test(arguments: [("0", true), ("1.5", true), ("-0.2", true), ("1", false), ("1.0", false)])
    func aDiscountFactorOutsideZeroToOneMeansNone(factor: String, warned: Bool) throws {
        let buyer = OfficeChairs.buyer.replacingOccurrences(of: #"<discount_factor value="0.9"/>"#, with: #"<discount_factor value="\#(factor)"/>"#)
        #expect(buyer != OfficeChairs.buyer)
        let imported = try OfficeChairs.convert(buyer: buyer)
        #expect(imported.file.profile(for: .buyer)?.discount == nil)
        #expect(imported.warnings.contains { $0.contains("outside (0, 1]") } == warned)
    }

    @Test func constructsParleyCannotRepresentAreNamed() {
        let nonlinear = firstProblem { () throws(ScenarioLoader.Failure) in
            try OfficeChairs.convert(buyer: OfficeChairs.buyer.replacingOccurrences(of: #"type="linear""#, with: #"type="nonlinear""#))
        }
        #expect(nonlinear?.code == "unsupported_construct")
        #expect(nonlinear?.message.contains("nonlinear") == true)

        let triangular = firstProblem { () throws(ScenarioLoader.Failure) in
            try OfficeChairs.convert(seller: OfficeChairs.seller.replacingOccurrences(of: #"ftype="constant""#, with: #"ftype="triangular""#))
        }
        #expect(triangular?.code == "unsupported_construct")
        #expect(triangular?.message.contains("triangular") == true && triangular?.message.contains("Delivery") == true)

        let nested = firstProblem { () throws(ScenarioLoader.Failure) in
            try OfficeChairs.convert(domain: OfficeChairs.domain.replacingOccurrences(
                of: #"<issue index="2""#, with: #"<objective index="9" name="Sub"/><issue index="2""#
            ))
        }
        #expect(nested?.code == "unsupported_construct")
        #expect(nested?.message.contains("nested objectives") == true)
    }

    @Test func badFilesGetClearProblems() {
        let malformed = firstProblem { () throws(ScenarioLoader.Failure) in try OfficeChairs.convert(domain: "<negotiation_template><utility_space>") }
        #expect(malformed?.code == "malformed_xml")

        let weights = firstProblem { () throws(ScenarioLoader.Failure) in
            try OfficeChairs.convert(seller: OfficeChairs.seller.replacingOccurrences(of: #"<weight index="3" value="0.2"/>"#, with: #"<weight index="3" value="0.1"/>"#))
        }
        #expect(weights?.code == "weights_not_normalized")

        let unknown = firstProblem { () throws(ScenarioLoader.Failure) in
            try OfficeChairs.convert(seller: OfficeChairs.seller.replacingOccurrences(of: #"value="red" evaluation="3""#, with: #"value="blue" evaluation="3""#))
        }
        #expect(unknown?.code == "unknown_value")
        #expect(unknown?.path.contains("line") == true)

        let missingWeight = firstProblem { () throws(ScenarioLoader.Failure) in
            try OfficeChairs.convert(buyer: OfficeChairs.buyer.replacingOccurrences(of: #"<weight index="2" value="0.3"/>"#, with: ""))
        }
        #expect(missingWeight?.code == "missing_weight")
        #expect(missingWeight?.message.contains("Quantity") == true)

        let notGenius = firstProblem { () throws(ScenarioLoader.Failure) in try OfficeChairs.convert(domain: #"<scenario id="x"/>"#) }
        #expect(notGenius?.code == "not_genius")
    }
}

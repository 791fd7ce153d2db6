import Foundation
import ParleyFormats
import ParleyProtocol
import Testing

@Suite("GENIUS export")
struct GeniusExportTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/Scenarios").standardized

    /// Exports and imports again.
    static func roundTrip(_ file: ScenarioFile, rounds: Int = 100) throws(ScenarioLoader.Failure) -> ScenarioFile {
        let exported = try GeniusExport.export(file, name: "x.json")
        return try GeniusImport(rounds: rounds).convert(
            domain: ("x_domain.xml", Data(exported.domain.utf8)), buyer: ("x_buyer.xml", Data(exported.buyer.utf8)), seller: ("x_seller.xml", Data(exported.seller.utf8))
        ).file
    }

    /// Every outcome's utility for both sides, in ordinal order.
    static func utilities(_ file: ScenarioFile) throws -> [[Double]] {
        let space = try #require(OutcomeSpace(file.scenario))
        return try Role.allCases.map { role in
            try UtilityFunction(profile: try #require(file.profile(for: role)), scenario: file.scenario).utilities(over: space)
        }
    }

    @Test(arguments: ["reference-supply.json", "industrial-components.json"])
    func aRoundTripKeepsEveryUtilityExactly(name: String) throws {
        let original = try ScenarioLoader().load(Self.examples.appendingPathComponent(name).path)
        let back = try Self.roundTrip(original)
        #expect(back.scenario.issues.map(\.name) == original.scenario.issues.map(\.name))
        #expect(back.scenario.issues.map(\.domain.count) == original.scenario.issues.map(\.domain.count))
        let (before, after) = (try Self.utilities(original), try Self.utilities(back))
        #expect(after == before)
        #expect(back.profiles.mapValues(\.reservation) == original.profiles.mapValues(\.reservation))
        // A whole-number issue stepping by 1 with linear values on both sides stays an integer issue.
        if name == "reference-supply.json" { #expect(back.scenario.issues[2].domain == .integer(SteppedRange(min: 1, max: 10))) }
    }

    /// The team's GENIUS files, with the seller's constant delivery evaluator made linear: a constant below 1
    /// is one of the things GENIUS's discrete issues cannot hold (the next test).
    @Test func aGeniusScenarioSurvivesImportExportImport() throws {
        let seller = OfficeChairs.seller.replacingOccurrences(of: #"ftype="constant" parameter0="0.6""#, with: #"ftype="linear" parameter0="-0.5" parameter1="0.5""#)
        let first = try OfficeChairs.convert(seller: seller).file
        let second = try Self.roundTrip(first, rounds: 60)
        let (before, after) = (try Self.utilities(first), try Self.utilities(second))
        #expect(after == before)
        #expect(second.scenario.issues.map(\.name) == ["Colour", "Quantity", "Delivery"])
        #expect(second.profiles.mapValues(\.reservation) == first.profiles.mapValues(\.reservation))
        // The buyer's discount factor goes out and comes back; the seller still has none.
        #expect(first.profiles[.buyer]?.discount == 0.9)
        #expect(second.profiles.mapValues(\.discount) == first.profiles.mapValues(\.discount))
    }

    @Test func aConstantBelowOneCannotBeWrittenExactly() throws {
        let imported = try OfficeChairs.convert().file
        #expect {
            _ = try GeniusExport.export(imported, name: "office.json")
        } throws: { error in
            (error as? ScenarioLoader.Failure)?.problems.first?.path == "$.profiles.seller.issues.Delivery"
        }
    }

    @Test func namesWithMarkupAreEscapedAndReadBack() throws {
        let names = [#"a & b"#, #"<tag>"#, #"quote " and ' apostrophe"#, "semi;colon ü €"]
        let scenario = Scenario(id: "marks", name: #"Marks & "quotes""#, issues: [Issue(name: #"terms <&>"#, domain: .options(names))], opener: .buyer, deadline: Deadline(rounds: 5))
        func profile(_ values: [Double]) -> Profile {
            Profile(reservation: 0, issues: [#"terms <&>"#: .init(weight: 1, value: .table(Dictionary(uniqueKeysWithValues: zip(names, values))))])
        }
        let file = ScenarioFile(scenario: scenario, profiles: [.buyer: profile([1, 0.5, 0.25, 0]), .seller: profile([0, 0.3, 0.6, 1])])
        let back = try Self.roundTrip(file)
        #expect(back.scenario.name == scenario.name)
        #expect(back.scenario.issues == scenario.issues)
        let (before, after) = (try Self.utilities(file), try Self.utilities(back))
        #expect(after == before)
    }

    @Test func valuesGeniusWouldRescaleAreAnErrorNamingTheIssue() throws {
        var file = try ScenarioLoader().load(Self.examples.appendingPathComponent("industrial-components.json").path)
        file.profiles[.seller]?.issues["payment_terms"]?.value = .table(["prepaid": 0.8, "net30": 0.5, "net60": 0.2])
        #expect {
            _ = try GeniusExport.export(file, name: "x.json")
        } throws: { error in
            let problem = (error as? ScenarioLoader.Failure)?.problems.first
            return problem?.code == "not_representable" && problem?.path == "$.profiles.seller.issues.payment_terms"
        }
    }
}

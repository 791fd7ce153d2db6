import Foundation
import ParleyFormats
import ParleyProtocol
import Testing

@Suite("GeniusWeb export")
struct GeniusWebExportTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/Scenarios").standardized

    static func example(_ name: String) throws -> ScenarioFile {
        try ScenarioLoader().load(examples.appendingPathComponent(name).path)
    }

    /// Exports and imports again.
    static func roundTrip(_ file: ScenarioFile) throws(ScenarioLoader.Failure) -> (file: ScenarioFile, warnings: [String]) {
        let exported = try GeniusWebExport.export(file, name: "x.json")
        let back = try GeniusWebImport(rounds: 100).convert(buyer: ("x_buyer.json", Data(exported.buyer.utf8)), seller: ("x_seller.json", Data(exported.seller.utf8)))
        return (back.file, exported.warnings + back.warnings)
    }

    /// An outcome of the original scenario as terms of the imported one: numbers written as discrete values come
    /// back as options named by the number.
    static func translate(_ terms: Terms, to scenario: Scenario) -> Terms {
        var values: [String: TermValue] = [:]
        for issue in scenario.issues {
            switch (terms[issue.name], issue.domain) {
            case (.integer(let number)?, .options): values[issue.name] = .option(String(number))
            case (let value?, _): values[issue.name] = value
            case (nil, _): break
            }
        }
        return Terms(values)
    }

    /// Every outcome keeps both sides' utilities (to rounding: GeniusWeb orders issues by name, so the sums run in
    /// another order), and the same outcomes are acceptable to each side.
    @Test(arguments: ["reference-supply.json", "spare-parts-tiers.json", "saas-licence.json", "freight-incoterms.json", "framework-penalties.json"])
    func aRoundTripKeepsEveryUtilityAndWhatIsAcceptable(name: String) throws {
        let original = try Self.example(name)
        let (back, _) = try Self.roundTrip(original)
        #expect(Set(back.scenario.issues.map(\.name)) == Set(original.scenario.issues.map(\.name)))
        let space = try #require(OutcomeSpace(original.scenario))
        #expect(OutcomeSpace(back.scenario)?.count == space.count)
        for role in Role.allCases {
            let before = try UtilityFunction(profile: try #require(original.profile(for: role)), scenario: original.scenario)
            let after = try UtilityFunction(profile: try #require(back.profile(for: role)), scenario: back.scenario)
            #expect(after.reservation >= before.reservation)
            for ordinal in 0..<space.count {
                let terms = space.terms(at: ordinal)
                let (u, v) = (before.utility(of: terms)!, try #require(after.utility(of: Self.translate(terms, to: back.scenario))))
                #expect(abs(u - v) < 1e-12)
                #expect((u >= before.reservation) == (v >= after.reservation) || abs(u - before.reservation) < 1e-12)
            }
        }
    }

    @Test func whatGeniusWebCannotHoldIsWarnedAbout() throws {
        var original = try Self.example("freight-incoterms.json")
        original.profiles[.buyer]?.reservation = 0.2500001
        let exported = try GeniusWebExport.export(original, name: "x.json")
        #expect(exported.warnings.contains { $0.contains("no deadline") && $0.contains("40 rounds and 60.0 seconds") })
        #expect(exported.warnings.contains { $0.contains("'freight_rate' is money in EUR") })
        #expect(exported.warnings.contains { $0.contains("buyer's discount factor 0.8 is not written") })
        #expect(exported.warnings.contains { $0.contains("seller's discount factor 0.9 is not written") })
        // A reservation value no outcome has exactly moves up to the least outcome above it, and says so.
        #expect(exported.warnings.contains { $0.contains("buyer's reservation value 0.2500001 is written as the least outcome worth at least it") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(exported.buyer.utf8)) as? [String: Any])
        let space = try #require(json["LinearAdditiveUtilitySpace"] as? [String: Any])
        let domain = try #require((space["domain"] as? [String: Any])?["issuesValues"] as? [String: Any])
        #expect((domain["freight_rate"] as? [String: Any])?["range"] as? [Int] == [80000, 200000, 5000])
        #expect((domain["incoterm"] as? [String: Any])?["values"] as? [String] == ["EXW", "FCA", "FOB", "CIF", "DAP", "DDP"])
        #expect(((space["reservationBid"] as? [String: Any])?["issuevalues"] as? [String: Any])?.count == 4)
    }

    /// The team's GeniusWeb profiles survive import, export and import: same issues, same utilities, same
    /// reservation values (the reservation bid is an outcome, so it is written back exactly).
    @Test func aGeniusWebScenarioSurvivesImportExportImport() throws {
        let first = try GeniusWebImportTests.convert().file
        let (second, warnings) = try Self.roundTrip(first)
        #expect(second.scenario.issues == first.scenario.issues)
        #expect(!warnings.contains { $0.contains("reservation") })
        #expect(second.profiles.mapValues(\.reservation) == first.profiles.mapValues(\.reservation))
        let space = try #require(OutcomeSpace(first.scenario))
        for role in Role.allCases {
            let before = try UtilityFunction(profile: try #require(first.profile(for: role)), scenario: first.scenario).utilities(over: space)
            let after = try UtilityFunction(profile: try #require(second.profile(for: role)), scenario: second.scenario).utilities(over: space)
            #expect(zip(before, after).allSatisfy { abs($0 - $1) < 1e-12 })
        }
    }

    @Test func aReservationNoOutcomeReachesCannotBeWritten() throws {
        let scenario = Scenario(id: "tiny", name: "tiny", issues: [Issue(name: "grade", domain: .options(["a", "b"]))], opener: .buyer, deadline: Deadline(rounds: 5))
        let file = ScenarioFile(scenario: scenario, profiles: [
            .buyer: Profile(reservation: 0, issues: ["grade": .init(weight: 1, value: .table(["a": 1, "b": 0]))]),
            .seller: Profile(reservation: 0.9, issues: ["grade": .init(weight: 1, value: .table(["a": 0.5, "b": 0.8]))]),
        ])
        let problem = firstProblem { () throws(ScenarioLoader.Failure) in
            _ = try GeniusWebExport.export(file, name: "x.json")
            return try GeniusWebImport().convert(buyer: ("", Data()), seller: ("", Data()))
        }
        #expect(problem?.code == "reservation_not_writable" && problem?.path == "$.profiles.seller.reservation")
    }

    @Test func theSameScenarioAlwaysGivesTheSameBytes() throws {
        let file = try Self.example("saas-licence.json")
        #expect(try GeniusWebExport.export(file, name: "x.json") == GeniusWebExport.export(file, name: "x.json"))
    }
}

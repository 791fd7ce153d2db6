import Foundation
import Testing

@Suite("parley scenario import")
struct ScenarioImportCommandTests {
    static let folder = "Examples/Genius/"

    @Test func aGeniusScenarioImportsAndPlays() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let imported = try CLI.run(
            "scenario", "import", "--genius-domain", Self.folder + "office_chairs_domain.xml", "--buyer", Self.folder + "office_chairs_buyer.xml",
            "--seller", Self.folder + "office_chairs_seller.xml", "--real-steps", "4", "--out", out
        )
        #expect(imported.status == 0)
        #expect(imported.output.contains("3 issues, 165 outcomes, 100 rounds"))
        #expect(imported.errors.contains("warning: Examples/Genius/office_chairs_buyer.xml: the weights sum to 1.00005; renormalized"))
        #expect(!imported.errors.contains("discount"))

        let validated = try CLI.run("scenario", "validate", out)
        #expect(validated.status == 0)
        #expect(validated.output.contains("valid. 3 issues, 165 outcomes, profiles: buyer, seller"))
        let played = try CLI.run("run", "--scenario", out, "--buyer", "boulware", "--seller", "conceder", "--no-store")
        #expect(played.status == 0)
        #expect(played.output.contains("agreement"))
    }

    /// Wherever a scenario is named, a GENIUS scenario can be, as its three files.
    @Test func aGeniusScenarioIsAcceptedWhereverAScenarioIs() throws {
        let reference = "genius:" + ["domain", "buyer", "seller"].map { Self.folder + "office_chairs_\($0).xml" }.joined(separator: ",")
        let validated = try CLI.run("scenario", "validate", reference)
        #expect(validated.status == 0)
        #expect(validated.output.contains("valid. 3 issues, 363 outcomes, profiles: buyer, seller"))
        let played = try CLI.run("run", "--scenario", reference, "--buyer", "linear", "--seller", "conceder", "--no-store")
        #expect(played.status == 0)
        // The buyer's GENIUS discount factor holds: the settlement shows its discounted utility and the time it was taken at.
        #expect(played.output.contains("discounted") && played.output.contains("(at t = "))
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: store) }
        let tournament = try CLI.run(
            "tournament", "--scenario", reference, "Examples/Scenarios/spare-parts-tiers.json", "--agents", "boulware,conceder", "--store", store
        )
        #expect(tournament.status == 0)
        #expect(tournament.output.contains("4 sessions"))
        let stats = try CLI.run("scenario", "stats", reference)
        #expect(stats.status == 0 && stats.output.contains("(office-chairs): 363 outcomes"))
        let malformed = try CLI.run("scenario", "validate", "genius:only-one.xml")
        #expect(malformed.status == 1)
        #expect(malformed.output.contains("[invalid_reference]"))
    }

    @Test func geniusWebProfilesImportAndAreAcceptedDirectly() throws {
        let (buyer, seller) = ("Examples/GeniusWeb/meeting_room_buyer.json", "Examples/GeniusWeb/meeting_room_seller.json")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let imported = try CLI.run("scenario", "import", "--buyer", buyer, "--seller", seller, "--out", out)
        #expect(imported.status == 0)
        #expect(imported.output.contains("4 issues, 315 outcomes, 100 rounds"))
        let validated = try CLI.run("scenario", "validate", "geniusweb:\(buyer),\(seller)")
        #expect(validated.status == 0 && validated.output.contains("valid. 4 issues, 315 outcomes"))
        let played = try CLI.run("run", "--scenario", "geniusweb:\(buyer),\(seller)", "--buyer", "boulware", "--seller", "linear", "--no-store")
        #expect(played.status == 0)
    }

    @Test func whatCannotBeRepresentedIsNamedAndNothingIsWritten() throws {
        let seller = try String(contentsOf: CLI.repository.appendingPathComponent(Self.folder + "office_chairs_seller.xml"), encoding: .utf8)
            .replacingOccurrences(of: #"ftype="constant""#, with: #"ftype="triangular""#)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).json").path
        let result = try CLI.run(
            "scenario", "import", "--genius-domain", Self.folder + "office_chairs_domain.xml", "--buyer", Self.folder + "office_chairs_buyer.xml",
            "--seller", try CLI.temporaryFile(seller), "--out", out
        )
        #expect(result.status != 0)
        #expect(result.errors.contains("the 'triangular' evaluator of 'Delivery' cannot be represented"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anExportImportsBackWithTheSameStatistics() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exported = try CLI.run("scenario", "export", "Examples/Scenarios/industrial-components.json", "--format", "genius", "--out", folder)
        #expect(exported.status == 0)
        #expect(exported.errors.contains("GENIUS files state no deadline: 60 rounds and 120.0 seconds not written"))
        let back = folder + "/back.json"
        let imported = try CLI.run(
            "scenario", "import", "--genius-domain", folder + "/industrial-components_domain.xml", "--buyer", folder + "/industrial-components_buyer.xml",
            "--seller", folder + "/industrial-components_seller.xml", "--out", back
        )
        #expect(imported.status == 0)
        #expect(imported.errors.isEmpty)
        let before = try CLI.run("scenario", "stats", "--json", "Examples/Scenarios/industrial-components.json")
        let after = try CLI.run("scenario", "stats", "--json", back)
        // The same numbers everywhere; terms differ in kind (numeric issues with a step above 1 come back as options
        // named by their values), so they are left out of the comparison.
        #expect(try Self.numbers(before.output) == Self.numbers(after.output))
        #expect(try Self.numbers(before.output).count > 2 * 83)
        let wrongFormat = try CLI.run("scenario", "export", "Examples/Scenarios/industrial-components.json", "--format", "xlsx", "--out", folder)
        #expect(wrongFormat.status != 0)
        #expect(wrongFormat.errors.contains("--format must be genius or geniusweb"))
    }

    /// The team's GeniusWeb profiles, imported, exported as GeniusWeb and named as `geniusweb:` again: the same
    /// statistics (to rounding: GeniusWeb orders issues by name, so utilities are summed in another order).
    @Test func aGeniusWebExportReadsBackWithTheSameStatistics() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = folder + "/meeting.json"
        let imported = try CLI.run(
            "scenario", "import", "--buyer", "Examples/GeniusWeb/meeting_room_buyer.json", "--seller", "Examples/GeniusWeb/meeting_room_seller.json", "--out", original
        )
        #expect(imported.status == 0, "\(imported.errors)")
        let exported = try CLI.run("scenario", "export", original, "--format", "geniusweb", "--out", folder)
        #expect(exported.status == 0, "\(exported.errors)")
        #expect(exported.output.contains("meeting-room_buyer.json") && exported.output.contains("meeting-room_seller.json"))
        #expect(!exported.errors.contains("reservation"), "the reservation bids are outcomes, written back exactly")
        let before = try Self.numbers(CLI.run("scenario", "stats", "--json", original).output)
        let after = try Self.numbers(CLI.run("scenario", "stats", "--json", "geniusweb:\(folder)/meeting-room_buyer.json,\(folder)/meeting-room_seller.json").output)
        #expect(before.count == after.count && before.count > 10)
        #expect(zip(before, after).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    /// Every number in a JSON document outside `terms` and `file`, in document order.
    static func numbers(_ json: String) throws -> [Double] {
        func collect(_ value: Any, into numbers: inout [Double]) {
            switch value {
            case let object as [String: Any]:
                for key in object.keys.sorted() where key != "terms" && key != "file" { collect(object[key]!, into: &numbers) }
            case let array as [Any]:
                for element in array { collect(element, into: &numbers) }
            case let number as NSNumber:
                numbers.append(number.doubleValue)
            default:
                break
            }
        }
        var numbers: [Double] = []
        collect(try JSONSerialization.jsonObject(with: Data(json.utf8)), into: &numbers)
        return numbers
    }
}

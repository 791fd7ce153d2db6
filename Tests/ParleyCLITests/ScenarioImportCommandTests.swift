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
        #expect(imported.errors.contains("discount factor 0.9 not applied"))

        let validated = try CLI.run("scenario", "validate", out)
        #expect(validated.status == 0)
        #expect(validated.output.contains("valid. 3 issues, 165 outcomes, profiles: buyer, seller"))
        let played = try CLI.run("run", "--scenario", out, "--buyer", "boulware", "--seller", "conceder", "--no-store")
        #expect(played.status == 0)
        #expect(played.output.contains("agreement"))
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
}

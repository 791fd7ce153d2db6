import Foundation
import ParleyProtocol
import Testing

@Suite("Loading scenario files, in Parley's format or one a user adds")
struct ScenarioLoaderTests {
    /// A format of its own: a file ending in `.ref` names a reference scenario.
    struct ReferenceNameFormat: ScenarioFormat {
        var name: String { "reference-name" }
        func reads(path: String, data: Data) -> Bool { path.hasSuffix(".ref") }
        func decode(path: String, data: Data) throws(ScenarioLoader.Failure) -> ScenarioFile {
            guard String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "reference" else {
                throw ScenarioLoader.Failure(file: path, problems: [.init(path: "$", code: "unknown_reference", message: "names no reference scenario")])
            }
            return ReferenceScenarios.reference
        }
    }

    static func write(_ text: String, named name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-loader-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("The example file loads and equals the reference scenario written in Swift")
    func loadsParleyJSON() throws {
        let path = Fixtures.repository.appendingPathComponent("Examples/Scenarios/reference-supply.json").path
        #expect(try ScenarioLoader().load(path) == ReferenceScenarios.reference)
    }

    @Test("A missing file, malformed JSON and an invalid scenario each fail with problems that name their place")
    func failures() throws {
        #expect {
            try ScenarioLoader().load("/no/such/scenario.json")
        } throws: { ($0 as? ScenarioLoader.Failure)?.problems.map(\.code) == ["unreadable_file"] }
        let malformed = try Self.write(#"{"id": 3}"#, named: "bad.json")
        #expect {
            try ScenarioLoader().load(malformed)
        } throws: { error in
            guard let failure = error as? ScenarioLoader.Failure, let problem = failure.problems.first else { return false }
            return failure.file == malformed && problem.path == "$.id"
        }
        var invalid = ReferenceScenarios.reference
        invalid.scenario.issues[0].name = ""
        let path = try Self.write(String(decoding: try WireCodec().encode(invalid), as: UTF8.self), named: "invalid.json")
        #expect(throws: ScenarioLoader.Failure.self) { try ScenarioLoader().load(path) }
        #expect(try ScenarioLoader().decode(path) == invalid, "decode reads without validating")
    }

    @Test("A format added to the loader reads the files it claims; Parley's JSON still reads the rest")
    func addedFormat() throws {
        let loader = ScenarioLoader(formats: [ReferenceNameFormat()])
        #expect(try loader.load(try Self.write("reference\n", named: "deal.ref")) == ReferenceScenarios.reference)
        #expect {
            try loader.load(try Self.write("nothing", named: "deal.ref"))
        } throws: { ($0 as? ScenarioLoader.Failure)?.problems.map(\.code) == ["unknown_reference"] }
        let json = Fixtures.repository.appendingPathComponent("Examples/Scenarios/reference-supply.json").path
        #expect(try loader.load(json) == ReferenceScenarios.reference)
    }
}

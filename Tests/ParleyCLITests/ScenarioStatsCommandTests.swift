import Foundation
import Testing

@Suite("parley scenario stats")
struct ScenarioStatsCommandTests {
    @Test func printsEachScenariosPointsAsTextAndJSON() throws {
        let text = try CLI.run("scenario", "stats", "Examples/Scenarios/reference-supply.json", "Examples/Scenarios/industrial-components.json")
        #expect(text.status == 0)
        #expect(text.output.contains("reference-supply.json (reference-supply): 10000 outcomes, 3 issues"))
        #expect(text.output.contains("Pareto frontier: 145 outcomes"))
        #expect(text.output.contains("Kalai–Smorodinsky:   buyer 0.618, seller 0.618: delivery_days=10, price=13600, quantity=100"))
        #expect(text.output.contains("industrial-components.json (industrial-components): 44280 outcomes, 5 issues"))

        let json = try CLI.run("scenario", "stats", "--json", "Examples/Scenarios/reference-supply.json")
        #expect(json.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        let statistics = try #require(entries.first?["statistics"] as? [String: Any])
        #expect(entries.first?["scenario"] as? String == "reference-supply")
        #expect(statistics["outcomeCount"] as? Int == 10_000)
        #expect((statistics["frontier"] as? [Any])?.count == 145)
        let nash = try #require(statistics["nash"] as? [String: Any])
        #expect((nash["terms"] as? [String: Any])?["price"] as? Int == 14_600)
        #expect(statistics["acceptableShare"] as? Double == 1)
    }

    @Test func aFileWithoutBothProfilesIsAnError() throws {
        let data = try Data(contentsOf: CLI.repository.appendingPathComponent("Examples/Scenarios/reference-supply.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["profiles"] = nil
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let result = try CLI.run("scenario", "stats", try CLI.temporaryFile(text))
        #expect(result.status != 0)
        #expect(result.errors.contains("profile"))
    }

    @Test func aGeneratedScenarioIsReproducibleAndPlays() throws {
        let (first, second) = (FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).json").path,
                               FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).json").path)
        defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }
        for path in [first, second] {
            let result = try CLI.run("scenario", "generate", "--issues", "3", "--values", "6", "--opposition", "0.3", "--seed", "9", "--out", path)
            #expect(result.status == 0)
            #expect(result.output.contains("216 outcomes, opposition 0.3"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        let played = try CLI.run("run", "--scenario", first, "--buyer", "boulware", "--seller", "linear", "--no-store")
        #expect(played.status == 0)
        let unreachable = try CLI.run("scenario", "generate", "--issues", "2", "--values", "4", "--opposition", "1.2", "--out", first)
        #expect(unreachable.status != 0)
        #expect(unreachable.errors.contains("reaches oppositions from"))
    }

    @Test func aScenarioIsDrawnWithItsPoints() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try CLI.run("scenario", "plot", "Examples/Scenarios/contract-manufacturing.json", "--out", out)
        #expect(result.status == 0)
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"))
        #expect(svg.contains("1018710 outcomes, one in 255 drawn"))
        for name in ["Nash point: buyer", "Kalai–Smorodinsky point: buyer", "egalitarian point: buyer", "maximum welfare: buyer"] {
            #expect(svg.contains(name), "\(name)")
        }
        #expect(svg.components(separatedBy: "fill=\"#9ecae1\"").count - 1 >= 3_990)
    }
}

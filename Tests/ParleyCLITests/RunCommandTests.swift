import Foundation
import Testing

@Suite("parley run and parley scenario, end to end")
struct RunCommandTests {
    static let reference = "Examples/Scenarios/reference-supply.json"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Drops wall-clock fields, the only part of the output allowed to differ between runs of one seed.
    func withoutWallClock(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { $0.key != "startedAt" && $0.key != "elapsed" }.mapValues(withoutWallClock)
        }
        if let array = value as? [Any] { return array.map(withoutWallClock) }
        return value
    }

    @Test func jsonSettlementHasTheAgreementAndTheFullAnalysis() throws {
        let result = try CLI.run("run", "--scenario", Self.reference, "--buyer", "boulware", "--seller", "conceder", "--seed", "1", "--json", "--no-store")
        #expect(result.status == 0, "\(result.errors)")
        let root = try json(result.output)
        #expect(root["protocol"] as? String == "parley/1")
        let settlement = try #require(root["settlement"] as? [String: Any])
        let outcome = try #require(settlement["outcome"] as? [String: Any])
        #expect(outcome["type"] as? String == "agreement")
        let analysis = try #require(settlement["analysis"] as? [String: Any])
        for side in ["buyer", "seller"] {
            let result = try #require(analysis[side] as? [String: Any])
            #expect(result["utility"] is Double && result["advantage"] is Double)
        }
        for key in ["paretoOptimal", "distanceToPareto", "distanceToNash", "distanceToKalaiSmorodinsky", "distanceToEgalitarian", "socialWelfare", "nashProduct"] {
            #expect(analysis[key] != nil, "analysis.\(key)")
        }
        // Neither profile discounts time, so the analysis says nothing of it.
        #expect(analysis["discountTime"] == nil)
        for point in ["nash", "kalaiSmorodinsky", "egalitarian"] {
            let value = try #require(analysis[point] as? [String: Any])
            #expect(value["terms"] is [String: Any] && value["buyer"] is Double && value["seller"] is Double)
        }
        let transcript = try #require(root["transcript"] as? [String: Any])
        #expect((transcript["entries"] as? [Any])?.isEmpty == false)
    }

    @Test func sameSeedSameJSONExceptWallClock() throws {
        let arguments = ["run", "--scenario", "Examples/Scenarios/industrial-components.json", "--buyer", "random", "--seller", "tit-for-tat", "--seed", "7", "--json", "--no-store"]
        let first = try CLI.run(arguments)
        let second = try CLI.run(arguments)
        let a = try JSONSerialization.data(withJSONObject: withoutWallClock(json(first.output)), options: .sortedKeys)
        let b = try JSONSerialization.data(withJSONObject: withoutWallClock(json(second.output)), options: .sortedKeys)
        #expect(a == b)
    }

    @Test func readableAccountShowsTurnsAndAnalysis() throws {
        let result = try CLI.run("run", "--scenario", Self.reference, "--buyer", "boulware:e=0.3", "--seller", "linear", "--no-store")
        #expect(result.status == 0)
        #expect(result.output.contains("   1     1 buyer   offer price EUR 100.00, quantity 100, delivery_days 1"))
        #expect(result.output.contains("Outcome: agreement on price EUR"))
        #expect(result.output.contains("Nash point"))
        #expect(result.output.contains("Kalai–Smorodinsky point"))
        #expect(result.output.contains("egalitarian point"))
        #expect(!result.output.contains("discounted"))
        #expect(result.output.contains("Pareto-optimal:"))
    }

    @Test func unknownStrategyIsAClearError() throws {
        let result = try CLI.run("run", "--scenario", Self.reference, "--buyer", "bulwark", "--seller", "linear", "--no-store")
        #expect(result.status != 0)
        #expect(result.errors.contains("unknown strategy 'bulwark'"))
        #expect(result.errors.contains("boulware"))
    }

    @Test func validScenarioValidates() throws {
        let result = try CLI.run("scenario", "validate", "Examples/Scenarios/industrial-components.json")
        #expect(result.status == 0)
        #expect(result.output.contains("valid. 5 issues"))
    }

    @Test func invalidScenarioListsEveryProblemWithItsPath() throws {
        var text = try String(contentsOf: CLI.repository.appendingPathComponent(Self.reference), encoding: .utf8)
        text = text.replacingOccurrences(of: #""step": 100"#, with: #""step": 0"#)
        text = text.replacingOccurrences(of: #""weight": 0.5"#, with: #""weight": 0.7"#)
        let result = try CLI.run("scenario", "validate", try CLI.temporaryFile(text))
        #expect(result.status == 1)
        #expect(result.output.contains("$.issues[0].step"))
        #expect(result.output.contains("$.profiles.buyer.issues: the weights must sum to 1"))
    }

    @Test func malformedScenarioNamesTheField() throws {
        let result = try CLI.run("scenario", "validate", try CLI.temporaryFile(#"{"id": "x", "name": "x", "issues": [{"name": "p", "type": "money"}]}"#))
        #expect(result.status == 1)
        #expect(result.output.contains("$.issues[0].currency"))
        let run = try CLI.run("run", "--scenario", try CLI.temporaryFile("{not json"), "--buyer", "linear", "--seller", "linear", "--no-store")
        #expect(run.status != 0)
        #expect(run.errors.contains("malformed_json"))
    }
}

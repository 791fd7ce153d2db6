import Foundation
import ParleyProtocol
import Testing

@Suite("Multi-deal scenario files: the examples, the round trip, and every problem named with its path")
struct MultiDealScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/MultiDeal")

    static func load(_ name: String) throws -> MultiDealScenario {
        try JSONDecoder().decode(MultiDealScenario.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test("The example scenarios are valid: an RFQ to three suppliers, and a split order of 1,000 units across four")
    func examplesAreValid() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == ["pumps-single-sourcing.json", "valves-split-order.json"])
        let single = try Self.load("pumps-single-sourcing.json")
        #expect(single.validate() == [] && single.need == .single && single.edges.count == 3)
        let split = try Self.load("valves-split-order.json")
        #expect(split.validate() == [] && split.need == .split(issue: "quantity", total: 1000, shortfallPenalty: 0.1) && split.edges.count == 4)
        let capacities = split.edges.compactMap { edge -> Int64? in
            guard case .integer(let range)? = edge.scenario.scenario.issues.first(where: { $0.name == "quantity" })?.domain else { return nil }
            return range.max
        }
        #expect(capacities == [300, 400, 500, 600] && capacities.reduce(0, +) >= 1000, "together the suppliers can fill the order, none alone")
        let encoded = try JSONEncoder().encode(split)
        #expect(try JSONDecoder().decode(MultiDealScenario.self, from: encoded) == split)
    }

    @Test("A bilateral scenario file is not a multi-deal one, and says so")
    func kindIsRequired() throws {
        let bilateral = try Data(contentsOf: Self.folder.deletingLastPathComponent().appendingPathComponent("Scenarios/reference-supply.json"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MultiDealScenario.self, from: bilateral) }
        var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Self.folder.appendingPathComponent("pumps-single-sourcing.json"))) as? [String: Any])
        object["need"] = ["type": "most"]
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MultiDealScenario.self, from: JSONSerialization.data(withJSONObject: object)) }
    }

    @Test("Every problem is reported with its path: edges, their scenarios and profiles, and the need")
    func problemsHavePaths() throws {
        var split = try Self.load("valves-split-order.json")
        split.edges[1].id = split.edges[0].id
        split.edges[2].scenario.profiles[.seller] = nil
        split.edges[3].scenario.scenario.issues.removeAll { $0.name == "quantity" }
        split.edges[0].scenario.scenario.deadline = Deadline(rounds: 0)
        split.need = .split(issue: "quantity", total: 0, shortfallPenalty: -0.1)
        split.reservation = 1.5
        let problems = Set(split.validate().map { "\($0.path) \($0.code)" })
        for expected in [
            "$.edges[1].id duplicate_edge", "$.edges[2].scenario.profiles missing_profile", "$.need.issue split_issue_missing",
            "$.edges[0].scenario.deadline.rounds invalid_rounds", "$.need.total invalid_total", "$.need.shortfallPenalty invalid_penalty",
            "$.reservation invalid_reservation",
        ] {
            #expect(problems.contains(expected), "\(expected) in \(problems.sorted())")
        }
        var table = try Self.load("pumps-single-sourcing.json")
        table.need = .table([.init(edges: ["acme-pumps", "nobody"], value: 2), .init(edges: [], value: 0.5)])
        table.edges += Array(repeating: table.edges[0], count: MultiDealScenario.maximumEdges)
        let tableProblems = Set(table.validate().map { "\($0.path) \($0.code)" })
        for expected in ["$.need.combinations[0].edges unknown_edge", "$.need.combinations[0].value invalid_value", "$.need.combinations[1].edges empty_combination", "$.edges too_many_edges"] {
            #expect(tableProblems.contains(expected), "\(expected)")
        }
    }
}

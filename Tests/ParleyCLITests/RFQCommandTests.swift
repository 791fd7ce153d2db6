import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParleyProtocol
import ParleyRecords
import Testing

@Suite("parley rfq: a multi-deal negotiation from the command line")
struct RFQCommandTests {
    @Test func theExamplesRunUnderEveryRuleAndMode() throws {
        for (file, edges) in [("pumps-single-sourcing", "boulware,conceder,linear"), ("valves-split-order", "conceder")] {
            for centre in ["per-edge+boulware", "best-standing+conceder", "remaining-edges"] {
                for mode in ["parallel", "sequential"] {
                    let result = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/\(file).json", "--centre", centre, "--edges", edges, "--mode", mode)
                    #expect(result.status == 0, "\(result.errors)")
                    #expect(result.output.contains("· \(mode) ·") && result.output.contains("centre utility") && result.output.contains("regret"), "\(result.output)")
                }
            }
        }
    }

    @Test func jsonIsTheWholeRecord() throws {
        let result = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--centre", "best-standing+boulware", "--edges", "conceder", "--json", "--seed", "5")
        #expect(result.status == 0, "\(result.errors)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(MultiDealRecord.self, from: Data(result.output.utf8))
        #expect(record.sessions.count == 4 && record.seed == 5 && record.centre.spec == "best-standing+boulware")
        #expect(record.settlement.deals.reduce(0) { $0 + ($1.quantity ?? 0) } <= 1000)
        let turns = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--edges", "conceder", "--turns")
        #expect(turns.output.contains("── delta-valves") && turns.output.contains("turn round side"))
    }

    @Test func thePictureShowsEveryLaneAndTheDeals() throws {
        let path = try CLI.temporaryPath("valves.svg")
        let result = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--edges", "conceder,linear,boulware,conceder", "--svg", path)
        #expect(result.status == 0, "\(result.errors)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "well-formed XML")
        for edge in ["delta-valves", "echo-controls", "fox-engineering", "gamma-flow"] { #expect(svg.contains(">\(edge)</text>")) }
        let dealt = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--edges", "conceder,linear,boulware,conceder")
        let deals = dealt.output.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true }.count
        #expect(deals > 0 && svg.contains("deal"), "the deals are marked")
        #expect(svg.components(separatedBy: "r=\"6\" stroke-width=\"2.5\" fill=\"none\" stroke=\"#d62728\"").count - 1 == deals, "one agreement marker per deal")
    }

    @Test func mistakesAreNamed() throws {
        let wrongCount = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/pumps-single-sourcing.json", "--edges", "boulware,conceder")
        #expect(wrongCount.status != 0 && wrongCount.errors.contains("names 2 agents for 3 edges"), "\(wrongCount.errors)")
        let unknownRule = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/pumps-single-sourcing.json", "--centre", "greedy+boulware")
        #expect(unknownRule.status != 0 && unknownRule.errors.contains("not a centre rule") && unknownRule.errors.contains("best-standing"))
        let bilateral = try CLI.run("rfq", "--scenario", "Examples/Scenarios/reference-supply.json")
        #expect(bilateral.status != 0 && bilateral.errors.contains("is not a multi-deal scenario"))
        var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: CLI.repository.appendingPathComponent("Examples/MultiDeal/valves-split-order.json"))) as? [String: Any])
        object["need"] = ["type": "split", "issue": "weight", "total": 1000]
        let broken = try CLI.temporaryFile(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        let invalid = try CLI.run("rfq", "--scenario", broken)
        #expect(invalid.status != 0 && invalid.errors.contains("$.need.issue") && invalid.errors.contains("split_issue_missing"), "\(invalid.errors)")
    }
}

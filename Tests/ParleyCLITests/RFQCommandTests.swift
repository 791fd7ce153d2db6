import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParleyAnalysis
import ParleyProtocol
import ParleyRecords
import Testing

@Suite("parley rfq: a multi-deal negotiation from the command line")
struct RFQCommandTests {
    @Test func theExamplesRunUnderEveryRuleAndMode() throws {
        for (file, edges) in [("pumps-single-sourcing", "boulware,conceder,linear"), ("valves-split-order", "conceder")] {
            for centre in ["per-edge+boulware", "best-standing+conceder", "remaining-edges"] {
                for mode in ["parallel", "sequential"] {
                    let result = try CLI.run("rfq", "--no-store", "--scenario", "Examples/MultiDeal/\(file).json", "--centre", centre, "--edges", edges, "--mode", mode)
                    #expect(result.status == 0, "\(result.errors)")
                    #expect(result.output.contains("· \(mode) ·") && result.output.contains("centre utility") && result.output.contains("regret"), "\(result.output)")
                }
            }
        }
    }

    @Test func jsonIsTheWholeRecord() throws {
        let result = try CLI.run("rfq", "--no-store", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--centre", "best-standing+boulware", "--edges", "conceder", "--json", "--seed", "5")
        #expect(result.status == 0, "\(result.errors)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(MultiDealRecord.self, from: Data(result.output.utf8))
        #expect(record.sessions.count == 4 && record.seed == 5 && record.centre.spec == "best-standing+boulware")
        #expect(record.settlement.deals.reduce(0) { $0 + ($1.quantity ?? 0) } <= 1000)
        let turns = try CLI.run("rfq", "--no-store", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--edges", "conceder", "--turns")
        #expect(turns.output.contains("── delta-valves") && turns.output.contains("turn round side"))
    }

    @Test func thePictureShowsEveryLaneAndTheDeals() throws {
        let path = try CLI.temporaryPath("valves.svg")
        let result = try CLI.run("rfq", "--no-store", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--edges", "conceder,linear,boulware,conceder", "--svg", path)
        #expect(result.status == 0, "\(result.errors)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "well-formed XML")
        for edge in ["delta-valves", "echo-controls", "fox-engineering", "gamma-flow"] { #expect(svg.contains(">\(edge)</text>")) }
        let dealt = try CLI.run("rfq", "--no-store", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--edges", "conceder,linear,boulware,conceder")
        let deals = dealt.output.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true }.count
        #expect(deals > 0 && svg.contains("deal"), "the deals are marked")
        #expect(svg.components(separatedBy: "r=\"6\" stroke-width=\"2.5\" fill=\"none\" stroke=\"#d62728\"").count - 1 == deals, "one agreement marker per deal")
    }

    @Test("A negotiation is stored with its sessions, and transcripts lists, shows, exports and verifies it")
    func storedAndRead() throws {
        let store = try CLI.temporaryPath("rfq.sqlite")
        let key = try CLI.temporaryPath("rfq")
        #expect(try CLI.run("keys", "generate", "--out", key).status == 0)
        let played = try CLI.run(
            "rfq", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--edges", "conceder,linear,boulware,random", "--store", store, "--signing-key", key + ".key"
        )
        #expect(played.status == 0, "\(played.errors)")
        #expect(played.output.contains("Stored as multi-deal 1 in \(store), its sessions as 1, 2, 3, 4"), "\(played.output)")
        let json = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/pumps-single-sourcing.json", "--edges", "conceder", "--store", store, "--json")
        #expect(json.errors.contains("Stored as multi-deal 2"), "the note goes to standard error beside JSON: \(json.errors)")
        #expect(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) is [String: Any])

        let list = try CLI.run("transcripts", "list", "--multi-deals", "--store", store)
        let rows = list.output.split(separator: "\n").dropFirst().map(String.init)
        #expect(rows.count == 3 && rows[0].contains("pumps-single-sourcing") && rows[1].contains("valves-split-order") && rows[2] == "2 multi-deal negotiations")
        #expect(rows[1].contains("1–4") && rows[0].contains("5–7"), "\(list.output)")
        #expect(try CLI.run("transcripts", "list", "--multi-deals", "--store", store, "--agent", "linear").output.contains("1 multi-deal negotiation"))
        #expect(try CLI.run("transcripts", "list", "--multi-deals", "--store", store, "--scenario", "nothing").output.contains("0 multi-deal negotiations"))

        let show = try CLI.run("transcripts", "show", "--multi-deal", "1", "--store", store)
        #expect(show.output.contains("Stored multi-deal 1 (m-") && show.output.contains("signed by"))
        #expect(show.output.contains("Edge sessions: delta-valves 1, echo-controls 2, fox-engineering 3, gamma-flow 4"), "\(show.output)")
        #expect(show.output.contains("centre utility"))
        #expect(try CLI.run("transcripts", "show", "3", "--store", store).output.contains("fox-engineering"), "an edge session is a session")
        let missing = try CLI.run("transcripts", "show", "--multi-deal", "9", "--store", store)
        #expect(missing.status != 0 && missing.errors.contains("no multi-deal negotiation '9'"))

        let exported = try CLI.run("transcripts", "export", "--multi-deal", "1", "--store", store)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(exported.output.utf8)) as? [String: Any])
        let negotiations = try #require(document["multiDeals"] as? [[String: Any]])
        #expect(negotiations.count == 1 && (negotiations[0]["sessions"] as? [Int]) == [1, 2, 3, 4] && negotiations[0]["signature"] is String)
        let lines = try CLI.run("transcripts", "export", "--multi-deal", "--all", "--format", "jsonl", "--store", store).output.split(separator: "\n")
        let records = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(records.filter { $0["session"] == nil }.count == 4, "each negotiation's own two records")
        #expect(Set(records.compactMap { $0["session"] as? Int }) == Set(1...7))
        let csv = try CLI.run("transcripts", "export", "--multi-deal", "1", "--format", "csv", "--store", store)
        #expect(csv.status != 0 && csv.errors.contains("exported as json or jsonl"))

        let verified = try CLI.run("transcripts", "verify", "--store", store)
        #expect(verified.status == 0 && verified.output.contains("verified 7 sessions and 2 multi-deal negotiations"), "\(verified.output)")
    }

    @Test("parley tournament on multi-deal scenarios: both leaderboards, stored, verified, resumed, reported again, and each negotiation replays with parley rfq")
    func tournament() throws {
        let store = try CLI.temporaryPath("tournament.sqlite")
        let out = try CLI.temporaryPath("report")
        let arguments = [
            "tournament", "--scenario", "Examples/MultiDeal/pumps-single-sourcing.json", "Examples/MultiDeal/valves-split-order.json",
            "--centres", "per-edge+boulware,remaining-edges+conceder", "--agents", "boulware,conceder,random", "--store", store,
        ]
        let first = try CLI.run(arguments + ["--out", out])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Centres (ranked") && first.output.contains("remaining-edges+conceder") && first.output.contains("Edge agents (ranked"))
        #expect(first.output.contains("Played 12 negotiations (0 already stored)"), "\(first.output)")
        let again = try CLI.run(arguments)
        #expect(again.output.contains("Played 0 negotiations (12 already stored)"), "\(again.output)")
        let verified = try CLI.run("transcripts", "verify", "--store", store)
        #expect(verified.status == 0 && verified.output.contains("and 12 multi-deal negotiations"), "\(verified.output)")
        let report = try CLI.run("tournament", "report", "--store", store)
        #expect(report.status == 0 && report.output.contains("Multi-deal tournament t-") && report.output.contains("12 negotiations."))

        let rows = try String(contentsOfFile: out + "/negotiations.csv", encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 12)
        let row = try #require(rows.first { $0[4] == "valves-split-order" && $0[6] == "remaining-edges+conceder" })
        let replay = try CLI.run(
            "rfq", "--no-store", "--json", "--scenario", "Examples/MultiDeal/valves-split-order.json", "--centre", row[6], "--edges", row[7].replacingOccurrences(of: ";", with: ","),
            "--seed", row[8]
        )
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(MultiDealRecord.self, from: Data(replay.output.utf8))
        #expect("\(record.settlement.analysis.centreUtility)" == row[10], "the stored seed replays the stored negotiation")

        let mixed = try CLI.run("tournament", "--scenario", "Examples/MultiDeal/pumps-single-sourcing.json", "Examples/Scenarios/reference-supply.json", "--store", store)
        #expect(mixed.status != 0 && mixed.errors.contains("run in a tournament of their own"))
        let sharded = try CLI.run(arguments + ["--shard", "1/2"])
        #expect(sharded.status != 0 && sharded.errors.contains("a multi-deal tournament runs in one process"))
        let bilateral = try CLI.run("tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--centres", "per-edge", "--store", store)
        #expect(bilateral.status != 0 && bilateral.errors.contains("these scenarios are bilateral"))
        let sequential = try CLI.run(arguments + ["--mode", "sequential"])
        #expect(sequential.output.contains("Played 12 negotiations (0 already stored)"), "another mode is another tournament: \(sequential.output)")
        #expect(try CLI.run("transcripts", "list", "--multi-deals", "--store", store).output.split(separator: "\n").filter { $0.contains(" sequential ") }.count == 12)
    }

    @Test("parley scenario validate reads a multi-deal file as one, naming every problem with its path")
    func validate() throws {
        let valid = try CLI.run("scenario", "validate", "Examples/MultiDeal/valves-split-order.json")
        #expect(valid.status == 0 && valid.output.contains("valid multi-deal scenario. parallel, the buyer as centre, 4 edges: delta-valves"), "\(valid.output)")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.repository.appendingPathComponent("Examples/MultiDeal/valves-split-order.json"))) as? [String: Any])
        json["need"] = ["type": "split", "issue": "quantity", "total": 0, "shortfallPenalty": 0.1]
        let path = try CLI.temporaryPath("bad.json")
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        let invalid = try CLI.run("scenario", "validate", path)
        #expect(invalid.status == 1 && invalid.output.contains("$.need.total: the total must be from 1 to 1000000000 [invalid_total]"), "\(invalid.output)")
    }

    @Test func mistakesAreNamed() throws {
        let wrongCount = try CLI.run("rfq", "--no-store", "--scenario", "Examples/MultiDeal/pumps-single-sourcing.json", "--edges", "boulware,conceder")
        #expect(wrongCount.status != 0 && wrongCount.errors.contains("names 2 agents for 3 edges"), "\(wrongCount.errors)")
        let unknownRule = try CLI.run("rfq", "--no-store", "--scenario", "Examples/MultiDeal/pumps-single-sourcing.json", "--centre", "greedy+boulware")
        #expect(unknownRule.status != 0 && unknownRule.errors.contains("not a centre rule") && unknownRule.errors.contains("best-standing"))
        let bilateral = try CLI.run("rfq", "--no-store", "--scenario", "Examples/Scenarios/reference-supply.json")
        #expect(bilateral.status != 0 && bilateral.errors.contains("is not a multi-deal scenario"))
        var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: CLI.repository.appendingPathComponent("Examples/MultiDeal/valves-split-order.json"))) as? [String: Any])
        object["need"] = ["type": "split", "issue": "weight", "total": 1000]
        let broken = try CLI.temporaryFile(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        let invalid = try CLI.run("rfq", "--no-store", "--scenario", broken)
        #expect(invalid.status != 0 && invalid.errors.contains("$.need.issue") && invalid.errors.contains("split_issue_missing"), "\(invalid.errors)")
    }
}

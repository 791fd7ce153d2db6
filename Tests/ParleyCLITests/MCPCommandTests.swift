import Foundation
import Testing

/// `parley mcp` driven by the official MCP Python SDK (`mcp`, installed by scripts/setup into .build/python-venv),
/// through Examples/mcp-client/check.py: an independent client, as an assistant would use it.
@Suite("parley mcp: Parley's tools, driven by the official MCP Python SDK")
struct MCPCommandTests {
    @Test func theOfficialPythonClientListsRunsReadsAndVerifies() throws {
        let store = try CLI.temporaryPath("mcp.sqlite")
        let client = try CLI.runPython("Examples/mcp-client/check.py", [CLI.binary.path, store])
        #expect(client.status == 0, "\(client.errors.suffix(2000))")
        let printed = Data(client.output.utf8)
        let seen = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])
        #expect(seen["tools"] as? [String] == [
            "list_scenarios", "list_strategies", "list_transcripts", "make_move", "run_session", "run_tournament", "scenario_stats", "session_state",
            "show_transcript", "start_session", "verify_transcripts",
        ])
        let schemas = try #require(seen["schemas"] as? [String: [String: Any]])
        #expect(schemas["run_session"]?["required"] as? [String] == ["scenario", "buyer", "seller"], "every tool has a JSON Schema for its input")
        let outputs = try #require(seen["outputs"] as? [String: Any])
        #expect(outputs.count == 11 && outputs.values.allSatisfy { ($0 as? [String: Any])?["type"] as? String == "object" }, "and for its output, which the SDK checks every answer against")
        let run = try #require(seen["run"] as? [String: Any])
        let structured = try #require(run["structured"] as? [String: Any])
        #expect(run["isError"] as? Bool == false && structured["outcome"] as? String == "agreement" && structured["session"] as? Int == 1)
        #expect((run["text"] as? String)?.contains("Stored as session 1.") == true)
        #expect((seen["shown"] as? String)?.contains("buyer: boulware · seller: conceder") == true)
        #expect((seen["verified"] as? [String: Any])?["checked"] as? Int == 1 && ((seen["verified"] as? [String: Any])?["failures"] as? [Any])?.isEmpty == true)
        #expect((seen["strategies"] as? [String])?.contains("cuhkagent") == true)
        #expect((seen["stats"] as? [String: Any])?["outcomes"] as? Int == 10_000)
        let unknown = try #require(seen["unknown"] as? [String: Any])
        #expect(unknown["isError"] as? Bool == true && (unknown["structured"] as? [String: Any])?["code"] as? String == "unknown_strategy", "a tool error with Parley's code")
        let missing = try #require(seen["missing"] as? [String: Any])
        #expect(missing["isError"] as? Bool == true && (missing["structured"] as? [String: Any])?["code"] as? String == "invalid_argument")

        // A tournament through the tools, with progress notifications up to its end.
        let tournament = try #require(seen["tournament"] as? [String: Any])
        let board = try #require((tournament["structured"] as? [String: Any])?["leaderboard"] as? [[String: Any]])
        #expect(tournament["isError"] as? Bool == false && board.count == 3 && (tournament["structured"] as? [String: Any])?["sessions"] as? Int == 6)
        let progress = try #require(seen["progress"] as? [[String: Any]])
        #expect(progress.count >= 2 && progress.last?["done"] as? Double == 6 && progress.allSatisfy { $0["total"] as? Double == 6 }, "\(progress)")
        let done = progress.compactMap { $0["done"] as? Double }
        #expect(zip(done, done.dropFirst()).allSatisfy { $0 <= $1 }, "progress only goes forward")

        // A whole session played by the client as the buyer: its profile shown, a move outside the mandate refused and not
        // played, every move it made recorded as decided by the client, the outcome stored.
        let played = try #require(seen["played"] as? [String: Any])
        #expect(((played["start"] as? [String: Any])?["profile"] as? [String: Any])?["reservation"] as? Double == 0.4, "the client sees its own profile")
        let refused = try #require(played["refused"] as? [String: Any])
        #expect(refused["isError"] as? Bool == true && (refused["structured"] as? [String: Any])?["code"] as? String == "offer_below_reservation", "\(refused)")
        #expect((refused["text"] as? String)?.contains("the move was not played") == true)
        let final = try #require(played["final"] as? [String: Any])
        #expect(final["ended"] as? Bool == true && final["outcome"] as? String == "agreement", "\(final)")
        let history = try #require(final["history"] as? [[String: Any]])
        let mine = history.filter { $0["by"] as? String == "buyer" }
        #expect(!mine.isEmpty && mine.allSatisfy { $0["decidedBy"] as? String == "client" })
        #expect(!mine.contains { ($0["terms"] as? [String: Any])?["price_per_tonne"] as? Int == 1_000_000 && ($0["terms"] as? [String: Any])?["indexation"] as? String == "lme_monthly" }, "the refused offer was never played")
        #expect(((played["afterEnd"] as? [String: Any])?["structured"] as? [String: Any])?["code"] as? String == "session_ended")
        let number = try #require(final["storedSession"] as? Int)
        let shown = try CLI.run("transcripts", "show", String(number), "--store", store)
        #expect(shown.output.contains("buyer: mcp-client · seller: conceder") && shown.output.contains("[decided by the tools client]"), "\(shown.output.prefix(600))")

        // What the client ran is in the store, and verifies from the command line too.
        #expect(try CLI.run("transcripts", "verify", "--store", store).status == 0)
    }
}

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
        #expect(seen["tools"] as? [String] == ["list_scenarios", "list_strategies", "list_transcripts", "run_session", "scenario_stats", "show_transcript", "verify_transcripts"])
        let schemas = try #require(seen["schemas"] as? [String: [String: Any]])
        #expect(schemas["run_session"]?["required"] as? [String] == ["scenario", "buyer", "seller"], "every tool has a JSON Schema for its input")
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
        // What the client ran is in the store, and verifies from the command line too.
        #expect(try CLI.run("transcripts", "verify", "--store", store).status == 0)
    }
}

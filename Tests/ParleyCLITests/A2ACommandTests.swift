import Foundation
import Testing

/// `parley serve --a2a` driven by the official A2A Python SDK (`a2a-sdk`, installed by scripts/setup into
/// .build/python-venv), through Examples/a2a-client/check.py: an independent client negotiating a whole session.
@Suite("parley serve --a2a: a Parley agent as an A2A 1.0 agent, negotiating with the official A2A Python SDK")
struct A2ACommandTests {
    @Test func theOfficialPythonClientNegotiatesAWholeSessionAsOneTask() throws {
        let (server, url) = try CLI.serve(["--agent", "boulware", "--a2a", "--token", "a2a-secret"])
        defer { server.terminate() }
        let run = try CLI.runPython("Examples/a2a-client/check.py", [url, "a2a-secret"])
        #expect(run.status == 0, "\(run.errors.suffix(3000))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])

        let card = try #require(seen["card"] as? [String: Any])
        let interfaces = try #require(card["supportedInterfaces"] as? [[String: Any]])
        #expect(interfaces.first?["url"] as? String == url + "/a2a" && interfaces.first?["protocolBinding"] as? String == "JSONRPC")
        #expect(interfaces.first?["protocolVersion"] as? String == "1.0")
        let extensions = try #require((card["capabilities"] as? [String: Any])?["extensions"] as? [[String: Any]])
        #expect(extensions.first?["uri"] as? String == "urn:parley:a2a:negotiation:v1" && extensions.first?["required"] as? Bool == true)
        #expect(card["securitySchemes"] != nil, "the card says a bearer token is needed")

        let states = try #require(seen["states"] as? [String])
        #expect(states.count > 2 && states.allSatisfy { $0 == "TASK_STATE_INPUT_REQUIRED" }, "an open session waits for the other side")
        #expect(seen["repeatedStartTaskId"] as? String == seen["taskId"] as? String, "a repeated start is the same task")
        let outcome = try #require(seen["outcome"] as? [String: Any])
        #expect(outcome["type"] as? String == "agreement", "boulware and the linear buyer agree on the reference deal: \(outcome)")
        #expect(seen["final"] as? String == "TASK_STATE_COMPLETED" && seen["fetched"] as? String == "TASK_STATE_COMPLETED")
        let artifact = try #require((seen["artifacts"] as? [[String: Any]])?.first)
        let terms = try #require((((artifact["parts"] as? [[String: Any]])?.first?["data"]) as? [String: Any])?["terms"] as? [String: Any])
        let agreed = try #require((outcome["agreement"] as? [String: Any])?["terms"] as? [String: Any])
        #expect(terms as NSDictionary == agreed as NSDictionary, "the agreement is the task's artifact")

        let mistakes = try #require(seen["mistakes"] as? [String: Any])
        #expect((mistakes["wrongKey"] as? String)?.hasPrefix("TaskNotFoundError") == true, "another client's message finds no task: \(mistakes)")
        #expect((mistakes["noExtension"] as? String)?.hasPrefix("ExtensionSupportRequiredError") == true)
        #expect((mistakes["afterEnd"] as? String)?.contains("has ended (TASK_STATE_COMPLETED)") == true)
        #expect((mistakes["cancelEnded"] as? String)?.hasPrefix("TaskNotCancelableError") == true)
    }
}

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

    /// An A2A agent written with the official SDK (Examples/a2a-agent/agent.py, the example Python agent's strategy behind
    /// the SDK's server) is driven by the arbiter as `a2a+http://…`: in a session it plays exactly as the same strategy
    /// behind the agent API does, and in a tournament and as an RFQ edge it is stored and verified like any agent.
    @Test func theArbiterDrivesAnAgentWrittenWithTheOfficialPythonSDK() throws {
        let (agent, url) = try CLI.launchServer(CLI.python, [CLI.repository.appendingPathComponent("Examples/a2a-agent/agent.py").path, "--port", "0"])
        defer { agent.terminate() }
        let (native, nativeURL) = try CLI.launchServer(CLI.python, [CLI.repository.appendingPathComponent("Examples/python-agent/agent.py").path, "--port", "0"])
        defer { native.terminate() }
        let session = ["run", "--scenario", "Examples/Scenarios/reference-supply.json", "--buyer", "conceder", "--seed", "5", "--no-store", "--seller"]
        let overA2A = try CLI.run(session + ["a2a+" + url])
        let overAPI = try CLI.run(session + [nativeURL])
        #expect(overA2A.status == 0 && overAPI.status == 0, "\(overA2A.errors) \(overAPI.errors)")
        let outcome = { (output: String) in output.split(separator: "\n").first { $0.hasPrefix("Outcome:") }.map(String.init) }
        #expect(outcome(overA2A.output)?.contains("agreement") == true, "\(overA2A.output)")
        #expect(outcome(overA2A.output) == outcome(overAPI.output), "the same strategy over A2A and over the agent API")

        let store = try CLI.temporaryPath("a2a.sqlite")
        let tournament = try CLI.run("tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--agents", "conceder,linear,a2a+" + url, "--store", store)
        #expect(tournament.status == 0 && tournament.output.contains("0 ended by an agent fault"), "\(tournament.output) \(tournament.errors)")
        #expect(tournament.output.contains("a2a+" + url))
        let rfq = try CLI.run("rfq", "--scenario", "Examples/MultiDeal/pumps-single-sourcing.json", "--edges", "a2a+\(url),conceder,linear", "--store", store)
        #expect(rfq.status == 0 && rfq.output.contains("a2a+http://"), "\(rfq.errors)")
        let verified = try CLI.run("transcripts", "verify", "--store", store)
        #expect(verified.status == 0 && verified.output.contains("verified 9 sessions and 1 multi-deal negotiation"), "\(verified.output)")

        let conformance = try CLI.run("conformance", "a2a+" + url)
        #expect(conformance.status == 0 && conformance.output.contains("15 passed, 0 failed"), "the SDK agent passes the A2A checks: \(conformance.output)")

        let notA2A = try CLI.run(session + ["a2a+" + nativeURL])
        #expect(notA2A.status != 0 && notA2A.errors.contains("agent-card.json"), "an agent API server is not an A2A agent: \(notA2A.errors)")
    }
}

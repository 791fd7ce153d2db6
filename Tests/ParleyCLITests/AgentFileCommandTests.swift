import Foundation
import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyProtocol
import ParleyRecords
import ParleyLedger
import ParleyStore
import ParleyTesting
import ScriptedChatServer
import Testing

@Suite("Agent files in parley run, tournament and serve, with an LLM agent on a local chat-completions server")
struct AgentFileCommandTests {
    /// The reference scenario has no turn limit, and the agent files below give the model two minutes a turn: other
    /// tests block the cooperative pool's threads on child processes, which can hold up this process's chat server
    /// for seconds, and a slow answer must not turn into a fallback move here.
    static let scenario = "Examples/Scenarios/reference-supply.json"

    /// A model that always offers the terms a side likes best, with a note, and accepts from turn 9 on.
    static func model(delay: Duration = .zero) throws -> ScriptedChatServer {
        let file = try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: CLI.repository.appendingPathComponent(scenario)))
        let best = try Dictionary(uniqueKeysWithValues: Role.allCases.map { role in
            let context = try AgentContext(scenario: file.scenario, role: role, profile: file.profile(for: role)!, seed: 1, indexes: BiddingIndexCache())
            return (role, try context.biddingIndex().terms(atRank: context.biddingIndex().count - 1))
        })
        return ScriptedChatServer(delay: delay) { request, _ in
            let role: Role = request.messages.first?.content.contains("the seller, in") == true ? .seller : .buyer
            let turn = request.messages.last.flatMap { $0.content.split(separator: " ").dropFirst().first }.flatMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) } ?? 1
            if turn >= 9, request.messages.last?.content.contains("You may accept it") == true {
                return .content(#"{"reasoning": "close enough", "action": "accept", "terms": null, "note": "Agreed."}"#)
            }
            let terms = best[role]!.values.map { "\"\($0.key)\": \($0.value.description.first!.isNumber ? $0.value.description : "\"\($0.value)\"")" }
            return .content(#"{"reasoning": "anchor high", "action": "offer", "terms": {\#(terms.joined(separator: ", "))}, "note": "Our best offer."}"#)
        }
    }

    /// An agent file for the model at `url`; `settings` adds fields to its `llm` object (`, "maxConcurrentRequests": 1`).
    static func agentFile(_ url: String, name: String = "llm-test", keyVariable: String? = nil, settings: String = "") throws -> String {
        let key = keyVariable.map { #", "apiKeyVariable": "\#($0)""# } ?? ""
        return try CLI.temporaryFile(#"{"name": "\#(name)", "strategy": "llm", "llm": {"baseURL": "\#(url)", "model": "scripted"\#(key), "turnTimeLimit": 120, "fallback": "linear"\#(settings)}}"#)
    }

    @Test func runWithAnLLMBuyerRecordsItsAttemptsInTheTranscript() async throws {
        let server = try Self.model()
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let result = try await CLI.runDetached([
            "run", "--scenario", Self.scenario, "--buyer", try Self.agentFile(url), "--seller", "conceder", "--seed", "3", "--no-store", "--json",
        ])
        #expect(result.status == 0, "\(result.errors)")
        let record = try WireCodec().decode(WireMessage<SessionRecord>.self, from: Data(result.output.utf8)).body
        #expect(record.transcript.header.buyer == AgentDescriptor(strategy: "llm", spec: "llm-test"))
        let buyerEntries = record.transcript.entries.filter { $0.by == .buyer }
        #expect(!buyerEntries.isEmpty && buyerEntries.allSatisfy { $0.trace?.decidedBy == .model })
        #expect(record.transcript.entries.filter { $0.by == .seller }.allSatisfy { $0.trace == nil })
        #expect(buyerEntries.first?.action.note == "Our best offer.")
        #expect(buyerEntries.compactMap(\.trace).map(\.attempts.count).reduce(0, +) == server.received.count, "every request is in the transcript")
        let readable = try await CLI.runDetached([
            "run", "--scenario", Self.scenario, "--buyer", try Self.agentFile(url), "--seller", "conceder", "--seed", "3", "--no-store",
        ])
        #expect(readable.output.contains("[model, 1 request]"), "the readable account shows how each LLM move was decided: \(readable.output)")
        #expect(readable.output.contains("the buyer's model: \(server.received.count / 2) requests, "), "the account ends with what the model cost")

        // The whole prompt is on record: the system prompt once, whole, as the server received it.
        let systems = buyerEntries.compactMap(\.trace).flatMap(\.attempts).compactMap(\.system)
        #expect(systems.count == 1 && systems.first == server.received.first?.messages.first?.content, "the system prompt, recorded once and whole")
        let stored = try CLI.temporaryPath("llm.sqlite")
        #expect(try await CLI.runDetached(["run", "--scenario", Self.scenario, "--buyer", try Self.agentFile(url), "--seller", "conceder", "--seed", "3", "--store", stored]).status == 0)
        let shown = try CLI.run("transcripts", "show", "1", "--store", stored, "--prompts")
        #expect(shown.status == 0 && shown.output.contains("[1] system:") && shown.output.contains("[1] asked:") && shown.output.contains("decided by the model"), "\(shown.output)")
        let firstLine = try #require(server.received.first?.messages.first?.content.split(separator: "\n").first)
        #expect(shown.output.contains(String(firstLine)), "the system prompt is printed")
        #expect(record.settlement.outcome.agreement != nil)
        #expect(record.transcript.entries.last?.action == .accept(note: "Agreed."), "the model's acceptance closed the deal")
    }

    /// Sessions with an LLM agent wait on its endpoint, so `--in-flight` of them run at once however few `--jobs`:
    /// the model's server sees one request at a time with `--in-flight 1`, several with `--in-flight 8`, and one again
    /// with `--in-flight 8` when the agent file allows its endpoint one request at a time.
    @Test func llmSessionsAreKeptInFlightUpToTheirOwnLimit() async throws {
        var most: [Int] = []
        for (inFlight, settings) in [(1, ""), (8, ""), (8, #", "maxConcurrentRequests": 1"#)] {
            let server = try Self.model(delay: .milliseconds(30))
            let url = try await server.start()
            let store = try CLI.temporaryPath("in-flight.sqlite")
            let result = try await CLI.runDetached([
                "tournament", "--scenario", Self.scenario, "--agents", "\(try Self.agentFile(url, settings: settings)),boulware,conceder", "--jobs", "1",
                "--in-flight", String(inFlight), "--store", store,
            ])
            await server.stop()
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output.contains("6 of 6 stored"), "\(result.output)")
            most.append(server.mostAtOnce)
        }
        #expect(most[0] == 1, "one LLM session at a time")
        #expect(most[1] >= 2, "several LLM sessions at once with one job: \(most[1])")
        #expect(most[2] == 1, "the endpoint's own limit holds however many sessions are in flight")
        let refused = try CLI.run("tournament", "--scenario", Self.scenario, "--in-flight", "0")
        #expect(refused.status != 0 && refused.errors.contains("--in-flight"))
    }

    @Test func aTournamentWithAnLLMAgentStoresEverySession() async throws {
        let server = try Self.model()
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let store = try CLI.temporaryPath("parley.sqlite")
        let result = try await CLI.runDetached([
            "tournament", "--scenario", Self.scenario, "--agents", "\(try Self.agentFile(url)),boulware,Examples/Agents/patient-boulware.json",
            "--store", store,
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("llm-test") && result.output.contains("patient-boulware"), "\(result.output)")
        let transcripts = try SQLiteStore(path: store, options: .init(readOnly: true))
        #expect(try transcripts.count() == 6)
        let llmSessions = try transcripts.sessions().filter { $0.buyer == "llm-test" || $0.seller == "llm-test" }
        #expect(llmSessions.count == 4)
        for session in llmSessions {
            let side: Role = session.buyer == "llm-test" ? .buyer : .seller
            #expect(try transcripts.record(of: session).record.transcript.entries.filter { $0.by == side }.allSatisfy { $0.trace != nil })
        }
    }

    @Test func anUnsetAPIKeyVariableFailsBeforeAnySession() throws {
        let store = try CLI.temporaryPath("parley.sqlite")
        let file = try Self.agentFile("http://127.0.0.1:9", keyVariable: "PARLEY_TEST_KEY_THAT_IS_NOT_SET")
        let result = try CLI.run("run", "--scenario", Self.scenario, "--buyer", file, "--seller", "conceder", "--store", store)
        #expect(result.status != 0)
        #expect(result.errors.contains("PARLEY_TEST_KEY_THAT_IS_NOT_SET, which is not set"), "\(result.errors)")
        let stored = FileManager.default.fileExists(atPath: store) ? try SQLiteStore(path: store).count() : 0
        #expect(stored == 0)
    }

    @Test func anInvalidAgentFileListsItsProblems() throws {
        let file = try CLI.temporaryFile(#"{"name": "broken", "strategy": "llm", "llm": {"baseURL": "ftp://x", "model": "", "maxAttempts": 0, "fallback": "nonesuch", "maxConcurrentRequests": 0}}"#)
        let result = try CLI.run("run", "--scenario", Self.scenario, "--buyer", file, "--seller", "conceder", "--no-store")
        #expect(result.status != 0)
        for problem in ["$.llm.baseURL", "$.llm.model", "$.llm.maxAttempts", "$.llm.fallback: unknown strategy 'nonesuch'", "$.llm.maxConcurrentRequests: must be from 1"] {
            #expect(result.errors.contains(problem), "\(problem) in \(result.errors)")
        }
        let unreadable = try CLI.run("run", "--scenario", Self.scenario, "--buyer", try CLI.temporaryFile("{\"name\": 3}"), "--seller", "conceder", "--no-store")
        #expect(unreadable.status != 0 && unreadable.errors.contains("is not a valid agent file: $.name"), "\(unreadable.errors)")
    }

    @Test func anAgentFileIsServedUnderItsName() throws {
        let (server, url) = try CLI.serve(["--agent", "Examples/Agents/patient-boulware.json"])
        defer { server.terminate() }
        let run = try CLI.run("run", "--scenario", Self.scenario, "--buyer", url, "--seller", "conceder", "--seed", "2", "--no-store", "--json")
        let local = try CLI.run("run", "--scenario", Self.scenario, "--buyer", "boulware:e=0.05", "--seller", "conceder", "--seed", "2", "--no-store", "--json")
        #expect(run.status == 0, "\(run.errors)")
        let remote = try WireCodec().decode(WireMessage<SessionRecord>.self, from: Data(run.output.utf8)).body
        let inProcess = try WireCodec().decode(WireMessage<SessionRecord>.self, from: Data(local.output.utf8)).body
        #expect(remote.transcript.entries.map(\.action) == inProcess.transcript.entries.map(\.action), "the file's parameters are the spec's")
    }

    @Test func everyExampleAgentFileIsValid() throws {
        let folder = CLI.repository.appendingPathComponent("Examples/Agents")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == ["hybrid-buyer.json", "llm-buyer.json", "llm-seller.json", "openai-buyer.json", "patient-boulware.json"])
        let factory = AgentFactory(environment: ["OPENAI_API_KEY": "sk-example"])
        for name in names {
            let file = try WireCodec().decode(AgentFile.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(file.name + ".json" == name)
            try factory.check(file)
        }
        #expect(throws: AgentSpecError.self) { try AgentFactory().check(try WireCodec().decode(AgentFile.self, from: Data(contentsOf: folder.appendingPathComponent("openai-buyer.json")))) }
    }
}

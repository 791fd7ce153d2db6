import Foundation
import ParleyAgents
import ParleyAssembly
import ParleyLLM
import ParleyProtocol
import ParleyRemote
import Testing

@Suite("Agent assembly: references become agent sources")
struct AgentFactoryTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("A spec, a URL and each kind of agent file become the source that plays it, named as transcripts name it")
    func eachKindOfReference() throws {
        let factory = AgentFactory(environment: ["OPENAI_API_KEY": "sk-test"])
        let spec = try factory.source(for: AgentReference(parsing: "boulware:e=0.1"))
        #expect(spec is StrategySource)
        #expect(spec.descriptor == AgentDescriptor(strategy: "boulware", spec: "boulware:e=0.1"))

        let remote = try factory.source(for: AgentReference(parsing: "http://127.0.0.1:9/"))
        #expect(remote is RemoteSource)
        #expect(remote.descriptor == AgentDescriptor(strategy: "remote", spec: "http://127.0.0.1:9"))
        #expect(!remote.needsProfile)

        let builtIn = try factory.source(for: .file(AgentFile(name: "patient", strategy: "boulware", parameters: ["e": "0.1"])))
        #expect(builtIn.descriptor == AgentDescriptor(strategy: "boulware", spec: "patient"))

        let llm = try factory.source(
            for: .file(AgentFile(name: "gpt", strategy: "llm", llm: LLMConfiguration(baseURL: "http://127.0.0.1:9", model: "m", apiKeyVariable: "OPENAI_API_KEY")))
        )
        #expect(llm is LLMSource)
        #expect(llm.descriptor == AgentDescriptor(strategy: "llm", spec: "gpt"))
        #expect((llm as? LLMSource)?.apiKey == "sk-test")
    }

    @Test("Bad references fail when the source is made: unknown strategies, bad files, unset key variables, bad URLs")
    func badReferences() throws {
        let factory = AgentFactory()
        #expect(throws: AgentSpecError.self) { try factory.source(for: .strategy(AgentSpec(strategy: "nobody"))) }
        #expect(throws: AgentSpecError.self) { try factory.source(for: .file(AgentFile(name: "x", strategy: "boulware", parameters: ["speed": "3"]))) }
        let keyed = AgentFile(name: "gpt", strategy: "llm", llm: LLMConfiguration(baseURL: "http://127.0.0.1:9", model: "m", apiKeyVariable: "NOT_SET_HERE"))
        #expect {
            try factory.source(for: .file(keyed))
        } throws: { error in
            (error as? AgentSpecError)?.code == .missingAPIKey && "\(error)".contains("NOT_SET_HERE")
        }
        #expect(throws: RemoteAgentError.self) { try factory.source(for: .remote(url: "http://")) }
    }

    @Test("Preflight fails at once, naming the agent, when a remote agent's server does not answer")
    func preflightOfAnUnreachableServer() async throws {
        let factory = AgentFactory()
        await #expect {
            _ = try await factory.preflightedSources(for: [.strategy(AgentSpec(strategy: "boulware")), .remote(url: "http://127.0.0.1:9")])
        } throws: { error in
            guard let unusable = error as? AgentUnusable else { return false }
            return unusable.agent.spec == "http://127.0.0.1:9" && unusable.description.hasPrefix("the remote agent http://127.0.0.1:9 is not usable: ")
        }
        let local = try await factory.preflightedSources(for: [.strategy(AgentSpec(strategy: "boulware")), .strategy(AgentSpec(strategy: "conceder"))])
        #expect(local.map(\.descriptor.spec) == ["boulware", "conceder"])
    }

    @Test("An argument ending in .json is read as an agent file; a missing or broken file is a clear error")
    func loadingArguments() throws {
        #expect(try AgentReference.load("conceder") == .strategy(AgentSpec(strategy: "conceder")))
        #expect(try AgentReference.load("http://127.0.0.1:8081/") == .remote(url: "http://127.0.0.1:8081"))
        guard case .file(let file) = try AgentReference.load(Self.repository.appendingPathComponent("Examples/Agents/patient-boulware.json").path) else {
            Issue.record("an agent file is read as a file")
            return
        }
        #expect(file.strategy == "boulware")
        #expect(throws: AgentReference.FileFailure.self) { try AgentReference.load("/no/such/agent.json") }
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("parley-broken-\(UUID().uuidString).json")
        try Data(#"{"name": "x"}"#.utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect {
            try AgentReference.load(broken.path)
        } throws: { error in
            "\(error)".contains("is not a valid agent file") && "\(error)".contains("strategy")
        }
    }
}

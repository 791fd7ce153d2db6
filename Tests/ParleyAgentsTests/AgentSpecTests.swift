import ParleyAgents
import ParleyProtocol
import Testing

@Suite("Agent specs and the registry")
struct AgentSpecTests {
    @Test func parsesNamesAndParameters() throws {
        #expect(try AgentSpec(parsing: "boulware") == AgentSpec(strategy: "boulware"))
        let spec = try AgentSpec(parsing: "tit-for-tat:kindness=0.05")
        #expect(spec.parameters == ["kindness": "0.05"])
        #expect(spec.description == "tit-for-tat:kindness=0.05")
    }

    @Test(arguments: ["", ":e=1", "boulware:e", "boulware:=1", "boulware:e=1:e=2"])
    func malformedSpecs(text: String) throws {
        let error = try #require(throws: AgentSpecError.self) { try AgentSpec(parsing: text) }
        #expect(error.code == .malformed)
    }

    @Test func unknownStrategyListsTheKnownOnes() throws {
        let error = try #require(throws: AgentSpecError.self) { try StrategyRegistry.builtIns.check(AgentSpec(strategy: "bulwark")) }
        #expect(error.code == .unknownStrategy)
        #expect(error.message.contains("boulware"))
    }

    @Test func unknownParameterIsNamed() throws {
        let error = try #require(throws: AgentSpecError.self) { try StrategyRegistry.builtIns.check(AgentSpec(parsing: "boulware:x=1")) }
        #expect(error.code == .unknownParameter)
        #expect(error.message.contains("'x'") && error.message.contains("e"))
    }

    @Test func invalidParameterValueIsRefused() throws {
        let file = try Support.scenarioFile("reference-supply")
        let context = try Support.context(file, .buyer)
        for text in ["boulware:e=zero", "boulware:e=-1", "tit-for-tat:kindness=2"] {
            #expect(throws: AgentSpecError.self) { try StrategyRegistry.builtIns.makeStrategy(AgentSpec(parsing: text), context: context) }
        }
    }

    @Test func builtInsAreRegistered() {
        let field = ["agentk", "boulware", "conceder", "cuhkagent", "hardheaded", "hardliner", "linear", "micro", "nice-tit-for-tat", "random", "tit-for-tat"]
        #expect(StrategyRegistry.builtIns.defaultField == field)
        #expect(StrategyRegistry.builtIns.names == (field + ["boa"]).sorted())
    }
}

import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol

/// Registers the custom strategy beside the built-ins and runs it against one of them.
enum Example {
    /// The built-ins plus `anchored`.
    static var registry: StrategyRegistry {
        var registry = StrategyRegistry.builtIns
        registry.register(.init(name: "anchored", summary: "concedes linearly, anchored on the opponent's best offer") { _, context in
            try Anchored(context: context)
        })
        return registry
    }

    /// Runs `anchored` (buyer) against a built-in (seller) on a scenario file, timed by `clock`.
    static func run<C: Clock>(scenarioPath: String, opponent: String, seed: UInt64, clock: C) async throws -> SessionRecord where C.Duration == Duration {
        let file = try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: URL(fileURLWithPath: scenarioPath)))
        let factory = AgentFactory(registry: registry)
        let buyer = AgentSpec(strategy: "anchored")
        let seller = try AgentSpec(parsing: opponent)
        let setup = SessionSetup(scenario: file.scenario, buyer: buyer, seller: seller, seed: seed, landscape: try OutcomeLandscape(file: file))
        let arbiter = Arbiter(clock: clock, logger: Logger(label: "example") { _ in SwiftLogNoOpLogHandler() })
        return await arbiter.run(
            setup,
            buyer: try factory.makeAgent(buyer, role: .buyer, file: file, sessionSeed: seed),
            seller: try factory.makeAgent(seller, role: .seller, file: file, sessionSeed: seed)
        )
    }
}

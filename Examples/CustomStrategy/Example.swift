import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords

/// Registers the custom strategy beside the built-ins and runs it against one of them.
enum Example {
    /// The built-ins plus `anchored` and `assembled`.
    static var registry: StrategyRegistry {
        var registry = StrategyRegistry.builtIns
        registry.register(.init(name: "anchored", summary: "concedes linearly, anchored on the opponent's best offer") { _, context in
            try Anchored(context: context)
        })
        registry.register(.init(name: "assembled", summary: "Boulware-like offering with a frequency model, patient acceptance") { _, context in
            try assembled(context: context)
        })
        return registry
    }

    /// Runs `anchored` (buyer) against a built-in (seller) on a scenario file, timed by `clock`.
    static func run<C: Clock>(scenarioPath: String, opponent: String, seed: UInt64, clock: C) async throws -> SessionRecord where C.Duration == Duration {
        let file = try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: URL(fileURLWithPath: scenarioPath)))
        let match = Match(
            file: file, buyer: try StrategySource(AgentSpec(strategy: "anchored"), registry: registry), seller: try StrategySource(AgentSpec(parsing: opponent)),
            seed: seed, landscape: try OutcomeLandscape(file: file)
        )
        let arbiter = Arbiter(clock: clock, logger: Logger(label: "example") { _ in SwiftLogNoOpLogHandler() })
        return try await arbiter.play(match)
    }
}

import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting

/// Runs real sessions for the ledger tests (support, no assertions).
enum Sessions {
    static func run(_ file: ScenarioFile, buyer: String, seller: String, seed: UInt64 = 3, analyzed: Bool = false) async throws -> SessionRecord {
        let arbiter = Arbiter(clock: ManualClock(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        return try await arbiter.play(
            Match(
                file: file, buyer: try StrategySource(AgentSpec(strategy: buyer)), seller: try StrategySource(AgentSpec(strategy: seller)), seed: seed,
                landscape: analyzed ? try OutcomeLandscape(file: file) : nil
            )
        )
    }
}

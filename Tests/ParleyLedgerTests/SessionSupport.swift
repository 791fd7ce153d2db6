import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyTesting

/// Runs real sessions for the ledger tests (support, no assertions).
enum Sessions {
    static func run(_ file: ScenarioFile, buyer: String, seller: String, seed: UInt64 = 3, analyzed: Bool = false) async throws -> SessionRecord {
        let factory = AgentFactory()
        let arbiter = Arbiter(clock: ManualClock(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let buyerSpec = AgentSpec(strategy: buyer)
        let sellerSpec = AgentSpec(strategy: seller)
        return await arbiter.run(
            SessionSetup(scenario: file.scenario, buyer: buyerSpec, seller: sellerSpec, seed: seed, landscape: analyzed ? try OutcomeLandscape(file: file) : nil),
            buyer: try factory.makeAgent(buyerSpec, role: .buyer, file: file, sessionSeed: seed),
            seller: try factory.makeAgent(sellerSpec, role: .seller, file: file, sessionSeed: seed)
        )
    }
}

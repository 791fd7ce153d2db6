import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Synchronization

/// A session builder, and a box for state that value-type test strategies report to (the misbehaving strategies are in ParleyTesting).
enum Support {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let startDate = Date(timeIntervalSince1970: 1_800_000_000)

    static func file(_ name: String = "reference-supply") throws -> ScenarioFile {
        try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: repository.appendingPathComponent("Examples/Scenarios/\(name).json")))
    }

    static func arbiter(_ clock: ManualClock) -> Arbiter<ManualClock> {
        Arbiter(clock: clock, wallClock: { startDate }, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    static func setup(_ file: ScenarioFile, buyer: String, seller: String, seed: UInt64 = 1, analyse: Bool = true) throws -> SessionSetup {
        SessionSetup(
            id: .derived(seed: seed, scenario: file.scenario.id, buyer: buyer, seller: seller), scenario: file.scenario,
            buyer: AgentDescriptor(strategy: buyer, spec: buyer), seller: AgentDescriptor(strategy: seller, spec: seller),
            seed: seed, landscape: analyse ? try OutcomeLandscape(file: file) : nil
        )
    }

    static func agent(_ spec: String, _ role: Role, _ file: ScenarioFile, seed: UInt64 = 1) throws -> any Strategy {
        try StrategySource(AgentSpec(parsing: spec)).makeStrategy(for: Seat(file: file, role: role, sessionSeed: seed, session: SessionID(rawValue: "s")))
    }
}

extension Mutex {
    /// A reference to a mutex, so a value-type strategy can report to the test.
    final class Box: Sendable {
        let value: Mutex<Value>
        init(_ value: sending Value) { self.value = Mutex(value) }
    }
}

import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Synchronization

/// Test strategies that misbehave in each way the arbiter must survive, and a session builder.
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

/// Throws on its first turn.
struct Throwing: Strategy {
    struct Broken: Error, CustomStringConvertible { var description: String { "the model fell over" } }
    func respond(to view: TurnView) throws -> Action { throw Broken() }
}

/// Never answers: it sleeps on the manual clock far beyond any limit (and stops only when cancelled).
struct Hanging: Strategy {
    let clock: ManualClock
    func respond(to view: TurnView) async throws -> Action {
        try await clock.sleep(for: .seconds(1_000_000))
        return .accept
    }
}

/// Answers, but only after the manual clock has moved past the turn limit.
struct Slow: Strategy {
    let clock: ManualClock
    let delay: Duration
    func respond(to view: TurnView) -> Action {
        clock.advance(by: delay)
        return .walkAway(reason: "late")
    }
}

/// Returns a fixed action every turn.
struct Fixed: Strategy {
    let action: Action
    func respond(to view: TurnView) -> Action { action }
}

/// Records the outcome it is told about.
struct Listening: Strategy {
    let heard: Mutex<[Outcome]>.Box
    func respond(to view: TurnView) -> Action { .walkAway(reason: "done") }
    func sessionEnded(with outcome: Outcome) async { heard.value.withLock { $0.append(outcome) } }
}

extension Mutex {
    /// A reference to a mutex, so a value-type strategy can report to the test.
    final class Box: Sendable {
        let value: Mutex<Value>
        init(_ value: sending Value) { self.value = Mutex(value) }
    }
}

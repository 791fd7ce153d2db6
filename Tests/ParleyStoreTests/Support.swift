import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyLedger
import ParleyStore
import ParleyTesting

/// Real sessions to store, and fresh store files in a temporary folder.
enum Support {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ name: String) throws -> ScenarioFile {
        try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: repository.appendingPathComponent("Examples/Scenarios/\(name).json")))
    }

    /// A path for a new store file in a new temporary folder.
    static func storePath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("parley.sqlite").path
    }

    /// A real session between built-ins, timed by a manual clock.
    static func session(_ scenario: String = "reference-supply", buyer: String = "boulware", seller: String = "conceder", seed: UInt64 = 1) async throws -> (record: SessionRecord, profiles: [Role: Profile]) {
        let file = try file(scenario)
        let arbiter = Arbiter(clock: ManualClock(), wallClock: { Date(timeIntervalSince1970: 1_800_000_000 + Double(seed)) }, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let record = try await arbiter.play(
            Match(
                file: file, buyer: try StrategySource(AgentSpec(parsing: buyer)), seller: try StrategySource(AgentSpec(parsing: seller)), seed: seed,
                landscape: try OutcomeLandscape(file: file)
            )
        )
        return (record, file.profiles)
    }
}

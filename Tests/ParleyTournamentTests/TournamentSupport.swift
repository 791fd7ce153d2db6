import Foundation
import Logging
import ParleyAgents
import ParleyProtocol
import ParleyRecords
import ParleyLedger
import ParleyStore
import ParleyTesting
import ParleyReports
import ParleyTournament

/// Plans, stores and runs for the tournament tests.
enum TournamentSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ name: String) throws -> ScenarioFile {
        try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: repository.appendingPathComponent("Examples/Scenarios/\(name).json")))
    }

    static func plan(agents: String = "boulware,linear,conceder,tit-for-tat,random", repetitions: Int = 2, selfPlay: Bool = false, seed: UInt64 = 7) throws -> TournamentPlan {
        try TournamentPlan(
            scenarios: [file("reference-supply"), ReferenceScenarios.supply(prices: 20)],
            agents: agents.split(separator: ",").map { try AgentSpec(parsing: String($0)) },
            repetitions: repetitions, selfPlay: selfPlay, seed: seed
        )
    }

    /// A new store in a new temporary folder.
    static func store() throws -> SQLiteStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tournament-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try SQLiteStore(path: folder.appendingPathComponent("parley.sqlite").path)
    }

    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Runs a plan into a store and returns the rebuilt report.
    static func run(_ plan: TournamentPlan, store: some TranscriptStore, jobs: Int = 2, batchSize: Int = 16) async throws -> TournamentReport {
        var runner = TournamentRunner(plan: plan, jobs: jobs, logger: quiet)
        runner.batchSize = batchSize
        try await runner.run(store: store)
        return try TournamentReport(store: store, tournament: plan.id)
    }
}

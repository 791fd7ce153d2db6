import Foundation
import Logging
import ParleyAgents
import ParleyLedger
import ParleyProtocol
import ParleyReports
import ParleyTesting
import ParleyTournament

/// Tournaments played into an in-memory store, for the report tests.
enum ReportsSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ name: String) throws -> ScenarioFile {
        try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: repository.appendingPathComponent("Examples/Scenarios/\(name).json")))
    }

    static func plan(agents: String, repetitions: Int = 1) throws -> TournamentPlan {
        try TournamentPlan(
            scenarios: [file("reference-supply")], agents: agents.split(separator: ",").map { try AgentSpec(parsing: String($0)) },
            repetitions: repetitions, seed: 7
        )
    }

    static func store() -> InMemoryStore { InMemoryStore() }

    /// Plays a plan into a store and returns its report.
    static func run(_ plan: TournamentPlan, store: some TranscriptStore) async throws -> TournamentReport {
        try await TournamentRunner(plan: plan, jobs: 2, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }).run(store: store)
        return try TournamentReport(store: store, tournament: plan.id)
    }
}

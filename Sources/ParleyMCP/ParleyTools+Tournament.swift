import Foundation
import Logging
import MCP
import ParleyAssembly
import ParleyLedger
import ParleyProtocol
import ParleyReports
import ParleyTournament

/// `run_tournament`: a tournament between agents on scenarios, stored in the server's store, with progress
/// notifications when the client asks for them.
extension ParleyTools {
    var tournamentTool: Tool {
        Tool(
            name: "run_tournament",
            description: "Run a tournament: every agent meets every other on every scenario, as buyer and as seller; stored in the server's store (a rerun resumes it). Returns the leaderboard. Send a progress token to receive progress notifications.",
            inputSchema: Self.schema([
                "scenarios": ["type": "array", "items": ["type": "string"], "minItems": 1, "description": "Scenario files (JSON)."],
                "agents": ["type": "array", "items": ["type": "string"], "minItems": 2, "description": "Strategy specs, agent server URLs or agent files."],
                "repetitions": ["type": "integer", "minimum": 1, "maximum": 100, "description": "Times each pairing plays each scenario; 1 by default."],
                "seed": ["type": "integer", "minimum": 0, "description": "The tournament seed; 1 by default."],
            ], required: ["scenarios", "agents"])
        )
    }

    func runTournament(_ arguments: [String: Value], progress: (@Sendable (Double, Double?, String) async -> Void)?) async throws -> CallTool.Result {
        let store = try requireStore()
        func strings(_ name: String) throws -> [String] {
            guard case .array(let items)? = arguments[name], !items.isEmpty else { throw ToolError.argument(name, "a non-empty array of strings") }
            return try items.map { item in
                guard let text = item.stringValue, !text.isEmpty else { throw ToolError.argument(name, "a non-empty array of strings") }
                return text
            }
        }
        let repetitions = arguments["repetitions"]?.intValue ?? 1
        guard (1...100).contains(repetitions) else { throw ToolError.argument("repetitions", "an integer from 1 to 100") }
        let seed = arguments["seed"].map { $0.intValue.flatMap { $0 >= 0 ? UInt64($0) : nil } } ?? 1
        guard let seed else { throw ToolError.argument("seed", "an integer from 0") }
        let files = try strings("scenarios").map { try ScenarioLoader().load($0) }
        let agents = try strings("agents").map { try AgentReference.load($0) }
        let plan = try TournamentPlan(scenarios: files, agents: agents, repetitions: repetitions, seed: seed)
        var runner = TournamentRunner(plan: plan, jobs: ProcessInfo.processInfo.activeProcessorCount, logger: Logger(label: "parley.mcp") { _ in SwiftLogNoOpLogHandler() })
        runner.factory = factory
        // Progress arrives on the runner's tasks; a stream hands it to one task that notifies in order.
        let (updates, sink) = AsyncStream<TournamentProgress>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let notifier = Task {
            for await update in updates {
                await progress?(Double(update.done), Double(update.total), "\(update.done) of \(update.total) sessions")
            }
        }
        let done = try await runner.run(store: store) { sink.yield($0) }
        sink.finish()
        await notifier.value
        await progress?(Double(done.done), Double(done.total), "done")
        let report = try TournamentReport(store: store, tournament: plan.id)
        let rows: [Value] = report.leaderboard.rows.map { row in
            [
                "agent": .string(row.agent), "sessions": .int(row.sessions), "meanUtility": .double(row.meanUtility),
                "agreementRate": .double(row.agreementRate), "rank": row.rank.map { .string($0) } ?? .null,
            ]
        }
        let structured: Value = ["tournament": .string(plan.id), "sessions": .int(done.total), "played": .int(done.played), "leaderboard": .array(rows)]
        return CallTool.Result(content: [Self.text(report.title + "\n\n" + report.leaderboard.table)], structuredContent: .some(structured))
    }
}

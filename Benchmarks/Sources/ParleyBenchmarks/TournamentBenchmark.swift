import Foundation
import Logging
import ParleyAgents
import ParleyProtocol
import ParleyStore
import ParleyTournament
import Synchronization

/// `parley-bench tournament JOBS REPETITIONS [AGENTS]`: one tournament on the reference scenario into a fresh
/// store, in its own process so that its peak memory is its own.
enum TournamentBenchmark {
    static func run(jobs: Int, repetitions: Int, agents: String, scenario: ScenarioFile) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("bench.sqlite").path)
        let plan = try TournamentPlan(
            scenarios: [scenario], agents: agents.split(separator: ",").map { try AgentSpec(parsing: String($0)) }, repetitions: repetitions, seed: 1
        )
        let runner = TournamentRunner(plan: plan, jobs: jobs, logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
        let clock = ContinuousClock()
        let start = clock.now
        // Large tournaments print the rate of each tenth as it is stored, so a rate that falls with the store's size shows.
        let tenths = Mutex((next: 1, at: 0.0, stored: 0))
        let total = plan.total
        let progress = try await runner.run(store: store) { progress in
            guard total >= 100_000 else { return }
            tenths.withLock { tenth in
                guard progress.stored * 10 >= tenth.next * total else { return }
                let rate = Double(progress.stored - tenth.stored) / max(1e-9, progress.elapsed - tenth.at)
                print(String(format: "    %3d%% stored: %.0f sessions/s over the last tenth", tenth.next * 10, rate))
                fflush(nil)
                tenth = (tenth.next + 1, progress.elapsed, progress.stored)
            }
        }
        let wall = start.duration(to: clock.now)
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let stored = try store.count()
        precondition(stored == plan.total, "every session stored")
        // The peak resident set of this process (VmHWM): unlike getrusage's, it does not carry over the
        // parent's peak across exec.
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let peakKiB = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
        print(String(
            format: "  %@, reference scenario, %d repetitions, --jobs %d: %d sessions in %.3f s = %.0f sessions/s (store included; setup included: %.0f/s), peak RSS %.1f MiB",
            agents, repetitions, jobs, plan.total, progress.elapsed, progress.rate, Double(plan.total) / seconds, peakKiB / 1024
        ))
    }

    /// Runs one configuration in a child process and prints its line.
    static func spawn(jobs: Int, repetitions: Int, agents: String) throws {
        fflush(nil)  // the parent's lines first: the child writes to the same output
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["tournament", String(jobs), String(repetitions), agents]
        try process.run()
        process.waitUntilExit()
    }
}

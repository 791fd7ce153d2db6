import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyTesting
import ParleyTournament

/// `parley-bench multideal`: whole multi-deal negotiations in process (the centre best-standing+boulware, edges
/// alternating conceder and linear, each edge the reference deal), with 3 and 10 edges, single sourcing and a
/// split order: played by the arbiter alone, one at a time and with one task per core (each task with its own copy
/// of the scenario, landscape and agents, as the tournament runner gives each worker), then as a tournament through
/// `MultiDealTournamentRunner` into an in-memory store (chains and storing included): negotiations per second,
/// three runs each.
enum MultiDealBenchmark {
    static func run(file: ScenarioFile) async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for edges in [3, 10] {
            for need in [Need.single, .split(issue: "quantity", total: 50 * edges, shortfallPenalty: 0)] {
                let scenario = MultiDealScenario(
                    id: "bench", name: "bench", centre: .buyer, mode: .parallel, need: need, reservation: 0,
                    edges: (0..<edges).map { MultiDealScenario.Edge(id: "e\($0)", scenario: file) }
                )
                precondition(scenario.validate().isEmpty, "the benchmark's scenario is valid")
                let count = edges == 3 ? 300 : 100
                for jobs in [1, cores] {
                    var rates: [String] = []
                    for _ in 1...3 {
                        let (duration, turns) = try await play(scenario, count: count, jobs: jobs)
                        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                        rates.append(String(format: "%.0f/s (%.1f µs a turn)", Double(count) / seconds, seconds * 1e6 / Double(turns)))
                    }
                    let label = if case .single = need { "single sourcing" } else { "split order" }
                    print("  \(edges) edges, \(label), \(jobs) job\(jobs == 1 ? "" : "s"): " + rates.joined(separator: ", "))
                }
                for jobs in [1, cores] {
                    var rates: [String] = []
                    for _ in 1...3 {
                        let plan = try MultiDealTournamentPlan(
                            scenarios: [scenario], centres: ["best-standing+boulware"], edges: [.strategy(AgentSpec(strategy: "conceder")), .strategy(AgentSpec(strategy: "linear"))],
                            repetitions: count / 2
                        )
                        let runner = MultiDealTournamentRunner(plan: plan, jobs: jobs, logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
                        let start = ContinuousClock.now
                        try await runner.run(store: InMemoryStore())
                        let seconds = (ContinuousClock.now - start) / .seconds(1)
                        rates.append(String(format: "%.0f/s", Double(plan.total) / seconds))
                    }
                    print("    tournament into memory, \(jobs) job\(jobs == 1 ? "" : "s"): " + rates.joined(separator: ", "))
                }
            }
        }
    }

    /// Plays `count` negotiations with seeds 0…, `jobs` at a time; returns the wall time and the turns played.
    static func play(_ scenario: MultiDealScenario, count: Int, jobs: Int) async throws -> (Duration, Int) {
        let arbiter = Arbiter(clock: ContinuousClock(), logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
        let json = try JSONEncoder().encode(scenario)
        let start = ContinuousClock.now
        let turns = try await withThrowingTaskGroup(of: Int.self) { group in
            for job in 0..<jobs {
                group.addTask {
                    let scenario = try JSONDecoder().decode(MultiDealScenario.self, from: json)
                    let indexes = BiddingIndexCache()
                    let centre = CentreSource(rule: .bestStanding, agent: try StrategySource(AgentSpec(parsing: "boulware"), indexes: indexes), indexes: indexes)
                    let agents = try ["conceder", "linear"].map { try StrategySource(AgentSpec(parsing: $0), indexes: indexes) }
                    let edges: [any AgentSource] = scenario.edges.indices.map { agents[$0 % 2] }
                    let landscape = try MultiDealLandscape(scenario: scenario)
                    var turns = 0
                    for seed in stride(from: job, to: count, by: jobs) {
                        let record = try await arbiter.play(MultiDealMatch(scenario: scenario, centre: centre, edges: edges, seed: UInt64(seed), landscape: landscape))
                        turns += record.sessions.reduce(0) { $0 + $1.record.transcript.entries.count }
                    }
                    return turns
                }
            }
            return try await group.reduce(0, +)
        }
        return (start.duration(to: .now), turns)
    }
}

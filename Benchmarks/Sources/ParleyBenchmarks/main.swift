import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyStore
import ParleyTesting
import ParleyServer

// Figures for the closing notes. Always run in release: swift run -c release --package-path Benchmarks parley-bench

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let file = try WireCodec().decode(
    ScenarioFile.self, from: Data(contentsOf: root.appendingPathComponent("Examples/Scenarios/reference-supply.json"))
)
let clock = ContinuousClock()

func measure(_ body: () async throws -> Void) async rethrows -> Duration {
    let start = clock.now
    try await body()
    return start.duration(to: clock.now)
}

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

/// `boulware` vs `conceder` on the reference scenario, all in: agents built from specs, the arbiter with its
/// rules, transcript and clock reads, and the settlement analysis (the landscape shared, as in tournaments).
func sessions(
    count: Int, buyer: String, seller: String, on file: ScenarioFile = file
) async throws -> (duration: Duration, offers: Int, actions: Int, agreements: Int) {
    let indexes = BiddingIndexCache()
    let landscape = try OutcomeLandscape(file: file)
    let arbiter = Arbiter(clock: clock, logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
    let buyerAgent = try StrategySource(AgentSpec(parsing: buyer), indexes: indexes)
    let sellerAgent = try StrategySource(AgentSpec(parsing: seller), indexes: indexes)
    var offers = 0
    var actions = 0
    var agreements = 0
    let duration = try await measure {
        for seed in 0..<UInt64(count) {
            let record = try await arbiter.play(Match(file: file, buyer: buyerAgent, seller: sellerAgent, seed: seed, landscape: landscape))
            actions += record.transcript.entries.count
            offers += record.transcript.entries.lazy.filter { $0.action.offeredTerms != nil }.count
            if record.settlement.outcome.agreement != nil { agreements += 1 }
        }
    }
    return (duration, offers, actions, agreements)
}

let tournamentAgents = "boulware,linear,conceder,tit-for-tat"
if CommandLine.arguments.count >= 4, CommandLine.arguments[1] == "tournament" {
    try await TournamentBenchmark.run(
        jobs: Int(CommandLine.arguments[2])!, repetitions: Int(CommandLine.arguments[3])!,
        agents: CommandLine.arguments.count > 4 ? CommandLine.arguments[4] : tournamentAgents, scenario: file
    )
    exit(0)
}

if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "serve" {
    // A release-built agent server for outside load generators such as wrk.
    let server = AgentServer(
        agent: try StrategySource(AgentSpec(strategy: "boulware")), configuration: .init(port: 0), clock: ContinuousClock(),
        logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
    )
    let running = try await server.start(handlingSignals: true)
    print(running.url)
    fflush(nil)
    try await running.wait()
    exit(0)
}
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "http-probe", let count = Int(CommandLine.arguments[3]) {
    // One kind of request, `count` times, for profilers and CPU counts: `perf record -g parley-bench http-probe turn 20000`.
    try await HTTPBenchmark.probe(CommandLine.arguments[2], count: count, benchFile: file)
    exit(0)
}
if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "http-turn" {
    try await HTTPBenchmark.floor(benchFile: file, repeatedTurnsOnly: true)
    exit(0)
}
if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "a2a" {
    try await HTTPBenchmark.a2a(file: file)
    exit(0)
}

if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "http" {
    try await HTTPBenchmark.floor(benchFile: file)
    try await HTTPBenchmark.run(file: file)
    exit(0)
}

/// Per offer on the reference scenario's issues with 10^4 and 10^6 outcomes, alternated, with their ratio.
func largeSpaces(runs: Int) async throws {
    for run in 1...runs {
        var perOffer: [Int: Double] = [:]
        for prices in [10, 1000] {
            let scenario = ReferenceScenarios.supply(prices: prices)
            _ = try await sessions(count: 20, buyer: "boulware", seller: "conceder", on: scenario)
            let result = try await sessions(count: 5_000, buyer: "boulware", seller: "conceder", on: scenario)
            perOffer[prices] = microseconds(result.duration) / Double(result.offers)
        }
        print(String(format: "  run %d: %.3f µs per offer at 10^4 outcomes, %.3f at 10^6: ratio %.2f", run, perOffer[10]!, perOffer[1000]!, perOffer[1000]! / perOffer[10]!))
    }
}

if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "large" {
    print("boulware vs conceder, 5,000 sessions each, the reference issues with 10 or 1,000 prices (10^4 and 10^6 outcomes):")
    try await largeSpaces(runs: 3)
    exit(0)
}

if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "multideal" {
    print("multi-deal negotiations in process (best-standing+boulware against conceder and linear edges on the reference deal):")
    try await MultiDealBenchmark.run(file: file)
    exit(0)
}

if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "scenarios" {
    try ScenarioBenchmark.run()
    exit(0)
}

if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "agents" {
    try await AgentBenchmark.run(runs: 3)
    exit(0)
}

if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "in-process" {
    _ = try await sessions(count: 50, buyer: "boulware", seller: "conceder")
    try await inProcess()
    exit(0)
}

print("Parley benchmarks (release build expected)")
print("")

// Warm up: builds the bidding indexes once, as any run would.
_ = try await sessions(count: 50, buyer: "boulware", seller: "conceder")

/// The built-in pairs in process on the reference scenario, all in.
func inProcess() async throws {
    for (buyer, seller) in [("boulware", "conceder"), ("linear", "tit-for-tat"), ("random", "random")] {
        let count = 20_000
        let result = try await sessions(count: count, buyer: buyer, seller: seller)
        let total = microseconds(result.duration)
        print("\(buyer) vs \(seller), reference scenario, \(count) sessions:")
        print(String(format: "  %.3f µs per offer (all in)   %.3f µs per action   %.0f sessions/s   %.1f offers/session   %d%% agreements",
                     total / Double(result.offers), total / Double(result.actions), Double(count) / (total / 1e6),
                     Double(result.offers) / Double(count), result.agreements * 100 / count))
    }
}
try await inProcess()

print("")
print("boulware vs conceder, 5,000 sessions each, the reference issues with 10^4 and 10^6 outcomes:")
try await largeSpaces(runs: 1)

// Settlement analysis on a million outcomes: enumerate, sort, sweep, the Nash, Kalai–Smorodinsky and egalitarian points.
let million = ReferenceScenarios.supply(prices: 1000)
let millionBuyer = million.profiles[.buyer]!
let millionSeller = million.profiles[.seller]!
var frontierSize = 0
let landscapeTime = try await measure {
    frontierSize = try OutcomeLandscape(file: million).frontier.points.count
}
print("")
print(String(format: "Outcome landscape of 1,000,000 outcomes (frontier, Nash, Kalai–Smorodinsky, egalitarian): %.1f ms, %d frontier points", microseconds(landscapeTime) / 1000, frontierSize))
let indexTime = try await measure {
    _ = try BiddingIndex(utility: UtilityFunction(profile: millionBuyer, scenario: million.scenario))
}
print(String(format: "Bidding index of 1,000,000 outcomes: %.1f ms (built once per profile)", microseconds(indexTime) / 1000))

// The store: boulware vs conceder sessions (about 125 events each) hashed and written to a fresh SQLite file.
func storeBenchmark(batch: Int, total: Int) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try SQLiteStore(path: folder.appendingPathComponent("bench.sqlite").path)
    let landscape = try OutcomeLandscape(file: file)
    let arbiter = Arbiter(clock: clock, logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
    let indexes = BiddingIndexCache()
    let buyer = try StrategySource(AgentSpec(strategy: "boulware"), indexes: indexes)
    let seller = try StrategySource(AgentSpec(strategy: "conceder"), indexes: indexes)
    var records: [(record: SessionRecord, profiles: [Role: Profile])] = []
    for seed in 0..<UInt64(batch) {
        let record = try await arbiter.play(Match(file: file, buyer: buyer, seller: seller, seed: seed, landscape: landscape))
        records.append((record, file.profiles))
    }
    var chained = 0
    let chainTime = try await measure {
        for (record, profiles) in records { chained += try record.chain(profiles: profiles).count }
    }
    let chainer = try SessionChainer(scenario: file.scenario, profiles: file.profiles)
    let chainerTime = try await measure {
        for (record, _) in records { _ = try chainer.chain(record) }
    }
    let storeTime = try await measure {
        for _ in 0..<(total / batch) { try store.save(records) }
    }
    print(String(format: "  hash chains: %.1f µs per record, %.0f sessions/s", microseconds(chainTime) / Double(chained), Double(batch) / (microseconds(chainTime) / 1e6)))
    print(String(format: "  hash chains with one SessionChainer per scenario (as tournaments): %.1f µs per record", microseconds(chainerTime) / Double(chained)))
    print(String(format: "  stored in batches of %d: %.0f sessions/s (%d sessions, chains included)", batch, Double(total) / (microseconds(storeTime) / 1e6), total))
}
print("")
print("Transcript store, boulware vs conceder on the reference scenario:")
try await storeBenchmark(batch: 1, total: 200)
try await storeBenchmark(batch: 100, total: 2000)

print("")
try await HTTPBenchmark.run(file: file)

print("")
print("Tournaments (each in its own process; NegMAS runs this kind of tournament at 14–24 sessions/s):")
for repetitions in [10, 1000] {
    for jobs in [1, 2] {
        try TournamentBenchmark.spawn(jobs: jobs, repetitions: repetitions, agents: tournamentAgents)
    }
}
try TournamentBenchmark.spawn(jobs: 2, repetitions: 5000, agents: "boulware,linear,conceder,tit-for-tat,random,hardliner")

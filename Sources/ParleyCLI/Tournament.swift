import ArgumentParser
import Foundation
import Logging
import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyLedger
import ParleyPostgres
import ParleyProtocol
import ParleyReports
import ParleyStore
import ParleyTournament

/// `parley tournament`: every agent against every other, on every scenario, in both roles.
struct Tournament: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a tournament between agents, or report on one already stored.",
        subcommands: [TournamentRun.self, TournamentReportCommand.self],
        defaultSubcommand: TournamentRun.self
    )
}

/// `parley tournament [run]`.
struct TournamentRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a tournament: every agent meets every other on every scenario, as buyer and as seller.",
        discussion: """
            Each session's seed derives from --seed and the session's coordinates; sessions.csv lists it, and
            `parley run --scenario FILE --buyer B --seller S --seed SEED` replays that session alone.
            Rerunning the same command with the same store resumes: stored sessions are skipped, never repeated.
            """
    )

    @Option(name: .customLong("scenario"), parsing: .upToNextOption, help: "Scenario files (JSON with both profiles) or GENIUS scenarios (genius:DOMAIN.xml,BUYER.xml,SELLER.xml); repeat the option or list several.")
    var scenarios: [String]

    @Option(help: "Comma-separated agents: strategies with parameters if any, agent server URLs, or agent files (boulware:e=0.1,linear,http://127.0.0.1:8081,Examples/Agents/llm-buyer.json). Default: every built-in strategy (boa, which assembles others, only when named).")
    var agents: String?

    @Option(help: "With multi-deal scenarios: the centres, comma-separated RULE+AGENT (default: per-edge+boulware,best-standing+boulware,remaining-edges+boulware); --agents are then the edge agents, rotated over each scenario's edges.")
    var centres: String?

    @Option(help: "With multi-deal scenarios: play every one parallel or sequential (default: each scenario's own mode).")
    var mode: RFQ.Mode?

    @Option(help: "How many times each pairing plays on each scenario.")
    var repetitions = 1

    @Flag(help: "Also let every agent meet itself.")
    var selfPlay = false

    @Flag(help: "An experiment: give each agent its opponent's profile, so that model=oracle can use it as an upper bound. Never use it to judge agents on fair terms.")
    var revealProfiles = false

    @Option(help: "Sessions run in parallel (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Sessions in flight at once that seat a remote or LLM agent, which mostly wait on the network (default 32).")
    var inFlight = 32

    @Option(help: "The tournament seed every session seed derives from.")
    var seed: UInt64 = 1

    @Option(help: "The store sessions are written to and resumed from: an SQLite file, or a PostgreSQL URL (postgres://USER@HOST/DATABASE) that many processes share.")
    var store = "parley.sqlite"

    @Option(help: "Run only shard K of N (K/N): the sessions at positions K−1, K−1+N, …, each shard into its own store; `parley store merge` combines them.")
    var shard: String?

    @Flag(help: "Play as one of many workers sharing a PostgreSQL store (--store postgres://…), on this machine or others: start the same command as often as you like; each claims blocks of sessions under a lease, and a worker that dies loses only its lease.")
    var worker = false

    @Option(help: "With --worker: seconds a claimed block stays this worker's without news from it (every stored batch renews it).")
    var lease: Double = 300

    @Option(help: "With --worker: the worker's name in its claims (default: host name and process id).")
    var workerName: String?

    @Option(help: TournamentReport.outHelp)
    var out: String?

    @Option(help: "Sign every stored settlement with this Ed25519 private key file.")
    var signingKey: String?

    @OptionGroup var remote: RemoteOptions

    @Option(help: "Log level on standard error (trace, debug, info, notice, warning, error, critical).")
    var logLevel = "warning"

    func validate() throws {
        try OptionRange.count(repetitions, in: OptionRange.repetitions, option: "--repetitions")
        try OptionRange.count(jobs, in: OptionRange.jobs, option: "--jobs")
        try OptionRange.count(inFlight, in: OptionRange.inFlight, option: "--in-flight")
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown log level '\(logLevel)'") }
        if worker, shard != nil { throw ValidationError("--worker and --shard cannot be combined: workers share one store, shards have one each") }
        if worker, !PostgresLocation.isURL(store) { throw ValidationError("--worker needs a store that workers share: --store postgres://USER@HOST/DATABASE") }
        guard lease.isFinite, (1...86_400).contains(lease) else { throw ValidationError("--lease must be between 1 and 86400 seconds") }
        if let shard, TournamentShard(shard) == nil {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N ≤ \(TournamentShard.maximumCount), such as 2/4; got '\(shard)'")
        }
    }

    func run() async throws {
        let multiDeal = scenarios.filter(ScenarioArguments.isMultiDeal)
        if !multiDeal.isEmpty {
            guard multiDeal.count == scenarios.count else {
                throw ValidationError("multi-deal scenarios (\(multiDeal.joined(separator: ", "))) run in a tournament of their own, apart from bilateral ones")
            }
            return try await runMultiDeal()
        }
        if centres != nil || mode != nil { throw ValidationError("--centres and --mode apply to multi-deal scenarios; these scenarios are bilateral") }
        let files = try scenarios.map { try ScenarioArguments.load($0) }
        let references = try agents.map(AgentReference.loadList) ?? StrategyRegistry.builtIns.defaultField.map { try AgentReference(parsing: $0) }
        let plan = try TournamentPlan(
            scenarios: files, agents: references, repetitions: repetitions, selfPlay: selfPlay, seed: seed, revealsProfiles: revealProfiles
        )
        let factory = remote.factory()
        _ = try await RemoteOptions.sources(references, factory: factory)  // fails before the store is touched
        let transcripts = try StoreLocation.open(store)
        var logger = Logger(label: "parley") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        var runner = TournamentRunner(plan: plan, jobs: jobs, logger: logger)
        runner.factory = factory
        runner.signer = try signingKey.map { try Keys.signingKey(at: $0) }
        runner.shard = shard.flatMap(TournamentShard.init)
        runner.inFlight = inFlight

        let display = ProgressDisplay(interactive: isatty(STDERR_FILENO) == 1)
        let progress: TournamentProgress
        if worker, let shared = transcripts as? any TournamentClaims {
            let identity = TournamentRunner.Worker(name: workerName ?? TournamentRunner.Worker.defaultName, leaseSeconds: lease)
            progress = try await runner.run(asWorker: identity, store: shared, report: display.update)
        } else {
            progress = try await runner.run(store: transcripts, report: display.update)
        }
        display.finish()

        var footer = ProgressDisplay.summary(progress, store: StoreLocation.display(store))
        if let shard = runner.shard {
            let stored = try transcripts.tournament(plan.id).completed
            footer += "\nShard \(shard) of tournament \(plan.id): this store holds \(stored) of its \(plan.total) sessions, and the leaderboard ranks those;"
                + " `parley store merge --into ALL.sqlite` with every shard's store gives the whole tournament's."
        }
        try TournamentReport(store: transcripts, tournament: plan.id).present(footer: footer, out: out, store: transcripts)
    }
}

extension TournamentRun {
    /// The centres a multi-deal tournament seats when `--centres` is not given: every rule with boulware.
    static let defaultCentres = CentreRule.allCases.map { "\($0.rawValue)+boulware" }

    /// A tournament of multi-deal scenarios: every centre against every rotation of the edge agents, stored and ranked
    /// centres and edge agents apart.
    func runMultiDeal() async throws {
        if selfPlay || revealProfiles || shard != nil || worker {
            throw ValidationError("--self-play, --reveal-profiles, --shard and --worker apply to bilateral tournaments; a multi-deal tournament runs in one process")
        }
        var files = try scenarios.map(RFQ.load)
        if let mode { for index in files.indices { files[index].mode = MultiDealScenario.Mode(rawValue: mode.rawValue) ?? files[index].mode } }
        let references = try agents.map(AgentReference.loadList) ?? StrategyRegistry.builtIns.defaultField.map { try AgentReference(parsing: $0) }
        let centres = centres.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? Self.defaultCentres
        let plan = try MultiDealTournamentPlan(scenarios: files, centres: centres, edges: references, repetitions: repetitions, seed: seed)
        let factory = remote.factory()
        for centre in centres { _ = try factory.centre(for: centre) }  // fails before the store is touched
        _ = try await RemoteOptions.sources(references, factory: factory)
        let transcripts = try StoreLocation.open(store)
        var logger = Logger(label: "parley") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        var runner = MultiDealTournamentRunner(plan: plan, jobs: jobs, logger: logger)
        runner.factory = factory
        runner.signer = try signingKey.map { try Keys.signingKey(at: $0) }
        let display = ProgressDisplay(interactive: isatty(STDERR_FILENO) == 1)
        let progress = try await runner.run(store: transcripts, report: display.update)
        display.finish()
        let footer = "Played \(progress.played) negotiations (\(progress.resumed) already stored) into \(StoreLocation.display(store))"
            + (progress.failures > 0 ? "; in \(progress.failures) an agent ended a session by a fault" : "") + "."
        try MultiDealTournamentReport(store: transcripts, tournament: plan.id).present(footer: footer, out: out, store: transcripts)
    }
}

extension MultiDealTournamentReport {
    /// Prints the title, both leaderboards and `footer`, then writes the report files into `out` when given.
    func present(footer: String?, out: String?, store: some TranscriptStore) throws {
        print(title)
        print("")
        print(table)
        if let footer { print("\n" + footer) }
        if let out {
            try write(to: URL(fileURLWithPath: out), store: store)
            print("\nReports written to \(out)/: " + Self.files.joined(separator: ", "))
        }
    }
}

/// `parley tournament report`.
struct TournamentReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild a stored tournament's leaderboard and report files from the store alone."
    )

    @Option(help: ArgumentHelp(stringLiteral: StoreLocation.help))
    var store = "parley.sqlite"

    @Option(help: "The tournament's id (default: the most recently started one).")
    var id: String?

    @Option(help: TournamentReport.outHelp)
    var out: String?

    func run() async throws {
        let transcripts = try StoreLocation.open(store, readOnly: true)
        guard let id = try id ?? transcripts.tournaments().first?.id else {
            throw ValidationError("\(StoreLocation.display(store)) holds no tournament; run one with `parley tournament`")
        }
        let stored = try transcripts.tournament(id)
        if MultiDealTournamentPlan.Description.describes(plan: stored.plan) {
            return try MultiDealTournamentReport(store: transcripts, tournament: id).present(footer: nil, out: out, store: transcripts)
        }
        try TournamentReport(store: transcripts, tournament: id).present(footer: nil, out: out, store: transcripts)
    }
}

extension TournamentReport {
    /// What `--out` writes.
    static let outHelp = ArgumentHelp("Also write \(files.joined(separator: ", ")) into this folder.")

    /// Prints the title, the leaderboard and `footer`, then writes the report files into `out` when given.
    func present(footer: String?, out: String?, store: some TranscriptStore) throws {
        print(title)
        print("")
        print(leaderboard.table.escapingControlCharactersInLines)
        if let footer { print("\n" + footer) }
        if let out {
            try write(to: URL(fileURLWithPath: out), store: store)
            print("\nReports written to \(out)/: " + Self.files.joined(separator: ", "))
        }
    }
}

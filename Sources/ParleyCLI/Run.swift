import ArgumentParser
import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyAssembly
import ParleyProtocol
import ParleyReports
import ParleyRecords
import ParleyLedger
import ParleyStore

/// `parley run`: one negotiation between two agents, with its settlement analysis.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one negotiation session and print the transcript and settlement.",
        discussion: """
            AGENT is a strategy name, optionally with parameters: boulware, boulware:e=0.1, tit-for-tat:kindness=0.05
            (see `parley strategies`), or the URL of an agent server: http://127.0.0.1:8081 (see `parley serve`).
            Each side uses the profile the scenario file gives it; a remote agent is sent its profile.
            The same seed gives the same session; --json output differs between runs only in wall-clock times.
            """
    )

    @Option(help: "The scenario file (JSON), with buyer and seller profiles, or a GENIUS scenario: genius:DOMAIN.xml,BUYER.xml,SELLER.xml.")
    var scenario: String

    @Option(help: "The buyer's agent: a strategy (boulware:e=0.2), an agent server URL, or an agent file (Examples/Agents/llm-buyer.json).")
    var buyer: String

    @Option(help: "The seller's agent: a strategy, an agent server URL, or an agent file.")
    var seller: String

    @Option(help: "The seed all randomness derives from.")
    var seed: UInt64 = 1

    @Flag(help: "Print the transcript and settlement as JSON.")
    var json = false

    @Option(help: ArgumentHelp(stringLiteral: StoreLocation.help))
    var store = "parley.sqlite"

    @Flag(help: "Do not write the session to a store.")
    var noStore = false

    @Flag(help: "An experiment: give each agent its opponent's profile, so that model=oracle can use it as an upper bound. Never use it to judge agents on fair terms.")
    var revealProfiles = false

    @Option(help: "Sign the stored settlement with this Ed25519 private key file (see `parley keys generate`).")
    var signingKey: String?

    @Option(name: .customLong("repeat"), help: "Run this many sessions, with seeds seed, seed + 1, …; each is stored as it completes and summarized in one line.")
    var repetitions = 1

    @OptionGroup var remote: RemoteOptions

    @Option(help: "Log level on standard error (trace, debug, info, notice, warning, error, critical).")
    var logLevel = "warning"

    func validate() throws {
        if noStore, signingKey != nil { throw ValidationError("--signing-key signs the stored settlement; it cannot be used with --no-store") }
        try OptionRange.count(repetitions, in: OptionRange.repetitions, option: "--repeat")
        if repetitions > 1, json { throw ValidationError("--json prints one session; use `parley transcripts export` for many") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
    }

    func run() async throws {
        let file = try ScenarioArguments.load(scenario)
        let transcripts = noStore ? nil : try StoreLocation.open(store)
        let signer = try signingKey.map { try Keys.signingKey(at: $0) }
        let agents = try await RemoteOptions.sources([try AgentReference.load(buyer), try AgentReference.load(seller)], factory: remote.factory())
        let landscape = try OutcomeLandscape(file: file)
        var logger = Logger(label: "parley") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        let arbiter = Arbiter(clock: ContinuousClock(), logger: logger)
        // Seeds wrap past UInt64.max: `--seed 18446744073709551615 --repeat 2` plays seeds …615 and 0.
        for sessionSeed in (0..<UInt64(repetitions)).lazy.map({ seed &+ $0 }) {
            let record = try await arbiter.play(Match(file: file, buyer: agents[0], seller: agents[1], seed: sessionSeed, landscape: landscape, revealsProfiles: revealProfiles))
            let stored = try transcripts?.save(record, profiles: file.profiles, signer: signer)
            let storedNote = stored.map {
                "Stored as session \($0.number) in \(StoreLocation.display(store)) (final hash \($0.finalHash.prefix(16))…" + ($0.signature == nil ? ")." : ", signed).")
            }
            if repetitions > 1 {
                let analysis = record.settlement.analysis
                let utilities = analysis.map { String(format: " · buyer %.3f seller %.3f", $0.buyer.utility, $0.seller.utility) } ?? ""
                print("seed \(sessionSeed): \(record.settlement.outcome.typeName) after \(record.settlement.turns) turns\(utilities)" + (stored.map { " · session \($0.number)" } ?? ""))
            } else if json {
                let data = try WireCodec().encode(WireMessage(record), pretty: true)
                FileHandle.standardOutput.write(data + Data("\n".utf8))
                if let storedNote { FileHandle.standardError.write(Data((storedNote + "\n").utf8)) }
            } else {
                print(ReadableReport(record: record, landscape: landscape).text)
                if let storedNote { print("\n" + storedNote) }
            }
        }
    }
}

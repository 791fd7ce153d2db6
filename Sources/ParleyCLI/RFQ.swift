import ArgumentParser
import Foundation
import Logging
import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyLedger
import ParleyProtocol
import ParleyReports
import ParleyRecords

/// `parley rfq`: one multi-deal negotiation, a centre against several edges, with its analysis.
struct RFQ: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rfq",
        abstract: "Run one multi-deal negotiation (a request for quotation): a centre against several edges.",
        discussion: """
            The scenario is a multi-deal file ("kind": "multi-deal", Examples/MultiDeal/): one centre, the edges each
            with their own scenario and profiles, parallel or sequential, and what the centre needs (one supplier, a
            split order, or a table of combinations). The rules never let the centre commit beyond its need; sessions
            the need no longer leaves room for end superseded, with the cause named.
            CENTRE is RULE+AGENT: RULE is per-edge, best-standing or remaining-edges; AGENT is any agent (a strategy,
            an agent server URL, an agent file) seated as the centre in every session; RULE alone uses boulware.
            EDGES are agents, one per edge in the file's order, or one for every edge.
            """
    )

    @Option(help: "The multi-deal scenario file (JSON).")
    var scenario: String

    @Option(help: "The centre: RULE+AGENT, such as best-standing+boulware or remaining-edges+conceder.")
    var centre = "best-standing+boulware"

    @Option(help: "The edges' agents, comma-separated: one per edge, or one for all.")
    var edges = "boulware"

    /// `parallel` or `sequential`.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case parallel, sequential
    }

    @Option(help: "parallel or sequential (default: the scenario's).")
    var mode: Mode?

    @Option(help: "The seed all randomness derives from.")
    var seed: UInt64 = 1

    @Flag(help: "Print the record as JSON.")
    var json = false

    @Flag(help: "Also print every session's moves.")
    var turns = false

    @Option(help: "Write a picture of the sessions side by side over time, with the commitments marked, to this SVG file.")
    var svg: String?

    @Option(help: ArgumentHelp(stringLiteral: StoreLocation.help))
    var store = "parley.sqlite"

    @Flag(help: "Do not write the negotiation to a store.")
    var noStore = false

    @Option(help: "Sign the stored negotiation and its sessions with this Ed25519 private key file (see `parley keys generate`).")
    var signingKey: String?

    @OptionGroup var remote: RemoteOptions

    func validate() throws {
        if noStore, signingKey != nil { throw ValidationError("--signing-key signs the stored negotiation; it cannot be used with --no-store") }
    }

    func run() async throws {
        var scenario = try Self.load(self.scenario)
        if let mode { scenario.mode = MultiDealScenario.Mode(rawValue: mode.rawValue) ?? scenario.mode }
        let factory = remote.factory()
        let names = edges.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard names.count == 1 || names.count == scenario.edges.count else {
            throw ValidationError("--edges names \(names.count) agents for \(scenario.edges.count) edges; name one for each, or one for all")
        }
        let edgeAgents = try await RemoteOptions.sources(try names.map { try AgentReference.load($0) }, factory: factory)
        let match = MultiDealMatch(
            scenario: scenario, centre: try factory.centre(for: centre), edges: scenario.edges.indices.map { edgeAgents[names.count == 1 ? 0 : $0] },
            seed: seed
        )
        let signer = try signingKey.map { try Keys.signingKey(at: $0) }
        let transcripts = noStore ? nil : try StoreLocation.open(store)
        let arbiter = Arbiter(clock: ContinuousClock(), logger: Logger(label: "parley") { _ in SwiftLogNoOpLogHandler() })
        let record = try await arbiter.play(match)
        let stored = try transcripts?.save(record, signer: signer)
        let storedNote = stored.map { stored in
            "Stored as multi-deal \(stored.number) in \(StoreLocation.display(store)), its sessions as \(stored.sessions.map(String.init).joined(separator: ", "))"
                + " (final hash \(stored.finalHash.prefix(16))…" + (stored.signature == nil ? ")" : ", signed)") + "; `parley transcripts show --multi-deal \(stored.number)`."
        }
        if let svg {
            try Data(try MultiDealPlot(record: record).svg().utf8).write(to: URL(fileURLWithPath: svg))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            FileHandle.standardOutput.write(try encoder.encode(record) + Data("\n".utf8))
            if let storedNote { FileHandle.standardError.write(Data((storedNote + "\n").utf8)) }
        } else {
            print(MultiDealReport(record: record, turns: turns).text)
            if let storedNote { print("\n" + storedNote) }
        }
    }

    /// Reads and validates a multi-deal scenario file; every problem is named with its path.
    static func load(_ path: String) throws -> MultiDealScenario {
        let data = try ScenarioLoader.contents(of: path)
        let scenario: MultiDealScenario
        do {
            scenario = try JSONDecoder().decode(MultiDealScenario.self, from: data)
        } catch {
            throw ValidationError("\(path) is not a multi-deal scenario: \(error)")
        }
        let problems = scenario.validate()
        guard problems.isEmpty else {
            throw ValidationError("\(path) is not a valid multi-deal scenario:\n" + problems.map { "  \($0)" }.joined(separator: "\n"))
        }
        return scenario
    }
}

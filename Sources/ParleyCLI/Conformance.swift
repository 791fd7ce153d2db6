import ArgumentParser
import Foundation
import Logging
import ParleyAgents
import ParleyConformance
import ParleyHTTPClient
import ParleyProtocol

/// `parley conformance URL`: checks that an agent server, in any language, speaks the agent API.
struct Conformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that an agent server speaks the agent API (parley/1), and print pass or fail per check.",
        discussion: """
            Plays whole sessions with the agent through the arbiter (once per role it plays, on each scenario), plays
            one session by hand to check idempotent turns, and sends the bad requests of Protocols/Spec: each must get
            its error code, HTTP status and JSON path. Exits 1 if any check fails. The API is specified in
            Protocols/Spec/openapi.json.
            """
    )

    @Argument(help: "The agent server's base URL, such as http://127.0.0.1:8081.")
    var url: String

    @Option(help: "The server's bearer token; the requests that must fail without it are then checked too.")
    var token: String?

    @Option(help: "A scenario file (JSON, with profiles) for whole sessions; repeat for more. Default: the reference scenario and a service contract with options.")
    var scenario: [String] = []

    @Option(help: "The in-process opponent in whole sessions.")
    var opponent = "conceder"

    @Option(help: "The seed of every session.")
    var seed: UInt64 = 1

    @Option(help: "The prefix of the session ids the suite uses. Default: conformance- and a random suffix.")
    var runID: String?

    @Option(help: "Seconds a request may take.")
    var timeout: Double = 10

    @Option(help: "Write every request and answer, as JSON, to this file (Protocols/Spec/validate.py --exchanges reads it).")
    var exchanges: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        try OptionRange.seconds(timeout, option: "--timeout")
        if let runID, !AgentAPI.isValidSessionID(SessionID(rawValue: runID)) || runID.count > 64 {
            throw ValidationError("--run-id must be 1 to 64 of A-Z a-z 0-9 . _ -")
        }
    }

    func run() async throws {
        let scenarios = try scenario.isEmpty ? ConformanceSuite.Configuration.defaultScenarios : scenario.map(ScenarioArguments.load)
        let configuration = ConformanceSuite.Configuration(
            url: url, token: token, runID: runID ?? "conformance-\(String(UInt32.random(in: .min ... .max), radix: 16))", seed: seed,
            scenarios: scenarios, opponent: try AgentSpec(parsing: opponent)
        )
        let client = HTTPClient(configuration: .init(requestTimeout: .saturating(seconds: timeout)))
        let logger = Logger(label: "parley") { _ in SwiftLogNoOpLogHandler() }
        let printsLines = !json
        if printsLines { print("Conformance of \(url) to \(ProtocolVersion.current)") }
        let report = await ConformanceSuite(configuration, client: client, logger: logger).run { result in
            guard printsLines else { return }
            let mark = switch result.verdict {
            case .passed: "PASS"
            case .failed: "FAIL"
            case .skipped: "SKIP"
            }
            // The detail quotes the server's answers: printed with its control characters escaped.
            print("  \(mark)  \(result.name)" + (result.detail.map { ": \($0.escapingControlCharacters)" } ?? ""))
        }
        if let exchanges { try RecordedExchange.json(report.exchanges).write(to: URL(fileURLWithPath: exchanges)) }
        if json {
            FileHandle.standardOutput.write(try WireCodec().encode(report.results, pretty: true) + Data("\n".utf8))
        } else {
            print("\(report.count(.passed)) passed, \(report.count(.failed)) failed, \(report.count(.skipped)) skipped: "
                + (report.conforms ? "the server conforms." : "the server does not conform."))
        }
        if !report.conforms { throw ExitCode(1) }
    }
}

public import Logging
public import ParleyAgents
public import ParleyHTTPClient
public import ParleyProtocol
import ParleyArbiter
import ParleyRemote

/// Checks that a running agent server speaks version 1 of the agent API: whole sessions through the arbiter,
/// idempotent turns, and the right error, status and path for each kind of bad request.
///
/// It needs nothing from the server but its URL (and its token, if it has one), so it checks agents written in
/// any language. Sessions it opens are named `RUN-…` after ``Configuration/runID``; whole sessions end with an
/// outcome, and the session it plays by hand is dropped at the end.
/// `parley conformance URL` runs it and prints one line per check. Given `a2a+http://…`, it checks an A2A agent that
/// declares Parley's negotiation extension instead (the card, whole sessions over A2A, a repeated turn, the errors).
public struct ConformanceSuite: Sendable {
    /// What to check and how.
    public struct Configuration: Sendable {
        /// The server's base URL, such as `http://127.0.0.1:8081`.
        public var url: String
        /// The server's bearer token, if it needs one; the suite then also checks that requests without it fail.
        public var token: String?
        /// The prefix of every session id the suite uses (`A-Z a-z 0-9 . _ -`).
        public var runID: String
        /// The seed of every session.
        public var seed: UInt64
        /// The scenarios whole sessions are played on, once per role the agent plays.
        public var scenarios: [ScenarioFile]
        /// The in-process opponent in whole sessions.
        public var opponent: AgentSpec

        /// The scenarios of whole sessions unless others are given: the reference one, and one with options,
        /// piecewise and table value functions.
        public static let defaultScenarios = [ReferenceScenarios.reference, ConformanceScenarios.services]

        /// A configuration; by default whole sessions run on ``defaultScenarios`` against a conceder.
        public init(
            url: String, token: String? = nil, runID: String = "conformance", seed: UInt64 = 1,
            scenarios: [ScenarioFile] = defaultScenarios, opponent: AgentSpec = AgentSpec(strategy: "conceder")
        ) {
            self.url = url
            self.token = token
            self.runID = runID
            self.seed = seed
            self.scenarios = scenarios
            self.opponent = opponent
        }
    }

    /// The body the suite sends to check the size limit: 16 MiB and one byte. Servers refuse anything over 16 MiB.
    public static let oversizedBodyBytes = 16 << 20 + 1

    /// What to check.
    public let configuration: Configuration
    /// The client requests go through.
    public let client: HTTPClient
    /// Where the arbiter logs whole sessions.
    public let logger: Logger

    /// A suite against one server.
    public init(_ configuration: Configuration, client: HTTPClient, logger: Logger) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
    }

    /// Runs every check in order, calling `onResult` as each finishes, and returns the report.
    public func run(onResult: @escaping @Sendable (ConformanceResult) -> Void = { _ in }) async -> ConformanceReport {
        var base = configuration.url
        while base.hasSuffix("/") { base.removeLast() }
        var checklist = Checklist(onResult: onResult)
        if base.lowercased().hasPrefix(A2AEndpoint.scheme) {
            do {
                let endpoint = try A2AEndpoint(url: base, token: configuration.token, client: client)
                await A2AChecks(configuration: configuration, endpoint: endpoint, client: client, logger: logger).run(&checklist)
            } catch {
                checklist.record(ConformanceResult(name: "the URL names an A2A agent", verdict: .failed, detail: "\(error)"))
            }
            return ConformanceReport(results: checklist.results, exchanges: [])
        }
        let probe = ConformanceProbe(baseURL: base, token: configuration.token, client: client)
        let checks = Checks(configuration: configuration, probe: probe, logger: logger)
        await checks.basics(&checklist)
        if let card = await checks.card(&checklist) {
            await checks.wholeSessions(card: card, &checklist)
            await checks.scriptedSession(card: card, &checklist)
            await checks.starts(card: card, &checklist)
        }
        return ConformanceReport(results: checklist.results, exchanges: probe.exchanges)
    }
}

/// The results so far, reported as they come.
struct Checklist {
    let onResult: @Sendable (ConformanceResult) -> Void
    private(set) var results: [ConformanceResult] = []

    init(onResult: @escaping @Sendable (ConformanceResult) -> Void) { self.onResult = onResult }

    /// Runs one check: it passes unless `body` throws. Returns what `body` returned.
    @discardableResult
    mutating func check<T>(_ name: String, _ body: () async throws -> T) async -> T? {
        do {
            let value = try await body()
            record(ConformanceResult(name: name, verdict: .passed))
            return value
        } catch {
            record(ConformanceResult(name: name, verdict: .failed, detail: "\(error)"))
            return nil
        }
    }

    /// Records a check that does not apply.
    mutating func skip(_ name: String, because reason: String) {
        record(ConformanceResult(name: name, verdict: .skipped, detail: reason))
    }

    /// Records a result.
    mutating func record(_ result: ConformanceResult) {
        results.append(result)
        onResult(result)
    }
}

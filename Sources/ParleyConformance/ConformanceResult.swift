/// The verdict on one conformance check.
public struct ConformanceResult: Sendable, Hashable, Codable {
    /// Passed, failed, or not applicable to this agent.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// The server did what the protocol requires.
        case passed
        /// It did not; ``ConformanceResult/detail`` says what it did instead.
        case failed
        /// The check does not apply (a role the agent does not play, or a token that was not given).
        case skipped
    }

    /// What was checked, such as `a repeated turn gets the same reply`.
    public var name: String
    /// The verdict.
    public var verdict: Verdict
    /// Why it failed or was skipped.
    public var detail: String?

    /// Creates a result.
    public init(name: String, verdict: Verdict, detail: String? = nil) {
        self.name = name
        self.verdict = verdict
        self.detail = detail
    }
}

/// Everything a conformance run found.
public struct ConformanceReport: Sendable, Hashable {
    /// The results in the order the checks ran.
    public var results: [ConformanceResult]
    /// Every request sent and the answer it got, in order.
    public var exchanges: [RecordedExchange]

    /// Creates a report.
    public init(results: [ConformanceResult], exchanges: [RecordedExchange]) {
        self.results = results
        self.exchanges = exchanges
    }

    /// The results with a verdict.
    public func count(_ verdict: ConformanceResult.Verdict) -> Int { results.count { $0.verdict == verdict } }

    /// Whether no check failed.
    public var conforms: Bool { count(.failed) == 0 && count(.passed) > 0 }
}

/// Why a check failed: what the protocol required and what the server did.
struct ConformanceFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

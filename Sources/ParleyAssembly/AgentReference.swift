public import ParleyAgents

/// An agent as the command line names it: a strategy spec such as `boulware:e=0.2`, the URL of an agent server
/// such as `http://127.0.0.1:8081`, an A2A agent such as `a2a+http://127.0.0.1:9000`, or an agent file (a built-in with parameters, or an LLM agent). Wherever one
/// works, the others do.
public enum AgentReference: Sendable, Hashable, CustomStringConvertible {
    /// An in-process strategy from the registry.
    case strategy(AgentSpec)
    /// An agent served over HTTP (`parley serve`, or any server that speaks the agent API).
    case remote(url: String)
    /// An A2A 1.0 agent that declares Parley's negotiation extension (`parley serve --a2a`, or one written with any
    /// A2A SDK), named `a2a+http://HOST:PORT`.
    case a2a(url: String)
    /// An agent described by an agent file, loaded by the caller (the CLI reads `*.json` arguments).
    case file(AgentFile)

    /// Parses a URL (`http://…` or `https://…`) as a remote agent, `a2a+http://…` as an A2A agent, and anything else
    /// as a strategy spec.
    public init(parsing text: String) throws(AgentSpecError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("a2a+http://") || lowered.hasPrefix("a2a+https://") {
            var url = text
            while url.hasSuffix("/") { url.removeLast() }
            self = .a2a(url: url)
        } else if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            var url = text
            while url.hasSuffix("/") { url.removeLast() }
            self = .remote(url: url)
        } else {
            self = .strategy(try AgentSpec(parsing: text))
        }
    }

    /// The spec, the URL, or the agent file's name, as written in transcripts and leaderboards.
    public var description: String {
        switch self {
        case .strategy(let spec): spec.description
        case .remote(let url), .a2a(let url): url
        case .file(let file): file.name
        }
    }
}

public import ParleyProtocol
import Foundation

/// A strategy's name with parameters, as written on the command line: `boulware`, `boulware:e=0.2`,
/// `tit-for-tat:kindness=0.05`. Parameters are separated by `:` so specs can be listed with commas; a value may hold
/// a component with parameters in parentheses, `boa:bid=time(e=0.2):accept=combi(t=0.98;window=max)`. Within one
/// spec, parameters may also be separated by `,` (`boa:bid=time(e=0.2),accept=next`); in a list, a `,` followed by
/// `key=value` continues the agent before it (``agents(inList:)``).
public struct AgentSpec: Sendable, Hashable, CustomStringConvertible {
    /// The strategy's name.
    public var strategy: String
    /// Parameter values by name, as written.
    public var parameters: [String: String]

    /// Creates a spec.
    public init(strategy: String, parameters: [String: String] = [:]) {
        self.strategy = strategy
        self.parameters = parameters
    }

    /// Parses `name[:key=value]…`.
    public init(parsing text: String) throws(AgentSpecError) {
        let parts = Self.split(text) { $0 == ":" || $0 == "," }
        guard let name = parts.first, !name.isEmpty else {
            throw AgentSpecError(.malformed, "'\(text)' is not an agent; write a strategy name such as boulware, optionally with parameters: boulware:e=0.2")
        }
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else {
                throw AgentSpecError(.malformed, "'\(part)' in '\(text)' is not a parameter; write key=value")
            }
            guard parameters.updateValue(pair[1], forKey: pair[0]) == nil else {
                throw AgentSpecError(.malformed, "the parameter '\(pair[0])' is given twice in '\(text)'")
            }
        }
        self.init(strategy: name, parameters: parameters)
    }

    /// The agents of a comma-separated list, as texts: commas inside parentheses do not separate, an item that is a
    /// parameter (`key=value`, with no `:` or `/` before its `=`) continues the agent before it, and empty items are
    /// left out.
    public static func agents(inList list: String) -> [String] {
        var agents: [String] = []
        for item in split(list, where: { $0 == "," }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let head = item.prefix { $0 != "=" }
            if !agents.isEmpty, head.count < item.count, !head.isEmpty, head.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                agents[agents.count - 1] += "," + item
            } else {
                agents.append(item)
            }
        }
        return agents
    }

    /// `text` split at the characters `separates` accepts that lie outside parentheses, keeping empty parts.
    static func split(_ text: String, where separates: (Character) -> Bool) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, separates(character) {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    /// `name:key=value…`, parameters sorted by name.
    public var description: String {
        ([strategy] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: ":")
    }
}

/// Why an agent spec could not be turned into a strategy.
public struct AgentSpecError: CodedError, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code.
        public let rawValue: String
        /// Wraps a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The text is not `name[:key=value]…`.
        public static let malformed = Code(rawValue: "malformed_agent")
        /// No strategy has that name.
        public static let unknownStrategy = Code(rawValue: "unknown_strategy")
        /// The strategy has no such parameter.
        public static let unknownParameter = Code(rawValue: "unknown_parameter")
        /// A parameter's value is not valid.
        public static let invalidParameter = Code(rawValue: "invalid_parameter")
        /// An agent file is not valid.
        public static let invalidAgentFile = Code(rawValue: "invalid_agent_file")
        /// An agent file names an environment variable for its API key that is not set.
        public static let missingAPIKey = Code(rawValue: "missing_api_key")
    }

    /// The stable code.
    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

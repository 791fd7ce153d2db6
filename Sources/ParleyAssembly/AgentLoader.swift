import Foundation
public import ParleyProtocol
import ParleyAgents

extension AgentReference {
    /// Why an agent file could not be read.
    public struct FileFailure: CodedError, Hashable {
        /// The file's path.
        public var file: String
        /// What is wrong with it.
        public var problem: String

        /// Stable codes.
        public struct Code: ErrorCode {
            /// The code's text.
            public let rawValue: String
            /// A code from its text.
            public init(rawValue: String) { self.rawValue = rawValue }
            /// The file cannot be read, or is not an agent file.
            public static let invalidAgentFile = Code(rawValue: "invalid_agent_file")
        }

        /// Always ``Code/invalidAgentFile``.
        public var code: Code { .invalidAgentFile }
        /// The description.
        public var message: String { description }

        /// For people: `PATH is not a valid agent file: …`.
        public var description: String { "\(file) is not a valid agent file: \(problem)" }
    }

    /// The agent an argument names: a path ending in `.json` is an agent file, read from disk; anything else is a
    /// strategy spec or an agent server URL.
    public static func load(_ argument: String) throws -> AgentReference {
        guard argument.lowercased().hasSuffix(".json") else { return try AgentReference(parsing: argument) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: argument))
        } catch {
            throw FileFailure(file: argument, problem: "cannot read the file")
        }
        do {
            return .file(try WireCodec().decode(AgentFile.self, from: data))
        } catch {
            throw FileFailure(file: argument, problem: "\(error.path): \(error.message) [\(error.code.rawValue)]")
        }
    }

    /// The agents of a comma-separated list (split as `AgentSpec.agents(inList:)` splits it), each as ``load(_:)``
    /// reads it.
    public static func loadList(_ list: String) throws -> [AgentReference] {
        try AgentSpec.agents(inList: list).map(load)
    }
}

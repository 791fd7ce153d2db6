import Foundation
import ParleyArbiter
import ParleyProtocol

/// Turns an agent argument into an agent: a path ending in `.json` is an agent file, read here; anything else is
/// a strategy spec or an agent server URL.
enum AgentLoader {
    /// Why an agent file could not be read.
    struct Failure: Error, CustomStringConvertible {
        let file: String
        let problem: String

        var description: String { "\(file) is not a valid agent file: \(problem)" }
    }

    /// The agent an argument names.
    static func reference(_ argument: String) throws -> AgentReference {
        guard argument.lowercased().hasSuffix(".json") else { return try AgentReference(parsing: argument) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: argument))
        } catch {
            throw Failure(file: argument, problem: "cannot read the file")
        }
        do {
            return .file(try WireCodec().decode(AgentFile.self, from: data))
        } catch {
            throw Failure(file: argument, problem: "\(error.path): \(error.message) [\(error.code.rawValue)]")
        }
    }

    /// The agents of a comma-separated list.
    static func references(_ list: String) throws -> [AgentReference] {
        try list.split(separator: ",").map { try reference(String($0).trimmingCharacters(in: .whitespaces)) }
    }
}

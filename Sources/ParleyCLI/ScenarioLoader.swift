import Foundation
import ParleyProtocol

/// Reads scenario files and reports their problems with JSON paths.
enum ScenarioLoader {
    /// The problems that stopped a file from loading, each `path: message [code]`.
    struct Failure: Error, CustomStringConvertible {
        let file: String
        let problems: [ValidationProblem]

        var description: String {
            "\(file) is not a valid scenario:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// Decodes a file without validating it; decoding problems come back as one problem with its path.
    static func decode(_ path: String) throws -> ScenarioFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(file: path, problems: [.init(path: "$", code: "unreadable_file", message: "cannot read the file")])
        }
        do {
            return try WireCodec().decode(ScenarioFile.self, from: data)
        } catch {
            throw Failure(file: path, problems: [.init(path: error.path, code: error.code.rawValue, message: error.message)])
        }
    }

    /// Decodes and validates a file.
    static func load(_ path: String) throws -> ScenarioFile {
        let file = try decode(path)
        let problems = file.validate()
        guard problems.isEmpty else { throw Failure(file: path, problems: problems) }
        return file
    }
}

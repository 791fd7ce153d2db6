public import Foundation

/// Reads scenario files from disk in any of its formats, and reports their problems with paths inside the file.
///
/// ```swift
/// let file = try ScenarioLoader().load("Examples/Scenarios/reference-supply.json")
/// ```
public struct ScenarioLoader: Sendable {
    /// The problems that stopped a file from loading, each `path: message [code]`.
    public struct Failure: CodedError, Hashable {
        /// The file.
        public var file: String
        /// Every problem found.
        public var problems: [ValidationProblem]

        /// Creates a failure.
        public init(file: String, problems: [ValidationProblem]) {
            self.file = file
            self.problems = problems
        }

        /// Stable codes.
        public struct Code: ErrorCode {
            /// The code's text.
            public let rawValue: String
            /// A code from its text.
            public init(rawValue: String) { self.rawValue = rawValue }
            /// The file cannot be read, decoded or used; each problem has its own code and path.
            public static let invalidScenarioFile = Code(rawValue: "invalid_scenario_file")
        }

        /// Always ``Code/invalidScenarioFile``; each problem carries its own code.
        public var code: Code { .invalidScenarioFile }
        /// The description.
        public var message: String { description }

        /// `FILE is not a valid scenario:` and one line per problem.
        public var description: String {
            "\(file) is not a valid scenario:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// The formats asked, in order; Parley's own JSON is asked last whatever the list says.
    public var formats: [any ScenarioFormat]

    /// A loader for these formats (by default Parley's own JSON only).
    public init(formats: [any ScenarioFormat] = []) {
        self.formats = formats
    }

    /// Reads a file without validating it; a file that cannot be read or decoded is a ``Failure``.
    public func decode(_ path: String) throws(Failure) -> ScenarioFile {
        let data = try Self.contents(of: path)
        let format = formats.first { $0.reads(path: path, data: data) } ?? ParleyScenarioFormat()
        return try format.decode(path: path, data: data)
    }

    /// A file's bytes; a file that cannot be read is a ``Failure`` with the code `unreadable_file`. Formats that read
    /// several files (a GENIUS domain and its utility spaces) read each through it.
    public static func contents(of path: String) throws(Failure) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(file: path, problems: [.init(path: "$", code: "unreadable_file", message: "cannot read the file")])
        }
    }

    /// Reads and validates a file; every problem found is in the ``Failure``.
    public func load(_ path: String) throws(Failure) -> ScenarioFile {
        let file = try decode(path)
        let problems = file.validate()
        guard problems.isEmpty else { throw Failure(file: path, problems: problems) }
        return file
    }
}

public import Foundation

/// A way to write scenarios down: Parley's own JSON, and others (GENIUS XML, GeniusWeb JSON) as formats are added.
/// A ``ScenarioLoader`` asks each of its formats in turn whether it reads a file, so a new format is one conformer.
public protocol ScenarioFormat: Sendable {
    /// The format's name in messages, such as `parley-json`.
    var name: String { get }
    /// Whether this format reads the file at `path` with these contents (by its extension, its first bytes …).
    func reads(path: String, data: Data) -> Bool
    /// Reads the file into a scenario with its profiles, without validating it. Problems come back as a
    /// ``ScenarioLoader/Failure`` whose problems carry the path inside the file.
    func decode(path: String, data: Data) throws(ScenarioLoader.Failure) -> ScenarioFile
}

/// Parley's own scenario file: JSON, as `Protocols/Spec/Schemas/scenario-file.schema.json` describes it. It reads
/// any file no other format claims.
public struct ParleyScenarioFormat: ScenarioFormat {
    /// A format value.
    public init() {}

    /// `parley-json`.
    public var name: String { "parley-json" }

    /// Every file: the loader asks it last.
    public func reads(path: String, data: Data) -> Bool { true }

    /// Decodes the JSON; a decoding problem comes back with its JSON path.
    public func decode(path: String, data: Data) throws(ScenarioLoader.Failure) -> ScenarioFile {
        do {
            return try WireCodec().decode(ScenarioFile.self, from: data)
        } catch {
            throw ScenarioLoader.Failure(file: path, problems: [.init(path: error.path, code: error.code.rawValue, message: error.message)])
        }
    }
}

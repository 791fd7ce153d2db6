import ArgumentParser
import Foundation
import ParleyFormats
import ParleyProtocol

extension ScenarioCommand {
    /// `parley scenario export FILE --format genius --out DIR`: a Parley scenario as GENIUS XML.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a Parley scenario file as a GENIUS scenario: ID_domain.xml, ID_buyer.xml and ID_seller.xml.",
            discussion: """
                Importing the three files again (parley scenario import) gives the same utility for every outcome. \
                Issues with options, and numeric issues that step by more than 1 or have piecewise values, become \
                discrete issues; whole-number issues stepping by 1 with linear values become integer issues. What \
                GENIUS cannot hold (a currency, the deadline) is reported; values it cannot write exactly are an error.
                """
        )

        @Argument(help: "The Parley scenario file, with both profiles.")
        var file: String

        @Option(help: "The format to write: genius.")
        var format = "genius"

        @Option(help: "The folder to write the files into (created if needed).")
        var out: String

        func validate() throws {
            guard format == "genius" else { throw ValidationError("--format must be genius (GeniusWeb comes later), not '\(format)'") }
        }

        func run() async throws {
            let scenarioFile = try ScenarioArguments.load(file)
            let exported = try GeniusExport.export(scenarioFile, name: file)
            for warning in exported.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let id = scenarioFile.scenario.id
            for (suffix, text) in [("domain", exported.domain), ("buyer", exported.buyer), ("seller", exported.seller)] {
                let path = folder.appendingPathComponent("\(id)_\(suffix).xml")
                try Data(text.utf8).write(to: path)
                print(path.path)
            }
        }
    }
}

import ArgumentParser
import Foundation
import ParleyFormats
import ParleyProtocol

extension ScenarioCommand {
    /// `parley scenario export FILE --format genius|geniusweb --out DIR`: a Parley scenario as GENIUS XML or GeniusWeb JSON.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a Parley scenario file as a GENIUS scenario (ID_domain.xml, ID_buyer.xml, ID_seller.xml) or as two GeniusWeb profiles (ID_buyer.json, ID_seller.json).",
            discussion: """
                Importing the files again (parley scenario import) gives the same utility for every outcome. \
                GENIUS: issues with options, and numeric issues that step by more than 1 or have piecewise values, \
                become discrete issues; whole-number issues stepping by 1 with linear values become integer issues; \
                the discount factor is kept. GeniusWeb: numeric issues with linear values on both sides become number \
                ranges, others discrete values; the reservation value becomes the least outcome worth at least it. \
                What a format cannot hold (a currency, the deadline, GeniusWeb's missing discount factor, a \
                reservation value moved to its bid's utility) is reported as a warning; values a format cannot write \
                exactly are an error.
                """
        )

        @Argument(help: "The Parley scenario file, with both profiles.")
        var file: String

        @Option(help: "The format to write: genius or geniusweb.")
        var format = "genius"

        @Option(help: "The folder to write the files into (created if needed).")
        var out: String

        func validate() throws {
            guard ["genius", "geniusweb"].contains(format) else { throw ValidationError("--format must be genius or geniusweb, not '\(format)'") }
        }

        func run() async throws {
            let scenarioFile = try ScenarioArguments.load(file)
            let documents: [(name: String, text: String)]
            let warnings: [String]
            let id = scenarioFile.scenario.id
            if format == "geniusweb" {
                let exported = try GeniusWebExport.export(scenarioFile, name: file)
                (documents, warnings) = ([("\(id)_buyer.json", exported.buyer), ("\(id)_seller.json", exported.seller)], exported.warnings)
            } else {
                let exported = try GeniusExport.export(scenarioFile, name: file)
                documents = [("\(id)_domain.xml", exported.domain), ("\(id)_buyer.xml", exported.buyer), ("\(id)_seller.xml", exported.seller)]
                warnings = exported.warnings
            }
            for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in documents {
                let path = folder.appendingPathComponent(name)
                try Data(text.utf8).write(to: path)
                print(path.path)
            }
        }
    }
}

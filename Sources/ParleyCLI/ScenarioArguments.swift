import Foundation
import ParleyFormats
import ParleyProtocol

/// Scenarios named on the command line, Parley files or `genius:DOMAIN,BUYER,SELLER` (see
/// ``ParleyFormats/ScenarioReference``); a GENIUS import's warnings go to standard error.
enum ScenarioArguments {
    static func load(_ reference: String) throws(ScenarioLoader.Failure) -> ScenarioFile {
        let loaded = try ScenarioReference.load(reference)
        for warning in loaded.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        return loaded.file
    }

    /// Whether a scenario argument names a multi-deal scenario file (`"kind": "multi-deal"`), which `parley rfq` and
    /// multi-deal tournaments play; anything unreadable is left to the loader to report.
    static func isMultiDeal(_ reference: String) -> Bool {
        guard !reference.hasPrefix("genius:"), let data = try? ScenarioLoader.contents(of: reference) else { return false }
        struct Kind: Decodable { var kind: String? }
        return (try? JSONDecoder().decode(Kind.self, from: data))?.kind == MultiDealScenario.kind
    }
}

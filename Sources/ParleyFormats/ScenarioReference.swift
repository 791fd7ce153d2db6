public import ParleyProtocol

/// A scenario as a command line names it: a Parley scenario file (`deal.json`), or a GENIUS scenario as its three
/// files, `genius:DOMAIN.xml,BUYER.xml,SELLER.xml` (the buyer's utility space second, the seller's third).
public enum ScenarioReference {
    /// The prefix of a GENIUS reference.
    public static let geniusPrefix = "genius:"

    /// Loads and validates the scenario, with the warnings of a GENIUS import (empty for Parley's own files).
    public static func load(_ reference: String, loader: ScenarioLoader = ScenarioLoader()) throws(ScenarioLoader.Failure) -> GeniusImport.Imported {
        guard reference.hasPrefix(geniusPrefix) else { return GeniusImport.Imported(file: try loader.load(reference), warnings: []) }
        let files = reference.dropFirst(geniusPrefix.count).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard files.count == 3, files.allSatisfy({ !$0.isEmpty }) else {
            throw ScenarioLoader.Failure(file: reference, problems: [
                .init(path: "$", code: "invalid_reference", message: "a GENIUS scenario is named genius:DOMAIN.xml,BUYER.xml,SELLER.xml"),
            ])
        }
        return try GeniusImport().read(domain: files[0], buyer: files[1], seller: files[2])
    }
}

public import ParleyProtocol

/// A scenario as a command line names it: a Parley scenario file (`deal.json`), a GENIUS scenario as its three
/// files, `genius:DOMAIN.xml,BUYER.xml,SELLER.xml` (the buyer's utility space second, the seller's third), or two
/// GeniusWeb profiles, `geniusweb:BUYER.json,SELLER.json`.
public enum ScenarioReference {
    /// The prefix of a GENIUS reference.
    public static let geniusPrefix = "genius:"
    /// The prefix of a GeniusWeb reference.
    public static let geniusWebPrefix = "geniusweb:"

    /// Whether a reference names another tool's files rather than a Parley scenario file.
    public static func isForeign(_ reference: String) -> Bool {
        reference.hasPrefix(geniusPrefix) || reference.hasPrefix(geniusWebPrefix)
    }

    /// Loads and validates the scenario, with the warnings of a GENIUS import (empty for Parley's own files).
    public static func load(_ reference: String, loader: ScenarioLoader = ScenarioLoader()) throws(ScenarioLoader.Failure) -> GeniusImport.Imported {
        func files(after prefix: String, count: Int, form: String) throws(ScenarioLoader.Failure) -> [String] {
            let files = reference.dropFirst(prefix.count).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard files.count == count, files.allSatisfy({ !$0.isEmpty }) else {
                throw ScenarioLoader.Failure(file: reference, problems: [.init(path: "$", code: "invalid_reference", message: "name it \(form)")])
            }
            return files
        }
        if reference.hasPrefix(geniusPrefix) {
            let files = try files(after: geniusPrefix, count: 3, form: "genius:DOMAIN.xml,BUYER.xml,SELLER.xml")
            return try GeniusImport().read(domain: files[0], buyer: files[1], seller: files[2])
        }
        if reference.hasPrefix(geniusWebPrefix) {
            let files = try files(after: geniusWebPrefix, count: 2, form: "geniusweb:BUYER.json,SELLER.json")
            return try GeniusWebImport().read(buyer: files[0], seller: files[1])
        }
        return GeniusImport.Imported(file: try loader.load(reference), warnings: [])
    }
}

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
}

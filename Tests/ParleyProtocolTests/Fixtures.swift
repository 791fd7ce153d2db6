import Foundation
import ParleyProtocol
import ParleyTesting

/// Scenarios and helpers the protocol tests share; the scenarios are written in Swift, not read from example files.
enum Fixtures {
    /// The reference scenario as specified, written in Swift (shared with the other test targets).
    static let reference = ReferenceScenarios.reference

    /// Terms of the reference scenario.
    static func terms(price: Int64, quantity: Int64, days: Int64) -> Terms {
        ["price": .integer(price), "quantity": .integer(quantity), "delivery_days": .integer(days)]
    }

    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Reads a file of the repository.
    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: repository.appendingPathComponent(path))
    }
}

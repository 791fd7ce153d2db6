import Foundation
import ParleyProtocol
import Testing

/// The conformance vectors in `Protocols/Spec/Vectors/agent-api.json` against the Swift types. (`ConformanceSuiteTests`
/// checks that the suite sends the invalid ones to live servers.)
@Suite("Conformance vectors agree with the Swift types and the server")
struct ConformanceVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var message: String
        var body: Data
        var code: String?
        var status: Int?
        var path: String?
        var testDescription: String { name }
    }

    static func vectors(_ kind: String) -> [Vector] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Protocols/Spec/Vectors/agent-api.json")
        let document = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
        return (document[kind] as? [[String: Any]] ?? []).map { entry in
            let body = (entry["raw"] as? String).map { Data($0.utf8) }
                ?? (try? JSONSerialization.data(withJSONObject: entry["json"] ?? [:], options: [.sortedKeys])) ?? Data()
            return Vector(
                name: entry["name"] as? String ?? "?", message: entry["message"] as? String ?? "?", body: body,
                code: entry["code"] as? String, status: entry["status"] as? Int, path: entry["path"] as? String
            )
        }
    }

    static let valid = vectors("valid")
    static let invalid = vectors("invalid")

    /// Decodes a message of the named type and encodes it again.
    static func roundTrip(_ message: String, _ data: Data) throws -> Data {
        let codec = WireCodec()
        func again<Body: Codable & Sendable & Hashable>(_ type: Body.Type) throws -> Data {
            try codec.encode(codec.decode(WireMessage<Body>.self, from: data))
        }
        switch message {
        case "AgentCard": return try again(AgentCard.self)
        case "SessionStart": return try again(SessionStart.self)
        case "SessionStarted": return try again(SessionStarted.self)
        case "TurnRequest": return try again(TurnRequest.self)
        case "TurnReply": return try again(TurnReply.self)
        case "OutcomeNotice": return try again(OutcomeNotice.self)
        case "APIErrorBody": return try again(APIErrorBody.self)
        default: throw WireError(.invalidField, path: "$", message: "no message type '\(message)'")
        }
    }

    @Test("The vectors file is present and covers every message")
    func coverage() {
        #expect(Self.valid.count >= 10)
        #expect(Self.invalid.count >= 8)
        #expect(Set(Self.valid.map(\.message)) == ["AgentCard", "SessionStart", "SessionStarted", "TurnRequest", "TurnReply", "OutcomeNotice", "APIErrorBody"])
    }

    @Test("Each valid message decodes and re-encodes to the same JSON", arguments: valid)
    func validMessage(_ vector: Vector) throws {
        let encoded = try Self.roundTrip(vector.message, vector.body)
        let original = try JSONSerialization.jsonObject(with: vector.body) as? NSDictionary
        let again = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
        #expect(original != nil)
        #expect(again == original, "\(String(decoding: encoded, as: UTF8.self))")
    }

    @Test("Each invalid message is refused with its code and path", arguments: invalid)
    func invalidMessage(_ vector: Vector) throws {
        let error = try #require(throws: WireError.self) { try Self.roundTrip(vector.message, vector.body) }
        #expect(error.code.rawValue == vector.code)
        if let path = vector.path { #expect(error.path == path) }
    }
}

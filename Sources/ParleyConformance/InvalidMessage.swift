public import Foundation
public import ParleyProtocol

/// A message an agent server must refuse, with the error code, HTTP status and JSON path it must answer with.
///
/// ``catalog(session:scenario:)`` is the invalid half of `Protocols/Spec/Vectors/agent-api.json`; a test keeps
/// the two identical. A start goes to `POST /v1/sessions`; a turn request goes to turn 3 of a live buyer
/// session (after its turn 1), so that only the body is at fault.
public struct InvalidMessage: Sendable, Hashable {
    /// The message the body pretends to be.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A ``SessionStart``, sent to `POST /v1/sessions`.
        case sessionStart = "SessionStart"
        /// A ``TurnRequest``, sent to `POST /v1/sessions/{id}/turns/3`.
        case turnRequest = "TurnRequest"
    }

    /// What is wrong, for people.
    public var name: String
    /// The message the body pretends to be.
    public var kind: Kind
    /// The bytes sent.
    public var body: Data
    /// The error code the server must answer with.
    public var code: APIError.Code
    /// The JSON path the error must name, where one field is at fault.
    public var path: String?

    /// The HTTP status the server must answer with: the code's.
    public var status: Int { code.status }

    /// Every invalid message, for a session `session` on `scenario` (the fractional-value message names the reference scenario's issues).
    public static func catalog(session: SessionID, scenario: Scenario) -> [InvalidMessage] {
        let id = "\"sessionID\":\"\(session.rawValue)\""
        let scenarioJSON = String(decoding: (try? WireCodec().encode(scenario)) ?? Data("{}".utf8), as: UTF8.self)
        let turn = "\"protocol\":\"parley/1\",\(id),\"turn\":3,\"elapsed\":0"
        func message(_ name: String, _ kind: Kind, _ json: String, _ code: APIError.Code, _ path: String? = nil) -> InvalidMessage {
            InvalidMessage(name: name, kind: kind, body: Data(json.utf8), code: code, path: path)
        }
        return [
            message("not JSON", .turnRequest, "{\"protocol\":\"parley/1\",\"sessionID\":", .malformedJSON),
            message("no protocol field", .turnRequest, "{\(id),\"turn\":3,\"elapsed\":0}", .missingField, "$.protocol"),
            message(
                "another protocol version", .turnRequest, "{\"protocol\":\"parley/2\",\(id),\"turn\":3,\"elapsed\":0}", .unsupportedVersion, "$.protocol"
            ),
            message("turn is a string", .turnRequest, "{\"protocol\":\"parley/1\",\(id),\"turn\":\"3\",\"elapsed\":0}", .invalidField, "$.turn"),
            message("no turn", .turnRequest, "{\"protocol\":\"parley/1\",\(id),\"elapsed\":0}", .missingField, "$.turn"),
            message(
                "unknown action type", .turnRequest, "{\(turn),\"opponentAction\":{\"type\":\"haggle\"}}", .unknownActionType,
                "$.opponentAction.type"
            ),
            message("an offer without terms", .turnRequest, "{\(turn),\"opponentAction\":{\"type\":\"offer\"}}", .missingField, "$.opponentAction.terms"),
            message(
                "a fractional term value", .turnRequest,
                "{\(turn),\"opponentAction\":{\"type\":\"offer\",\"terms\":{\"price\":150.5,\"quantity\":50,\"delivery_days\":5}}}",
                .invalidField, "$.opponentAction.terms.price"
            ),
            message("a fractional turn", .turnRequest, "{\"protocol\":\"parley/1\",\(id),\"turn\":3.5,\"elapsed\":0}", .invalidField, "$.turn"),
            message("a turn beyond 20000", .turnRequest, "{\"protocol\":\"parley/1\",\(id),\"turn\":20001,\"elapsed\":0}", .invalidField, "$.turn"),
            message("a negative elapsed time", .turnRequest, "{\"protocol\":\"parley/1\",\(id),\"turn\":3,\"elapsed\":-1}", .invalidField, "$.elapsed"),
            message("a field sent twice", .turnRequest, "{\"protocol\":\"parley/1\",\(id),\"turn\":3,\"turn\":5,\"elapsed\":0}", .invalidField, "$.turn"),
            message("a session start without a scenario", .sessionStart, "{\"protocol\":\"parley/1\",\(id),\"role\":\"buyer\"}", .missingField, "$.scenario"),
            message(
                "a session start with an unknown role", .sessionStart,
                "{\"protocol\":\"parley/1\",\(id),\"role\":\"broker\",\"scenario\":\(scenarioJSON)}", .invalidField, "$.role"
            ),
            message(
                "a session start with a seed of 21 digits", .sessionStart,
                "{\"protocol\":\"parley/1\",\(id),\"role\":\"buyer\",\"seed\":\"123456789012345678901\",\"scenario\":\(scenarioJSON)}", .invalidField, "$.seed"
            ),
        ]
    }
}

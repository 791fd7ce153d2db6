public import Foundation

/// Encodes and decodes Parley JSON: stable bytes out (sorted keys, ISO 8601 dates), typed errors in.
///
/// Unknown fields are ignored. Missing fields, wrong types, unknown action types, unsupported versions and a
/// key that appears twice in one object become a ``WireError`` naming the JSON path.
///
/// A codec keeps its compact encoder, so code that encodes message after message (a server, a remote agent)
/// should hold one codec rather than create one per message.
public struct WireCodec: Sendable {
    private let compact: JSONEncoder

    /// Creates a codec.
    public init() {
        compact = Self.encoder(pretty: false)
    }

    /// Encodes a value as compact JSON with sorted keys, so equal values give equal bytes.
    public func encode(_ value: some Encodable, pretty: Bool = false) throws -> Data {
        if !pretty, let message = value as? any TurnPathJSON {
            var output: [UInt8] = []
            output.reserveCapacity(256)
            if message.writeJSON(into: &output) { return Data(output) }
        }
        return try (pretty ? Self.encoder(pretty: true) : compact).encode(value)
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Decodes a value, turning every failure into a ``WireError``.
    public func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws(WireError) -> Value {
        if let fast = type as? any HandReadJSON.Type, let value = data.withUnsafeBytes({ fast.readJSON($0) }) as? Value {
            return value
        }
        if let duplicate = DuplicateKeys.firstDuplicate(in: data) {
            throw WireError(.invalidField, path: duplicate, message: "the field appears twice in one object; send each field once")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: data)
        } catch let error as WireError {
            throw error
        } catch let error as DecodingError {
            throw Self.wireError(from: error)
        } catch {
            throw WireError(.malformedJSON, path: "$", message: "\(error)")
        }
    }

    /// Translates Foundation's decoding error into a ``WireError``.
    public static func wireError(from error: DecodingError) -> WireError {
        switch error {
        case .keyNotFound(let key, let context):
            return WireError(.missingField, path: WireError.path(context.codingPath + [key]), message: "the field '\(key.stringValue)' is required")
        case .valueNotFound(_, let context):
            return WireError(.missingField, path: WireError.path(context.codingPath), message: "a value is required, not null")
        case .typeMismatch(let type, let context):
            return WireError(.invalidField, path: WireError.path(context.codingPath), message: "expected \(Self.describe(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return WireError(.malformedJSON, path: "$", message: "the body is not valid JSON")
            }
            let isVersion = context.codingPath.last?.stringValue == "protocol"
            return WireError(isVersion ? .unsupportedVersion : .invalidField, path: WireError.path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return WireError(.malformedJSON, path: "$", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is UInt64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "a value of type \(type)"
        }
    }
}

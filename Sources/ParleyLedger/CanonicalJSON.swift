public import Foundation
import ParleyProtocol

/// The canonical JSON encoding of Parley records: the bytes the hash chain is computed over.
///
/// It follows RFC 8785 (JSON Canonicalization Scheme): no whitespace; object keys sorted by their UTF-16 code
/// units; strings with only `"`, `\` and control characters escaped (`\b \f \n \r \t`, otherwise `\u00xx`);
/// non-integral numbers in ECMAScript's shortest round-trip form (`0.5`, `0.00001`, `1e-7`). One deliberate
/// difference: integers are written exactly in decimal even beyond 2⁵³ (seeds are 64-bit). For every value
/// Parley records below 2⁵³ the output is byte-for-byte RFC 8785. See `Protocols/Spec/canonical-encoding.md`.
public enum CanonicalJSON {
    /// The canonical bytes of a value.
    public static func encode(_ value: some Encodable) throws -> Data {
        let data = try WireCodec().encode(value)
        let tree = try JSONDecoder().decode(JSONValue.self, from: data)
        var output = ""
        write(tree, into: &output)
        return Data(output.utf8)
    }

    static func write(_ value: JSONValue, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .unsigned(let number): output += String(number)
        case .number(let number): output += ECMAScriptNumber.format(number)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                write(item, into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let keys = members.keys.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
            for (position, key) in keys.enumerated() {
                if position > 0 { output += "," }
                writeString(key, into: &output)
                output += ":"
                write(members[key]!, into: &output)
            }
            output += "}"
        }
    }

    static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

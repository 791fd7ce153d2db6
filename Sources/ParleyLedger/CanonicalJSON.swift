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
        Data(try bytes(value))
    }

    /// The canonical JSON of a value, as text.
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    static func bytes(_ value: some Encodable) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(try CanonicalEncoder.tree(value), into: &output)
        return output
    }

    /// The same bytes by way of `WireCodec`'s JSON text: the slow reference the fast path is tested against.
    static func encodeThroughWireFormat(_ value: some Encodable) throws -> Data {
        let tree = try JSONDecoder().decode(JSONValue.self, from: try WireCodec().encode(value))
        var output: [UInt8] = []
        write(CanonicalEncoder.Node(json: tree), into: &output)
        return Data(output)
    }

    static func write(_ node: CanonicalEncoder.Node, into output: inout [UInt8]) {
        if let members = node.members {
            output.append(UInt8(ascii: "{"))
            let sorted = members.sorted { precedes($0.key, $1.key) }
            for (position, member) in sorted.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.node, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        } else if let items = node.items {
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        } else {
            switch node.value ?? .object([:]) {
            case .null: output += "null".utf8
            case .bool(let flag): output += (flag ? "true" : "false").utf8
            case .integer(let number): writeInteger(number, into: &output)
            case .unsigned(let number): writeDigits(of: number, into: &output)
            case .number(let number): ECMAScriptNumber.write(number, into: &output)
            case .string(let text): writeString(text, into: &output)
            case .array, .object: output += "{}".utf8
            }
        }
    }

    /// Writes an integer in decimal, without building a string.
    static func writeInteger(_ value: Int64, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        writeDigits(of: value.magnitude, into: &output)
    }

    /// Writes a whole number's decimal digits.
    static func writeDigits(of value: UInt64, into output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            output += UnsafeBufferPointer(rebasing: digits[start...])
        }
    }

    /// Whether a key sorts before another: by UTF-16 code units, as RFC 8785 orders object members.
    static func precedes(_ first: String, _ second: String) -> Bool {
        first.utf16.lexicographicallyPrecedes(second.utf16)
    }

    /// Writes a string with RFC 8785's minimal escaping. Bytes of multi-byte UTF-8 sequences are all ≥ 0x80
    /// and pass through unchanged; runs that need no escaping are copied at once.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                escape(byte, into: &output)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
        case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
        case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        default:
            let hex = Array("0123456789abcdef".utf8)
            output += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }
}

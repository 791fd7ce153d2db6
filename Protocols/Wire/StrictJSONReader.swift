/// Reads the plainest JSON: strings without escapes, numbers in strict JSON grammar, objects, `null`, booleans.
///
/// The turn path's fast decoder reads messages with it. Every method returns `nil` or `false` as soon as it meets
/// anything else (an escape, a control character, invalid UTF-8, a number out of range), and the caller then
/// hands the whole message to Foundation's decoder, which accepts or refuses it with its usual errors. So this
/// reader never has to be right about unusual input: it only has to refuse it.
struct StrictJSONReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Whether only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return position == bytes.count
    }

    /// Reads an object, calling `member` with each key's bytes and the reader positioned at its value; `member`
    /// reads the value and returns false to give up.
    mutating func object(_ member: (UnsafeRawBufferPointer, inout StrictJSONReader) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = rawString(), consume(UInt8(ascii: ":")), member(key, &self) else { return false }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    /// A string without escapes or control characters, in valid UTF-8.
    mutating func string() -> String? {
        rawString().flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Consumes `null` if it is next.
    mutating func null() -> Bool {
        literal("null")
    }

    /// A boolean.
    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// A number, as Foundation reads it into a double: finite, and not a nonzero number written so small that it
    /// would read as zero (Foundation refuses both).
    mutating func double() -> Double? {
        guard let (text, isInteger) = number() else { return nil }
        if isInteger, text.count <= 16, let value = Int64(digits: text) { return Double(value) }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { return nil }
        if value == 0, text.contains(where: { (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) }) { return nil }
        return value
    }

    /// A number written as a plain integer (`-?digits`) that fits in an `Int64`.
    mutating func integer() -> Int64? {
        let start = position
        guard let (text, isInteger) = number(), isInteger, text.count <= 20, let value = Int64(digits: text) else {
            position = start
            return nil
        }
        return value
    }

    /// The next value is a string (used to tell strings from numbers without consuming either).
    mutating func nextIsString() -> Bool {
        skipWhitespace()
        return position < bytes.count && bytes[position] == UInt8(ascii: "\"")
    }

    // MARK: Tokens

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipWhitespace()
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let matches = word.withUTF8Buffer { word in (0..<count).allSatisfy { bytes[position + $0] == word[$0] } }
        if matches { position += count }
        return matches
    }

    /// The bytes between the quotes of a string without escapes or control characters.
    private mutating func rawString() -> UnsafeRawBufferPointer? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<(position - 1)])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    /// A number in JSON's grammar, `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, and whether it is an integer.
    private mutating func number() -> (UnsafeRawBufferPointer, isInteger: Bool)? {
        skipWhitespace()
        let start = position
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            if position < bytes.count, isDigit(bytes[position]) { return nil }
        } else if digits() == 0 {
            return nil
        }
        var isInteger = true
        if take(UInt8(ascii: ".")) {
            guard digits() > 0 else { return nil }
            isInteger = false
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            guard digits() > 0 else { return nil }
            isInteger = false
        }
        return (UnsafeRawBufferPointer(rebasing: bytes[start..<position]), isInteger)
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        return position - start
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}

extension Int64 {
    /// A plain integer (`-?digits`, at most 19 digits) that fits; `nil` when it overflows.
    fileprivate init?(digits text: UnsafeRawBufferPointer) {
        var value: Int64 = 0
        let negative = text.first == UInt8(ascii: "-")
        for byte in text.dropFirst(negative ? 1 : 0) {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (sum, overflow2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        self = value
    }
}

extension UnsafeRawBufferPointer {
    /// Whether the bytes are those of `text`.
    func equals(_ text: StaticString) -> Bool {
        text.withUTF8Buffer { text in count == text.count && elementsEqual(text) }
    }
}

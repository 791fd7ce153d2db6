/// Writes one JSON object's members in canonical form, for the hand-written writers of the records every session
/// leaves (events and settlements). The caller writes the members in sorted key order; keys are plain ASCII names
/// that need no escaping.
struct CanonicalObject {
    private var isEmpty = true

    /// Opens the object.
    init(_ output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
    }

    /// Writes a key; its value follows.
    mutating func key(_ name: StaticString, _ output: inout [UInt8]) {
        if !isEmpty { output.append(UInt8(ascii: ",")) }
        isEmpty = false
        output.append(UInt8(ascii: "\""))
        output.write(name)
        output.write(#"":"#)
    }

    /// Writes a member whose value is a string.
    mutating func string(_ name: StaticString, _ value: String, _ output: inout [UInt8]) {
        key(name, &output)
        CanonicalJSON.writeString(value, into: &output)
    }

    /// Writes a member whose value is a finite number, in ECMAScript's shortest form.
    mutating func number(_ name: StaticString, _ value: Double, _ output: inout [UInt8]) {
        key(name, &output)
        ECMAScriptNumber.write(value, into: &output)
    }

    /// Writes a member whose value is an integer, in decimal.
    mutating func integer(_ name: StaticString, _ value: Int, _ output: inout [UInt8]) {
        key(name, &output)
        CanonicalJSON.writeInteger(Int64(value), into: &output)
    }

    /// Writes a member whose value is `true` or `false`.
    mutating func boolean(_ name: StaticString, _ value: Bool, _ output: inout [UInt8]) {
        key(name, &output)
        output += (value ? "true" : "false").utf8
    }

    /// Closes the object.
    func close(_ output: inout [UInt8]) {
        output.append(UInt8(ascii: "}"))
    }
}

extension [UInt8] {
    /// Appends the bytes of a literal: a copy of its UTF-8, without decoding it.
    mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { self.append(contentsOf: $0) }
    }
}

import ParleyProtocol

extension TranscriptEntry {
    /// The entry's canonical JSON, written directly: the hot path of chaining a session (one per action).
    ///
    /// It must equal ``CanonicalJSON/encode(_:)`` of the entry byte for byte; a test checks this on real
    /// sessions of every built-in, with notes, walk-aways and violations. Keys are written in sorted order.
    func writeCanonical(into output: inout [UInt8]) {
        output += #"{"action":"#.utf8
        action.writeCanonical(into: &output)
        output += #","by":"#.utf8
        CanonicalJSON.writeString(by.rawValue, into: &output)
        output += #","elapsed":"#.utf8
        output += ECMAScriptNumber.format(elapsed).utf8
        output += #","round":"#.utf8
        output += String(round).utf8
        output += #","turn":"#.utf8
        output += String(turn).utf8
        if let violation {
            // Keys: code, issue, message, role.
            output += #","violation":{"code":"#.utf8
            CanonicalJSON.writeString(violation.code.rawValue, into: &output)
            if let issue = violation.issue {
                output += #","issue":"#.utf8
                CanonicalJSON.writeString(issue, into: &output)
            }
            output += #","message":"#.utf8
            CanonicalJSON.writeString(violation.message, into: &output)
            output += #","role":"#.utf8
            CanonicalJSON.writeString(violation.role.rawValue, into: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "}"))
    }
}

extension TranscriptEntry {
    /// The entry's canonical JSON on its own.
    func canonicalBytes() -> [UInt8] {
        var output: [UInt8] = []
        writeCanonical(into: &output)
        return output
    }
}

extension Action {
    /// Keys: note, reason, terms, type.
    fileprivate func writeCanonical(into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        var first = true
        func key(_ name: String) {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            CanonicalJSON.writeString(name, into: &output)
            output.append(UInt8(ascii: ":"))
        }
        if let note {
            key("note")
            CanonicalJSON.writeString(note, into: &output)
        }
        switch move {
        case .walkAway(let reason?):
            key("reason")
            CanonicalJSON.writeString(reason, into: &output)
        case .offer(let terms):
            key("terms")
            terms.writeCanonical(into: &output)
        case .walkAway(nil), .accept:
            break
        }
        key("type")
        CanonicalJSON.writeString(typeName, into: &output)
        output.append(UInt8(ascii: "}"))
    }
}

extension Terms {
    fileprivate func writeCanonical(into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        for (position, issue) in values.keys.sorted(by: { $0.utf16.lexicographicallyPrecedes($1.utf16) }).enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            CanonicalJSON.writeString(issue, into: &output)
            output.append(UInt8(ascii: ":"))
            switch values[issue]! {
            case .integer(let number): output += String(number).utf8
            case .option(let name): CanonicalJSON.writeString(name, into: &output)
            }
        }
        output.append(UInt8(ascii: "}"))
    }
}

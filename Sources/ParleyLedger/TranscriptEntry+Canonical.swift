import ParleyProtocol

extension TranscriptEntry {
    /// The entry's canonical JSON, written directly: the hot path of chaining a session (one per action).
    ///
    /// It must equal ``CanonicalJSON/encode(_:)`` of the entry byte for byte; a test checks this on real
    /// sessions of every built-in, with notes, walk-aways and violations. Keys are written in sorted order.
    ///
    /// `issueOrder` is the scenario's issues in canonical (UTF-16) order, sorted once per scenario; terms with
    /// exactly those issues are written in that order, any others are sorted here.
    func writeCanonical(into output: inout [UInt8], issueOrder: CanonicalIssueOrder = []) {
        output += #"{"action":"#.utf8
        action.writeCanonical(into: &output, issueOrder: issueOrder)
        output += #","by":"#.utf8
        CanonicalJSON.writeString(by.rawValue, into: &output)
        output += #","elapsed":"#.utf8
        ECMAScriptNumber.write(elapsed, into: &output)
        output += #","round":"#.utf8
        CanonicalJSON.writeInteger(Int64(round), into: &output)
        if let trace {
            // Rare (model-consulting agents only), so the general encoder writes it.
            output += #","trace":"#.utf8
            output += (try? CanonicalJSON.bytes(trace)) ?? Array("null".utf8)
        }
        output += #","turn":"#.utf8
        CanonicalJSON.writeInteger(Int64(turn), into: &output)
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
    func canonicalBytes(issueOrder: CanonicalIssueOrder = []) -> [UInt8] {
        var output: [UInt8] = []
        writeCanonical(into: &output, issueOrder: issueOrder)
        return output
    }
}

extension Action {
    /// Keys: note, reason, terms, type.
    fileprivate func writeCanonical(into output: inout [UInt8], issueOrder: CanonicalIssueOrder) {
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
            terms.writeCanonical(into: &output, issueOrder: issueOrder)
        case .walkAway(nil), .accept:
            break
        }
        key("type")
        CanonicalJSON.writeString(typeName, into: &output)
        output.append(UInt8(ascii: "}"))
    }
}

extension Terms {
    /// Writes the terms with their issues in `issueOrder` when they have exactly those issues, else sorted here.
    func writeCanonical(into output: inout [UInt8], issueOrder: CanonicalIssueOrder) {
        if let (space, ordinal) = outcome, !issueOrder.issues.isEmpty, space.matches(issueOrder.issues) {
            output.append(UInt8(ascii: "{"))
            for (rank, position) in issueOrder.positions.enumerated() {
                if rank > 0 { output.append(UInt8(ascii: ",")) }
                Self.write(issueOrder.names[rank], space.value(of: ordinal, at: position), into: &output)
            }
            output.append(UInt8(ascii: "}"))
            return
        }
        let mark = output.count
        if count == issueOrder.names.count, write(names: issueOrder.names, into: &output) { return }
        // Terms with other issues than the scenario's (a refused offer): sort their own names.
        output.removeSubrange(mark...)
        _ = write(names: values.keys.sorted(by: CanonicalJSON.precedes), into: &output)
    }

    /// Writes the terms with these names in this order; false when one is missing.
    private func write(names: [String], into output: inout [UInt8]) -> Bool {
        output.append(UInt8(ascii: "{"))
        for (position, issue) in names.enumerated() {
            guard let value = self[issue] else { return false }
            if position > 0 { output.append(UInt8(ascii: ",")) }
            Self.write(issue, value, into: &output)
        }
        output.append(UInt8(ascii: "}"))
        return true
    }

    /// Writes one member: the issue's name and its value.
    private static func write(_ issue: String, _ value: TermValue, into output: inout [UInt8]) {
        CanonicalJSON.writeString(issue, into: &output)
        output.append(UInt8(ascii: ":"))
        switch value {
        case .integer(let number): CanonicalJSON.writeInteger(number, into: &output)
        case .option(let name): CanonicalJSON.writeString(name, into: &output)
        }
    }
}

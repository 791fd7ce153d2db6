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
        output.write(#"{"action":"#)
        action.writeCanonical(into: &output, issueOrder: issueOrder)
        switch by {
        case .buyer: output.write(#","by":"buyer","elapsed":"#)
        case .seller: output.write(#","by":"seller","elapsed":"#)
        }
        ECMAScriptNumber.write(elapsed, into: &output)
        output.write(#","round":"#)
        CanonicalJSON.writeInteger(Int64(round), into: &output)
        if let trace {
            // Rare (model-consulting agents only), so the general encoder writes it.
            output.write(#","trace":"#)
            output += (try? CanonicalJSON.bytes(trace)) ?? Array("null".utf8)
        }
        output.write(#","turn":"#)
        CanonicalJSON.writeInteger(Int64(turn), into: &output)
        if let violation {
            // Keys: code, issue, message, role.
            output.write(#","violation":{"code":"#)
            CanonicalJSON.writeString(violation.code.rawValue, into: &output)
            if let issue = violation.issue {
                output.write(#","issue":"#)
                CanonicalJSON.writeString(issue, into: &output)
            }
            output.write(#","message":"#)
            CanonicalJSON.writeString(violation.message, into: &output)
            output.write(#","role":"#)
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
        if let note {
            output.write(#""note":"#)
            CanonicalJSON.writeString(note, into: &output)
            output.append(UInt8(ascii: ","))
        }
        switch move {
        case .offer(let terms):
            output.write(#""terms":"#)
            terms.writeCanonical(into: &output, issueOrder: issueOrder)
            output.write(#","type":"offer"}"#)
        case .accept:
            output.write(#""type":"accept"}"#)
        case .walkAway(let reason):
            if let reason {
                output.write(#""reason":"#)
                CanonicalJSON.writeString(reason, into: &output)
                output.append(UInt8(ascii: ","))
            }
            output.write(#""type":"walkAway"}"#)
        }
    }
}

extension Terms {
    /// Writes the terms with their issues in `issueOrder` when they have exactly those issues, else sorted here.
    func writeCanonical(into output: inout [UInt8], issueOrder: CanonicalIssueOrder) {
        if issueOrder.writeOutcome(self, into: &output) { return }
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
            CanonicalJSON.writeString(issue, into: &output)
            output.append(UInt8(ascii: ":"))
            switch value {
            case .integer(let number): CanonicalJSON.writeInteger(number, into: &output)
            case .option(let name): CanonicalJSON.writeString(name, into: &output)
            }
        }
        output.append(UInt8(ascii: "}"))
        return true
    }
}

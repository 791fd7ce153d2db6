import ParleyProtocol

/// A scenario's issue names in canonical (UTF-16) order, and where each sits among the scenario's issues: the
/// order terms are written in. Built once per scenario by a ``SessionChainer``.
///
/// Terms built from the scenario's outcome space are written by position from bytes prepared here (each member's
/// `"name":` and each option's quoted name), without a lookup by name or an escape per offer. Other terms with
/// exactly these issues are written in this order by name; terms with other issues (a refused offer) are sorted
/// when written.
struct CanonicalIssueOrder: ExpressibleByArrayLiteral {
    /// How one issue's values are written.
    private enum Values {
        /// The range's values, as integers.
        case range(SteppedRange)
        /// Each option's JSON string, by domain position.
        case options([[UInt8]])
    }

    /// One issue, in canonical order.
    private struct Member {
        /// Its position among the scenario's issues.
        let position: Int
        /// `"name":`, preceded by a comma unless it is the first member.
        let prefix: [UInt8]
        let values: Values
    }

    /// The issue names, sorted.
    let names: [String]
    /// The issues the positions refer to; empty when only the names are known.
    let issues: [Issue]
    private let members: [Member]

    /// The order of a scenario's issues.
    init(issues: [Issue]) {
        let sorted = issues.indices.sorted { CanonicalJSON.precedes(issues[$0].name, issues[$1].name) }
        self.names = sorted.map { issues[$0].name }
        self.issues = issues
        self.members = sorted.enumerated().map { rank, position in
            var prefix: [UInt8] = rank > 0 ? [UInt8(ascii: ",")] : []
            CanonicalJSON.writeString(issues[position].name, into: &prefix)
            prefix.append(UInt8(ascii: ":"))
            let values: Values =
                switch issues[position].domain {
                case .money(_, let range), .integer(let range): .range(range)
                case .options(let names):
                    .options(names.map { name in
                        var quoted: [UInt8] = []
                        CanonicalJSON.writeString(name, into: &quoted)
                        return quoted
                    })
                }
            return Member(position: position, prefix: prefix, values: values)
        }
    }

    /// An order of names alone, sorted here.
    init(names: [String]) {
        self.names = names.sorted(by: CanonicalJSON.precedes)
        self.issues = []
        self.members = []
    }

    /// An order of names alone.
    init(arrayLiteral names: String...) {
        self.init(names: names)
    }

    /// Writes terms built from an outcome space with these issues, by position; false (and nothing written) for
    /// any other terms.
    func writeOutcome(_ terms: Terms, into output: inout [UInt8]) -> Bool {
        guard !members.isEmpty, let (space, ordinal) = terms.outcome, space.matches(issues) else { return false }
        output.append(UInt8(ascii: "{"))
        for member in members {
            output += member.prefix
            let digit = space.digit(of: ordinal, at: member.position)
            switch member.values {
            case .range(let range): CanonicalJSON.writeInteger(range.value(at: digit), into: &output)
            case .options(let quoted): output += quoted[digit]
            }
        }
        output.append(UInt8(ascii: "}"))
        return true
    }
}

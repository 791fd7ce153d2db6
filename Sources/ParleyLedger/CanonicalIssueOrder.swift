import ParleyProtocol

/// A scenario's issue names in canonical (UTF-16) order, and where each sits among the scenario's issues: the
/// order terms are written in. Built once per scenario by a ``SessionChainer``.
///
/// Terms built from the scenario's outcome space are written by position from bytes prepared here (each member's
/// `"name":` and each option's quoted name), without a lookup by name or an escape per offer. Other terms with
/// exactly these issues are written in this order by name; terms with other issues (a refused offer) are sorted
/// when written.
struct CanonicalIssueOrder: ExpressibleByArrayLiteral {
    /// One issue, in canonical order.
    private struct Member {
        /// Its position among the scenario's issues.
        let position: Int
        /// Where its `"name":` (preceded by a comma unless it is the first member) sits in ``bytes``.
        let prefix: Range<Int>
        /// Its values when they are integers.
        let range: SteppedRange?
        /// Where its options' quoted names start in ``options``, when the issue has options.
        let firstOption: Int
    }

    /// The issue names, sorted.
    let names: [String]
    /// The issues the positions refer to; empty when only the names are known.
    let issues: [Issue]
    /// Their outcome space, which turns an ordinal into each issue's domain position; `nil` when only the names are
    /// known or the issues have none.
    private let space: OutcomeSpace?
    private let members: [Member]
    /// Every prepared piece of JSON, one after another (one buffer, so writing retains nothing per member).
    private let bytes: [UInt8]
    /// Where each option's quoted name sits in ``bytes``, issue after issue in domain order.
    private let options: [Range<Int>]

    /// The order of a scenario's issues.
    init(issues: [Issue]) {
        let sorted = issues.indices.sorted { CanonicalJSON.precedes(issues[$0].name, issues[$1].name) }
        var bytes: [UInt8] = []
        var options: [Range<Int>] = []
        func piece(_ write: (inout [UInt8]) -> Void) -> Range<Int> {
            let start = bytes.count
            write(&bytes)
            return start..<bytes.count
        }
        self.members = sorted.enumerated().map { rank, position in
            let prefix = piece { bytes in
                if rank > 0 { bytes.append(UInt8(ascii: ",")) }
                CanonicalJSON.writeString(issues[position].name, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
            }
            switch issues[position].domain {
            case .money(_, let range), .integer(let range):
                return Member(position: position, prefix: prefix, range: range, firstOption: 0)
            case .options(let names):
                let first = options.count
                options += names.map { name in piece { CanonicalJSON.writeString(name, into: &$0) } }
                return Member(position: position, prefix: prefix, range: nil, firstOption: first)
            }
        }
        self.names = sorted.map { issues[$0].name }
        self.issues = issues
        self.space = OutcomeSpace(issues: issues)
        self.bytes = bytes
        self.options = options
    }

    /// An order of names alone, sorted here.
    init(names: [String]) {
        self.names = names.sorted(by: CanonicalJSON.precedes)
        self.issues = []
        self.space = nil
        self.members = []
        self.bytes = []
        self.options = []
    }

    /// An order of names alone.
    init(arrayLiteral names: String...) {
        self.init(names: names)
    }

    /// Writes terms built from an outcome space with these issues, by position; false (and nothing written) for
    /// any other terms.
    func writeOutcome(_ terms: Terms, into output: inout [UInt8]) -> Bool {
        // Terms of a space with these issues are outcomes of this one; the ordinal is all that is read of them.
        guard !members.isEmpty, let space, let ordinal = terms.ordinal(in: issues) else { return false }
        output.append(UInt8(ascii: "{"))
        bytes.withUnsafeBufferPointer { bytes in
            members.withUnsafeBufferPointer { members in
                for member in members {
                    output.append(contentsOf: bytes[member.prefix])
                    let digit = space.digit(of: ordinal, at: member.position)
                    if let range = member.range {
                        CanonicalJSON.writeInteger(range.value(at: digit), into: &output)
                    } else {
                        output.append(contentsOf: bytes[options[member.firstOption + digit]])
                    }
                }
            }
        }
        output.append(UInt8(ascii: "}"))
        return true
    }
}

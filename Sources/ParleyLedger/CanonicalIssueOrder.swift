import ParleyProtocol

/// A scenario's issue names in canonical (UTF-16) order, and where each sits among the scenario's issues: the
/// order terms are written in. Built once per scenario by a ``SessionChainer``.
///
/// Terms with exactly these issues are written in this order: terms built from the scenario's outcome space by
/// position, without a lookup by name; others by name. Terms with other issues (a refused offer) are sorted
/// when written.
struct CanonicalIssueOrder: ExpressibleByArrayLiteral {
    /// The issue names, sorted.
    let names: [String]
    /// The issues the positions refer to; empty when only the names are known.
    let issues: [Issue]
    /// For each name, its issue's position in ``issues``.
    let positions: [Int]

    /// The order of a scenario's issues.
    init(issues: [Issue]) {
        let sorted = issues.indices.sorted { CanonicalJSON.precedes(issues[$0].name, issues[$1].name) }
        self.names = sorted.map { issues[$0].name }
        self.issues = issues
        self.positions = sorted
    }

    /// An order of names alone, sorted here.
    init(names: [String]) {
        self.names = names.sorted(by: CanonicalJSON.precedes)
        self.issues = []
        self.positions = []
    }

    /// An order of names alone.
    init(arrayLiteral names: String...) {
        self.init(names: names)
    }
}

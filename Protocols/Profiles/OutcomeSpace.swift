/// The finite set of all terms of a scenario, numbered from 0.
///
/// An outcome's number (its *ordinal*) is a mixed-radix number whose digits are the positions of its issue values
/// in their domains, the first issue most significant. Converting between ordinals and ``Terms`` is O(issues).
public struct OutcomeSpace: Sendable, Hashable {
    /// The largest space Parley enumerates (2²⁶ outcomes, about 67 million).
    public static let maximumCount = 1 << 26

    /// The arrays, held once: copying a space (as every ``Terms`` built from it does) retains one reference.
    @usableFromInline
    final class Tables: Sendable {
        let issues: [Issue]
        @usableFromInline let radices: [Int]
        /// How much the ordinal grows when each issue's digit grows by one: the product of the later radices.
        @usableFromInline let strides: [Int]

        init(issues: [Issue], radices: [Int]) {
            var strides = [Int](repeating: 1, count: radices.count)
            for position in radices.indices.dropLast().reversed() {
                strides[position] = strides[position + 1] * radices[position + 1]
            }
            self.issues = issues
            self.radices = radices
            self.strides = strides
        }
    }

    @usableFromInline let tables: Tables
    /// The number of outcomes.
    public let count: Int

    /// The scenario's issues, in order.
    public var issues: [Issue] { tables.issues }
    /// The size of each issue's domain.
    public var radices: [Int] { tables.radices }

    /// The outcome space of a scenario, or `nil` when a domain is malformed or the space exceeds ``maximumCount``.
    public init?(_ scenario: Scenario) {
        self.init(issues: scenario.issues)
    }

    /// The outcome space of these issues, or `nil` when a domain is malformed or the space exceeds ``maximumCount``.
    public init?(issues: [Issue]) {
        var count = 1
        var radices: [Int] = []
        for issue in issues {
            let size = issue.domain.count
            guard size > 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Self.maximumCount else { return nil }
            count = product
            radices.append(size)
        }
        self.tables = Tables(issues: issues, radices: radices)
        self.count = count
    }

    /// Spaces are equal when their issues are.
    public static func == (left: OutcomeSpace, right: OutcomeSpace) -> Bool {
        left.tables === right.tables || left.issues == right.issues
    }

    /// Hashes the issues.
    public func hash(into hasher: inout Hasher) { hasher.combine(issues) }

    /// Whether this space has the same issues as a scenario's (then the terms it builds are outcomes of it).
    public func matches(_ issues: [Issue]) -> Bool { tables.issues == issues }

    /// The domain positions of an outcome's values, one per issue.
    public func digits(of ordinal: Int) -> [Int] {
        radices.indices.map { digit(of: ordinal, at: $0) }
    }

    /// The domain position of one issue's value in an outcome.
    @inlinable
    public func digit(of ordinal: Int, at position: Int) -> Int {
        ordinal / tables.strides[position] % tables.radices[position]
    }

    /// The value of one issue in an outcome.
    public func value(of ordinal: Int, at position: Int) -> TermValue {
        tables.issues[position].domain.value(at: digit(of: ordinal, at: position))
    }

    /// Calls `body` with each issue's position and value in an outcome, the last issue first.
    func forEachValue(of ordinal: Int, _ body: (Int, TermValue) throws -> Void) rethrows {
        let (issues, radices) = (tables.issues, tables.radices)
        var rest = ordinal
        for position in radices.indices.reversed() {
            try body(position, issues[position].domain.value(at: rest % radices[position]))
            rest /= radices[position]
        }
    }

    /// The terms of an outcome. They hold only the space and the ordinal (see ``Terms``); an ordinal outside the
    /// space wraps around as its digits do.
    public func terms(at ordinal: Int) -> Terms {
        if (0..<count).contains(ordinal) { return Terms(space: self, ordinal: ordinal) }
        var values: [String: TermValue] = [:]
        forEachValue(of: ordinal) { position, value in values[issues[position].name] = value }
        return Terms(values)
    }

    /// The ordinal of terms, or `nil` when they are not in the space.
    public func ordinal(of terms: Terms) -> Int? {
        if let ordinal = terms.ordinal(in: issues) { return ordinal }
        guard terms.count == issues.count else { return nil }
        var ordinal = 0
        for (issue, radix) in zip(issues, radices) {
            guard let value = terms[issue.name], let digit = issue.domain.index(of: value) else { return nil }
            ordinal = ordinal * radix + digit
        }
        return ordinal
    }
}

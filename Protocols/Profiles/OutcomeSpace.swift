/// The finite set of all terms of a scenario, numbered from 0.
///
/// An outcome's number (its *ordinal*) is a mixed-radix number whose digits are the positions of its issue values
/// in their domains, the first issue most significant. Converting between ordinals and ``Terms`` is O(issues).
public struct OutcomeSpace: Sendable, Hashable {
    /// The largest space Parley enumerates (2²⁶ outcomes, about 67 million).
    public static let maximumCount = 1 << 26

    /// The scenario's issues, in order.
    public let issues: [Issue]
    /// The size of each issue's domain.
    public let radices: [Int]
    /// The number of outcomes.
    public let count: Int

    /// The outcome space of a scenario, or `nil` when a domain is malformed or the space exceeds ``maximumCount``.
    public init?(_ scenario: Scenario) {
        var count = 1
        var radices: [Int] = []
        for issue in scenario.issues {
            let size = issue.domain.count
            guard size > 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Self.maximumCount else { return nil }
            count = product
            radices.append(size)
        }
        self.issues = scenario.issues
        self.radices = radices
        self.count = count
    }

    /// The domain positions of an outcome's values, one per issue.
    public func digits(of ordinal: Int) -> [Int] {
        var digits = [Int](repeating: 0, count: radices.count)
        var rest = ordinal
        for position in radices.indices.reversed() {
            digits[position] = rest % radices[position]
            rest /= radices[position]
        }
        return digits
    }

    /// The terms of an outcome.
    public func terms(at ordinal: Int) -> Terms {
        var values: [String: TermValue] = [:]
        values.reserveCapacity(issues.count)
        var rest = ordinal
        for position in radices.indices.reversed() {
            let issue = issues[position]
            values[issue.name] = issue.domain.value(at: rest % radices[position])
            rest /= radices[position]
        }
        return Terms(values)
    }

    /// The ordinal of terms, or `nil` when they are not in the space.
    public func ordinal(of terms: Terms) -> Int? {
        guard terms.count == issues.count else { return nil }
        var ordinal = 0
        for (issue, radix) in zip(issues, radices) {
            guard let value = terms[issue.name], let digit = issue.domain.index(of: value) else { return nil }
            ordinal = ordinal * radix + digit
        }
        return ordinal
    }
}

/// A profile compiled against its scenario: the fast way to compute utilities.
///
/// Each issue's weighted values are tabulated once, so the utility of terms is a sum of table look-ups: by name for
/// terms given by name, by position for terms built from an outcome space with these issues (``Terms/outcome``),
/// and from domain positions alone (``utility(digits:)``). Every path adds the same numbers in the same order, so
/// they return bit-identical results.
public struct UtilityFunction: Sendable {
    /// The largest issue domain that can be tabulated.
    public static let maximumDomainSize = 1 << 22

    /// The scenario's issues, in order.
    public let issues: [Issue]
    /// The utility of no agreement.
    public let reservation: Double
    /// The profile's discount factor δ, if it discounts time (``Profile/discount``).
    public let discount: Double?
    /// Weighted values, `weightedValues[issue][position]`.
    public let weightedValues: [[Double]]
    /// The highest utility any outcome has.
    public let maximum: Double
    /// The lowest utility any outcome has.
    public let minimum: Double
    /// A hash of the issues and weighted values, computed once when the profile is compiled: equal functions have
    /// equal fingerprints (within one process), so caches find a compiled profile's entries in O(1).
    public let fingerprint: Int

    /// Compiles a profile. Throws the problems ``Profile/validate(against:)`` finds.
    public init(profile: Profile, scenario: Scenario) throws(ValidationFailure) {
        let problems = profile.validate(against: scenario)
        guard problems.isEmpty else { throw ValidationFailure(problems: problems) }
        issues = scenario.issues
        reservation = profile.reservation
        discount = profile.discount
        weightedValues = scenario.issues.map { issue in
            let preference = profile.issues[issue.name]!
            return (0..<issue.domain.count).map { position in
                preference.weight * (preference.value.value(of: issue.domain.value(at: position), in: issue.domain) ?? 0)
            }
        }
        maximum = weightedValues.reduce(0) { $0 + ($1.max() ?? 0) }
        minimum = weightedValues.reduce(0) { $0 + ($1.min() ?? 0) }
        var hasher = Hasher()
        hasher.combine(issues)
        hasher.combine(weightedValues)
        fingerprint = hasher.finalize()
    }

    /// What `utility` is worth at relative time `t` under the profile's discount factor (``Profile/discounted(_:at:)``).
    public func discounted(_ utility: Double, at t: Double) -> Double {
        Profile.discounted(utility, by: discount, at: t)
    }

    /// The utility of terms, or `nil` when the terms miss an issue or hold a value outside its domain.
    public func utility(of terms: Terms) -> Double? {
        if let (space, ordinal) = terms.outcome, space.matches(issues) {
            // Digit by digit, the first issue first: the same sum in the same order as below.
            var total = 0.0
            for position in weightedValues.indices {
                total += weightedValues[position][space.digit(of: ordinal, at: position)]
            }
            return total
        }
        var total = 0.0
        for position in issues.indices {
            let issue = issues[position]
            guard let value = terms[issue.name], let index = issue.domain.index(of: value) else { return nil }
            total += weightedValues[position][index]
        }
        return total
    }

    /// The utility of the outcome whose domain positions are `digits`.
    @inlinable
    public func utility(digits: [Int]) -> Double {
        var total = 0.0
        for position in digits.indices {
            total += weightedValues[position][digits[position]]
        }
        return total
    }

    /// The utilities of every outcome of a space, indexed by ordinal. O(outcomes × issues), allocation-free per outcome.
    public func utilities(over space: OutcomeSpace) -> [Double] {
        var result = [Double](repeating: 0, count: space.count)
        var digits = [Int](repeating: 0, count: space.radices.count)
        let last = space.radices.count - 1
        for ordinal in 0..<space.count {
            result[ordinal] = utility(digits: digits)
            var position = last
            while position >= 0 {
                digits[position] += 1
                if digits[position] < space.radices[position] { break }
                digits[position] = 0
                position -= 1
            }
        }
        return result
    }
}

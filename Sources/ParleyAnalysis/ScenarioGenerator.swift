public import ParleyProtocol

/// Generates linear-additive scenarios of a chosen size and opposition, reproducibly from the random generator it
/// is given: for scale tests, benchmarks and research.
///
/// Every issue has `values` options (`a1`, `a2`, …). The buyer's value for each option is drawn at random and
/// each issue's values are stretched to span 0 to 1; weights are drawn at random. The seller's value for an option
/// mixes the buyer's opposite (1 − buyer's value) and the buyer's own value with a fixed dose of noise, as
/// `β` runs from −1 (aligned) to 1 (opposed), then is stretched the same way. The generator searches `β` by
/// bisection until the scenario's opposition (``ScenarioStatistics/opposition``) is within ``tolerance`` of the
/// target; the noise is drawn once, so the search, and the scenario, depend only on the random generator's
/// sequence.
public struct ScenarioGenerator: Sendable {
    /// How close the achieved opposition must come to the target.
    public static let tolerance = 0.005
    /// The largest generated space, in outcomes.
    public static let maximumOutcomes = 4_000_000

    /// The number of issues, 1 to 12.
    public var issues: Int
    /// The number of options of each issue, 2 to 1,000.
    public var values: Int
    /// The opposition to reach.
    public var opposition: Double
    /// The deadline of the generated scenario, in rounds.
    public var rounds: Int

    /// A generator for scenarios of this size and opposition.
    public init(issues: Int, values: Int, opposition: Double, rounds: Int = 100) {
        self.issues = issues
        self.values = values
        self.opposition = opposition
        self.rounds = rounds
    }

    /// Why a scenario could not be generated.
    public struct Failure: Error, Hashable, CustomStringConvertible {
        /// What is wrong, in a sentence.
        public var description: String
    }

    /// A scenario with both profiles, named `id`, whose opposition is within ``tolerance`` of the target.
    public func generate(id: String, using random: inout some RandomNumberGenerator) throws(Failure) -> ScenarioFile {
        guard (1...12).contains(issues) else { throw Failure(description: "the number of issues must be from 1 to 12, not \(issues)") }
        guard (2...1_000).contains(values) else { throw Failure(description: "the number of values per issue must be from 2 to 1000, not \(values)") }
        guard opposition.isFinite, opposition >= 0 else { throw Failure(description: "the opposition must be a number ≥ 0") }
        var outcomes = 1
        for _ in 0..<issues {
            let (product, overflow) = outcomes.multipliedReportingOverflow(by: values)
            guard !overflow, product <= Self.maximumOutcomes else {
                throw Failure(description: "\(values)^\(issues) outcomes is more than the \(Self.maximumOutcomes) the generator makes")
            }
            outcomes = product
        }
        let names = (1...values).map { "a\($0)" }
        let scenario = Scenario(
            id: id, name: "Generated: \(issues) issues × \(values) values, opposition \(opposition)",
            issues: (1...issues).map { Issue(name: "i\($0)", domain: .options(names)) }, opener: .buyer, deadline: Deadline(rounds: rounds)
        )
        let buyerValues = (0..<issues).map { _ in Self.stretched((0..<values).map { _ in Double.random(in: 0...1, using: &random) }) }
        let noise = (0..<issues).map { _ in (0..<values).map { _ in Double.random(in: -0.15...0.15, using: &random) } }
        let buyerWeights = Self.weights(issues, using: &random)
        let sellerWeights = Self.weights(issues, using: &random)
        func profile(_ tables: [[Double]], _ weights: [Double]) -> Profile {
            Profile(reservation: 0, issues: Dictionary(uniqueKeysWithValues: (0..<issues).map { issue in
                ("i\(issue + 1)", Profile.IssuePreference(weight: weights[issue], value: .table(Dictionary(uniqueKeysWithValues: zip(names, tables[issue])))))
            }))
        }
        let buyer = profile(buyerValues, buyerWeights)
        func file(_ beta: Double) -> ScenarioFile {
            let seller = (0..<issues).map { issue in
                Self.stretched((0..<values).map { k in
                    let own = buyerValues[issue][k]
                    return (1 + beta) / 2 * (1 - own) + (1 - beta) / 2 * own + noise[issue][k]
                })
            }
            return ScenarioFile(scenario: scenario, profiles: [.buyer: buyer, .seller: profile(seller, sellerWeights)])
        }
        func oppositionOf(_ file: ScenarioFile) -> Double {
            guard let seller = file.profile(for: .seller), let landscape = try? OutcomeLandscape(scenario: scenario, buyer: buyer, seller: seller) else {
                return .nan
            }
            return landscape.opposition
        }
        var (low, high) = (-1.0, 1.0)
        let (lowest, highest) = (oppositionOf(file(low)), oppositionOf(file(high)))
        guard opposition >= lowest - Self.tolerance, opposition <= highest + Self.tolerance else {
            throw Failure(description: "with \(issues) issues of \(values) values this generator reaches oppositions from \(Self.format(lowest)) to \(Self.format(highest)), not \(opposition)")
        }
        var best = abs(lowest - opposition) < abs(highest - opposition) ? file(low) : file(high)
        var bestGap = min(abs(lowest - opposition), abs(highest - opposition))
        for _ in 0..<40 where bestGap > Self.tolerance {
            let middle = (low + high) / 2
            let candidate = file(middle)
            let reached = oppositionOf(candidate)
            if abs(reached - opposition) < bestGap { (best, bestGap) = (candidate, abs(reached - opposition)) }
            if reached < opposition { low = middle } else { high = middle }
        }
        guard bestGap <= Self.tolerance else {
            throw Failure(description: "the opposition \(opposition) was not reached within \(Self.tolerance) (closest: \(Self.format(opposition - bestGap)) or \(Self.format(opposition + bestGap)))")
        }
        return best
    }

    /// Values moved and scaled to run exactly from 0 to 1 (all 1 when they are all equal).
    static func stretched(_ values: [Double]) -> [Double] {
        guard let low = values.min(), let high = values.max(), high > low else { return values.map { _ in 1 } }
        return values.map { ($0 - low) / (high - low) }
    }

    /// Weights drawn at random and divided by their sum; the last is what the others leave, so the sum is 1.
    static func weights(_ count: Int, using random: inout some RandomNumberGenerator) -> [Double] {
        let draws = (0..<count).map { _ in Double.random(in: 0.1...1, using: &random) }
        let total = draws.reduce(0, +)
        var weights = draws.map { $0 / total }
        weights[count - 1] = max(0, 1 - weights.dropLast().reduce(0, +))
        return weights
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return "\(rounded)"
    }
}

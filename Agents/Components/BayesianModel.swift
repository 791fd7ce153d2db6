public import ParleyProtocol
import Foundation

/// A Bayesian opponent model in the scalable form of Hindriks and Tykhonov, "Opponent modelling in automated
/// multi-issue negotiation using Bayesian learning" (AAMAS 2008): issues are assumed independent, so each issue keeps
/// its own probability distributions over a few hypotheses about its weight and about its value function, and an
/// update costs O(issues × hypotheses), whatever the size of the outcome space.
///
/// - **Weight hypotheses**: an issue's importance is one of ``weightLevels``; its expected weight is its expected
///   level over the sum of all issues' expected levels.
/// - **Value hypotheses**: for a numeric issue, downhill, uphill, and triangular functions peaking at up to
///   ``maximumPeaks`` evenly spaced values; for an issue with options, one hypothesis per option (up to
///   ``maximumPeaks``, evenly chosen) that it is the favourite (worth 1, every other option ``otherOption``).
/// - **Update**: the opponent is assumed to concede from 1 as `1 − concession · t`; a bid's likelihood under a
///   hypothesis is a Gaussian (σ = ``sigma``) of the distance between that utility and the bid's utility under the
///   hypothesis, with every other issue at its current expectation.
public struct BayesianModel: OpponentModel {
    /// The importance levels an issue's weight may have.
    public static let weightLevels: [Double] = [0.1, 0.3, 0.5, 0.7, 0.9]
    /// The most peaks (numeric) or favourites (options) an issue's value hypotheses have.
    public static let maximumPeaks = 8
    /// What a non-favourite option is worth under an options hypothesis.
    public static let otherOption = 0.3
    /// Above this many values, an issue's expected worth is computed on demand instead of tabulated.
    public static let largestTabulated = 128

    /// One hypothesis about an issue's value function.
    enum Shape: Hashable {
        case downhill, uphill
        /// Worth 1 at this domain position, falling linearly to 0 at both ends.
        case peak(Int)
        /// This option worth 1, every other worth ``otherOption``.
        case favourite(Int)

        func worth(at position: Int, of count: Int) -> Double {
            let last = Double(max(1, count - 1))
            switch self {
            case .downhill: return 1 - Double(position) / last
            case .uphill: return Double(position) / last
            case .peak(let top):
                if position == top { return 1 }
                return position < top ? Double(position) / Double(top) : 1 - Double(position - top) / (last - Double(top))
            case .favourite(let option): return position == option ? 1 : BayesianModel.otherOption
            }
        }
    }

    /// The assumed rate of the opponent's concession.
    public let concession: Double
    /// The spread of the likelihood.
    public let sigma: Double
    private let radices: [Int]
    private let shapes: [[Shape]]
    /// Each tabulated issue's hypotheses' worth at every position, `shapeWorth[issue][hypothesis][position]`,
    /// computed once (empty for issues beyond ``largestTabulated``).
    private let shapeWorth: [[[Double]]]
    private var weightBeliefs: [[Double]]
    private var shapeBeliefs: [[Double]]
    /// Each issue's expected worth at every position (empty when the issue has more than ``largestTabulated`` values).
    private var expectedWorth: [[Double]]
    private var expectedLevels: [Double]

    /// A model of an opponent in a space with these issue sizes and kinds.
    public init(issues: [Issue], concession: Double = 0.2, sigma: Double = 0.3) {
        self.concession = concession
        self.sigma = sigma
        radices = issues.map(\.domain.count)
        shapes = issues.map { issue in
            let count = issue.domain.count
            let peaks = count <= Self.maximumPeaks ? Array(0..<count) : (0..<Self.maximumPeaks).map { $0 * (count - 1) / (Self.maximumPeaks - 1) }
            if case .options = issue.domain { return peaks.map(Shape.favourite) }
            return [.downhill, .uphill] + peaks.filter { $0 > 0 && $0 < count - 1 }.map(Shape.peak)
        }
        shapeWorth = zip(shapes, radices).map { hypotheses, count in
            count <= Self.largestTabulated ? hypotheses.map { shape in (0..<count).map { shape.worth(at: $0, of: count) } } : []
        }
        weightBeliefs = issues.map { _ in [Double](repeating: 1 / Double(Self.weightLevels.count), count: Self.weightLevels.count) }
        shapeBeliefs = shapes.map { [Double](repeating: 1 / Double($0.count), count: $0.count) }
        expectedWorth = []
        expectedLevels = []
        refresh()
    }

    /// The expected weight of each issue, summing to 1.
    public var weights: [Double] {
        let total = expectedLevels.reduce(0, +)
        return expectedLevels.map { $0 / total }
    }

    /// Updates each issue's beliefs from a bid made at `progress`, the other issues held at their expectation.
    public mutating func observe(offer ordinal: Int, in space: OutcomeSpace, at progress: Double) {
        let digits = radices.indices.map { space.digit(of: ordinal, at: $0) }
        let worths = radices.indices.map { worth(digits[$0], at: $0) }
        let totalLevel = expectedLevels.reduce(0, +)
        let expected = 1 - concession * min(1, max(0, progress))
        for issue in radices.indices {
            let otherLevels = totalLevel - expectedLevels[issue]
            var others = 0.0
            for other in radices.indices where other != issue { others += expectedLevels[other] * worths[other] }
            func likelihood(level: Double, worth: Double) -> Double {
                let utility = (level * worth + others) / (level + otherLevels)
                return exp(-(utility - expected) * (utility - expected) / (2 * sigma * sigma))
            }
            var updatedWeights = Self.weightLevels.indices.map { weightBeliefs[issue][$0] * likelihood(level: Self.weightLevels[$0], worth: worths[issue]) }
            Self.normalize(&updatedWeights, fallback: weightBeliefs[issue])
            var updatedShapes = shapes[issue].indices.map { h in
                shapeBeliefs[issue][h] * likelihood(level: expectedLevels[issue], worth: shapeWorth(h, digits[issue], at: issue))
            }
            Self.normalize(&updatedShapes, fallback: shapeBeliefs[issue])
            weightBeliefs[issue] = updatedWeights
            shapeBeliefs[issue] = updatedShapes
        }
        refresh()
    }

    /// `Σ expected weight × expected worth`.
    public func estimatedUtility(of ordinal: Int, in space: OutcomeSpace) -> Double {
        var total = 0.0
        var levels = 0.0
        for issue in radices.indices {
            total += expectedLevels[issue] * worth(space.digit(of: ordinal, at: issue), at: issue)
            levels += expectedLevels[issue]
        }
        return total / levels
    }

    private func worth(_ position: Int, at issue: Int) -> Double {
        if !expectedWorth[issue].isEmpty { return expectedWorth[issue][position] }
        var total = 0.0
        for (h, shape) in shapes[issue].enumerated() { total += shapeBeliefs[issue][h] * shape.worth(at: position, of: radices[issue]) }
        return total
    }

    /// Hypothesis `h`'s worth of `position`, from the table when the issue has one.
    private func shapeWorth(_ h: Int, _ position: Int, at issue: Int) -> Double {
        shapeWorth[issue].isEmpty ? shapes[issue][h].worth(at: position, of: radices[issue]) : shapeWorth[issue][h][position]
    }

    /// Recomputes the expected levels and, in place, each tabulated issue's expected worth.
    private mutating func refresh() {
        if expectedLevels.count != radices.count { expectedLevels = [Double](repeating: 0, count: radices.count) }
        if expectedWorth.count != radices.count {
            expectedWorth = radices.map { $0 <= Self.largestTabulated ? [Double](repeating: 0, count: $0) : [] }
        }
        for issue in radices.indices {
            var level = 0.0
            for (belief, candidate) in zip(weightBeliefs[issue], Self.weightLevels) { level += belief * candidate }
            expectedLevels[issue] = level
            guard !expectedWorth[issue].isEmpty else { continue }
            expectedWorth[issue].withUnsafeMutableBufferPointer { table in
                for position in table.indices { table[position] = 0 }
                for (belief, worths) in zip(shapeBeliefs[issue], shapeWorth[issue]) where belief > 0 {
                    for position in table.indices { table[position] += belief * worths[position] }
                }
            }
        }
    }

    /// Divides by the sum; keeps `fallback` when every likelihood vanished (a bid no hypothesis explains).
    private static func normalize(_ beliefs: inout [Double], fallback: [Double]) {
        let total = beliefs.reduce(0, +)
        guard total > 0, total.isFinite else {
            beliefs = fallback
            return
        }
        for index in beliefs.indices { beliefs[index] /= total }
    }
}

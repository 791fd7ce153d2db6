/// How well an opponent model recovered the opponent's preferences by the end of a session: the correlation between
/// its estimated utilities and the opponent's true utilities over the outcome space (every outcome up to
/// ``sampleSize``, an even sample beyond).
///
/// - **Pearson** r: 1 when the estimates are an increasing linear function of the truth, 0 when unrelated.
/// - **Kendall** τ-b: the share of outcome pairs both order alike minus the share they order differently, with ties
///   accounted for; 1 when the estimates rank outcomes exactly as the opponent does. ANAC scores how well an agent
///   conceals its preferences by the same kind of measure.
///
/// Either is 0 when one side of the comparison is constant (nothing to correlate).
public struct ModelAccuracy: Sendable, Hashable, Codable {
    /// The most outcomes compared; larger spaces are sampled evenly.
    public static let sampleSize = 200

    /// Pearson's correlation coefficient, in [−1, 1].
    public var pearson: Double
    /// Kendall's τ-b, in [−1, 1].
    public var kendall: Double

    /// Creates a measurement.
    public init(pearson: Double, kendall: Double) {
        self.pearson = pearson
        self.kendall = kendall
    }

    /// Compares estimated and true utilities, outcome by outcome.
    public init(estimated: [Double], truth: [Double]) {
        let count = min(estimated.count, truth.count)
        let (x, y) = (estimated.prefix(count), truth.prefix(count))
        let (meanX, meanY) = (x.reduce(0, +) / Double(max(1, count)), y.reduce(0, +) / Double(max(1, count)))
        var (covariance, varianceX, varianceY) = (0.0, 0.0, 0.0)
        for (a, b) in zip(x, y) {
            covariance += (a - meanX) * (b - meanY)
            varianceX += (a - meanX) * (a - meanX)
            varianceY += (b - meanY) * (b - meanY)
        }
        pearson = varianceX > 0 && varianceY > 0 ? min(1, max(-1, covariance / (varianceX * varianceY).squareRoot())) : 0
        var (concordant, discordant, tiedX, tiedY) = (0, 0, 0, 0)
        let (xs, ys) = (Array(x), Array(y))
        for i in 0..<count {
            for j in (i + 1)..<max(i + 1, count) {
                let (dx, dy) = (xs[i] - xs[j], ys[i] - ys[j])
                if dx == 0 && dy == 0 { continue }
                if dx == 0 { tiedX += 1 } else if dy == 0 { tiedY += 1 } else if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
            }
        }
        let pairsX = Double(concordant + discordant + tiedY), pairsY = Double(concordant + discordant + tiedX)
        kendall = pairsX > 0 && pairsY > 0 ? Double(concordant - discordant) / (pairsX * pairsY).squareRoot() : 0
    }

    /// The ordinals compared in a space of `count` outcomes: all of them, or ``sampleSize`` evenly spaced.
    public static func sample(count: Int) -> [Int] {
        guard count > sampleSize else { return Array(0..<count) }
        return (0..<sampleSize).map { $0 * count / sampleSize }
    }
}

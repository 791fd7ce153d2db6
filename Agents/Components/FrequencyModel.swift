public import ParleyProtocol

/// The frequency model of HardHeaded (van Krimpen, Looije and Hajizadeh, "HardHeaded", in Complex Automated
/// Negotiations, 2013), also called Smith-frequency: an issue the opponent rarely changes matters to it, and a
/// value it offers often is one it likes.
///
/// Weights start equal. After each offer, every issue whose value did not change since the opponent's previous
/// offer gains ``learningRate`` (then the weights are normalized to sum to 1), and the offered value of every issue
/// gains one count. A value's estimated worth is its count over the highest count (1 for every value before
/// any offer). The estimated utility is `Σ weight × worth`. An update costs O(issues).
public struct FrequencyModel: OpponentModel, Hashable {
    /// What an unchanged issue adds to its weight before normalization.
    public let learningRate: Double
    /// The estimated issue weights, summing to 1.
    public private(set) var weights: [Double]
    /// How often each value of each issue was offered, `counts[issue][position]`.
    public private(set) var counts: [[Int]]
    private var highest: [Int]
    /// The opponent's previous offer, position by position (meaningful once `observed`).
    private var previous: [Int]
    private var observed = false

    /// A model of an opponent in a space with these issue sizes (``OutcomeSpace/radices``).
    public init(radices: [Int], learningRate: Double = 0.2) {
        self.learningRate = learningRate
        weights = [Double](repeating: 1 / Double(max(1, radices.count)), count: radices.count)
        counts = radices.map { [Int](repeating: 0, count: $0) }
        highest = [Int](repeating: 0, count: radices.count)
        previous = [Int](repeating: 0, count: radices.count)
    }

    /// Counts the offer's values; issues left unchanged since the last offer gain weight.
    public mutating func observe(offer ordinal: Int, in space: OutcomeSpace, at progress: Double) {
        var total = 0.0
        for position in counts.indices {
            let digit = space.digit(of: ordinal, at: position)
            counts[position][digit] += 1
            highest[position] = max(highest[position], counts[position][digit])
            if observed, digit == previous[position] { weights[position] += learningRate }
            total += weights[position]
            previous[position] = digit
        }
        if observed {
            for position in weights.indices { weights[position] /= total }
        }
        observed = true
    }

    /// `Σ weight × count / highest count`, each issue's values all worth 1 before any offer.
    public func estimatedUtility(of ordinal: Int, in space: OutcomeSpace) -> Double {
        var total = 0.0
        for position in weights.indices {
            let worth = highest[position] > 0 ? Double(counts[position][space.digit(of: ordinal, at: position)]) / Double(highest[position]) : 1
            total += weights[position] * worth
        }
        return total
    }
}

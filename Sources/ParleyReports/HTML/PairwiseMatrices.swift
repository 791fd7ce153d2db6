import ParleyLedger

/// The mean payoff of each agent against each opponent, over every scenario and per scenario, from both roles:
/// an agent's row holds what it got as buyer against the column as seller, and as seller against it as buyer.
struct PairwiseMatrices {
    private var overall: [[(sum: Double, count: Int)]]
    private var byScenario: [[[(sum: Double, count: Int)]]]

    init(agents: Int, scenarios: Int) {
        overall = Array(repeating: Array(repeating: (0, 0), count: agents), count: agents)
        byScenario = Array(repeating: overall, count: scenarios)
    }

    /// Counts one session.
    mutating func add(_ entry: TournamentEntry, scenario: Int, buyer: Int, seller: Int) {
        for (row, column, payoff) in [(buyer, seller, entry.buyerPayoff), (seller, buyer, entry.sellerPayoff)] {
            overall[row][column].sum += payoff
            overall[row][column].count += 1
            byScenario[scenario][row][column].sum += payoff
            byScenario[scenario][row][column].count += 1
        }
    }

    /// The mean of `row` against `column`, over every scenario (`scenario` nil) or one; nil when they never met.
    func mean(_ row: Int, _ column: Int, scenario: Int?) -> (mean: Double, count: Int)? {
        let cell = scenario.map { byScenario[$0][row][column] } ?? overall[row][column]
        return cell.count > 0 ? (cell.sum / Double(cell.count), cell.count) : nil
    }
}

import GRDB
import ParleyLedger

/// Reading a `tournament_sessions` row.
extension TournamentEntry {
    /// Reads a `tournament_sessions` row.
    init(row: Row) {
        self.init(
            tournament: row["tournament"], index: row["idx"], session: row["session"], scenarioID: row["scenario_id"],
            buyer: row["buyer"], seller: row["seller"], repetition: row["repetition"], seed: UInt64(row["seed"] as String) ?? 0,
            outcome: row["outcome"], causedBy: row["caused_by"], turns: row["turns"], rounds: row["rounds"], agreed: row["agreed"],
            buyerUtility: row["buyer_utility"], sellerUtility: row["seller_utility"], buyerAdvantage: row["buyer_advantage"],
            sellerAdvantage: row["seller_advantage"], welfare: row["welfare"], distanceToNash: row["distance_to_nash"],
            distanceToPareto: row["distance_to_pareto"]
        )
    }
}

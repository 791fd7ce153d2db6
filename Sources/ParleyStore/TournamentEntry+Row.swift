import GRDB
import ParleyLedger

/// Reading a `tournament_sessions` row.
extension TournamentEntry {
    /// Reads a `tournament_sessions` row; throws when a column holds what no entry can.
    init(row: Row) throws(StoreError) {
        let session: Int = row["session"]
        self.init(
            tournament: row["tournament"], index: row["idx"], session: session, scenarioID: row["scenario_id"],
            buyer: row["buyer"], seller: row["seller"], repetition: row["repetition"], seed: try Column.seed(row["seed"], session: session),
            outcome: try Column.outcome(row["outcome"], session: session), causedBy: try Column.role(row["caused_by"], session: session),
            turns: row["turns"], rounds: row["rounds"], agreed: row["agreed"], buyerUtility: row["buyer_utility"], sellerUtility: row["seller_utility"],
            buyerAdvantage: row["buyer_advantage"], sellerAdvantage: row["seller_advantage"], welfare: row["welfare"],
            distanceToNash: row["distance_to_nash"], distanceToPareto: row["distance_to_pareto"]
        )
    }
}

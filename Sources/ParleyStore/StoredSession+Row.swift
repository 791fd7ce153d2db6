import GRDB
import ParleyLedger

/// Reading a `sessions` row.
extension StoredSession {
    /// Reads a `sessions` row.
    init(row: Row) {
        self.init(
            number: row["number"], sessionID: row["session_id"], scenarioID: row["scenario_id"], buyer: row["buyer"], seller: row["seller"],
            seed: UInt64(row["seed"] as String) ?? 0, startedAt: row["started_at"], outcome: row["outcome"], causedBy: row["caused_by"],
            turns: row["turns"], finalHash: row["final_hash"], signature: row["signature"], publicKey: row["public_key"]
        )
    }
}

import GRDB
import ParleyLedger
import ParleyProtocol

/// Reading a `sessions` row.
extension StoredSession {
    /// Reads a `sessions` row; throws ``ParleyLedger/StoreError/Code/unreadableRecord`` when a column holds what no
    /// session can (an unknown outcome or side, a seed that is not a number).
    init(row: Row) throws(StoreError) {
        let number: Int = row["number"]
        self.init(
            number: number,
            summary: SessionSummary(
                sessionID: SessionID(rawValue: row["session_id"]), scenarioID: row["scenario_id"], buyer: row["buyer"], seller: row["seller"],
                seed: try Column.seed(row["seed"], session: number), startedAt: row["started_at"],
                outcome: try Column.outcome(row["outcome"], session: number), causedBy: try Column.role(row["caused_by"], session: number),
                turns: row["turns"]
            ),
            finalHash: row["final_hash"], signature: row["signature"], publicKey: row["public_key"]
        )
    }
}

/// Typed values of the text columns that hold seeds, outcomes and sides.
enum Column {
    static func seed(_ text: String, session: Int) throws(StoreError) -> UInt64 {
        guard let seed = UInt64(text) else { throw unreadable("seed", session) }
        return seed
    }

    static func outcome(_ text: String, session: Int) throws(StoreError) -> Outcome.Kind {
        guard let kind = Outcome.Kind(rawValue: text) else { throw unreadable("outcome", session) }
        return kind
    }

    static func role(_ text: String?, session: Int) throws(StoreError) -> Role? {
        guard let text else { return nil }
        guard let role = Role(rawValue: text) else { throw unreadable("caused_by", session) }
        return role
    }

    private static func unreadable(_ column: String, _ session: Int) -> StoreError {
        StoreError(.unreadableRecord, "session \(session) has a \(column) that no session can have (its row was changed)")
    }
}

import ParleyLedger
import ParleyProtocol

/// A row that holds a session's summary in its columns: `sessions` and `tournament_sessions` rows both do. The
/// conversions between the columns' text and a typed ``ParleyLedger/SessionSummary`` are written once, here.
protocol SummaryColumns {
    var sessionID: String { get set }
    var scenarioID: String { get set }
    var buyer: String { get set }
    var seller: String { get set }
    var seed: String { get set }
    var startedAt: String { get set }
    var outcome: String { get set }
    var causedBy: String? { get set }
    var turns: Int { get set }
}

extension SummaryColumns {
    /// Writes a summary into the columns.
    mutating func write(_ summary: SessionSummary) {
        sessionID = summary.sessionID.rawValue
        scenarioID = summary.scenarioID
        buyer = summary.buyer
        seller = summary.seller
        seed = String(summary.seed)
        startedAt = summary.startedAt
        outcome = summary.outcome.rawValue
        causedBy = summary.causedBy?.rawValue
        turns = summary.turns
    }

    /// The summary of stored session `session`; throws ``ParleyLedger/StoreError/Code/unreadableRecord`` when a
    /// column holds what no session can (an unknown outcome or side, a seed that is not a number).
    func summary(session: Int) throws(StoreError) -> SessionSummary {
        func unreadable(_ column: String) -> StoreError {
            StoreError(.unreadableRecord, "session \(session) has a \(column) that no session can have (its row was changed)")
        }
        guard let seed = UInt64(seed) else { throw unreadable("seed") }
        guard let outcome = Outcome.Kind(rawValue: outcome) else { throw unreadable("outcome") }
        var role: Role?
        if let causedBy {
            guard let side = Role(rawValue: causedBy) else { throw unreadable("caused_by") }
            role = side
        }
        return SessionSummary(
            sessionID: SessionID(rawValue: sessionID), scenarioID: scenarioID, buyer: buyer, seller: seller, seed: seed, startedAt: startedAt,
            outcome: outcome, causedBy: role, turns: turns
        )
    }
}

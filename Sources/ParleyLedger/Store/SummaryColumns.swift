import ParleyProtocol

/// A row that holds a session's summary in its columns: in every backend, `sessions` and `tournament_sessions` rows
/// both do. The conversions between the columns' text and a typed ``SessionSummary`` are written once, here.
public protocol SummaryColumns {
    /// The session id column.
    var sessionID: String { get set }
    /// The scenario id column.
    var scenarioID: String { get set }
    /// The buyer's spec.
    var buyer: String { get set }
    /// The seller's spec.
    var seller: String { get set }
    /// The seed, as decimal text (64-bit seeds exceed some databases' integers).
    var seed: String { get set }
    /// The start, ISO 8601.
    var startedAt: String { get set }
    /// The outcome's kind.
    var outcome: String { get set }
    /// The side that caused the end, if one did.
    var causedBy: String? { get set }
    /// The number of turns.
    var turns: Int { get set }
}

extension SummaryColumns {
    /// Writes a summary into the columns.
    public mutating func write(_ summary: SessionSummary) {
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

    /// The summary of stored session `session`; throws ``StoreError/Code/unreadableRecord`` when a
    /// column holds what no session can (an unknown outcome or side, a seed that is not a number).
    public func summary(session: Int) throws(StoreError) -> SessionSummary {
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

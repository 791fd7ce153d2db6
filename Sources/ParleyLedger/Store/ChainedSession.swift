public import ParleyRecords
import ParleyProtocol

/// A finished session ready to store: its `sessions` row and its chain. It keeps no transcript of its own (the
/// chain's records are the transcript), so many can wait for a batch write in little memory.
public struct ChainedSession: Sendable, Hashable {
    /// The session's identifier.
    public var sessionID: String
    /// The scenario's identifier.
    public var scenarioID: String
    /// The buyer's agent spec.
    public var buyer: String
    /// The seller's agent spec.
    public var seller: String
    /// The session seed.
    public var seed: UInt64
    /// When the session started, ISO 8601.
    public var startedAt: String
    /// The outcome's type.
    public var outcome: String
    /// The side that ended the session without agreement, if one did.
    public var causedBy: String?
    /// The number of actions.
    public var turns: Int
    /// The hash chain: header, events, settlement.
    public var chain: PackedChain

    /// The row and chain of a finished session.
    public init(record: SessionRecord, chain: PackedChain) {
        let header = record.transcript.header
        sessionID = header.sessionID.rawValue
        scenarioID = header.scenario.id
        buyer = header.buyer.spec
        seller = header.seller.spec
        seed = header.seed
        startedAt = StoredSession.timestamp(header.startedAt)
        outcome = record.settlement.outcome.typeName
        causedBy = record.settlement.outcome.causedBy?.rawValue
        turns = record.settlement.turns
        self.chain = chain
    }

    /// The column of a stored session's summary row that differs from this session's, if one does
    /// (`session_id`, `scenario_id`, `buyer`, `seller`, `seed`, `started_at`, `outcome`, `caused_by`, `turns`).
    public func firstDifference(from stored: StoredSession) -> String? {
        let columns: [(String, Bool)] = [
            ("session_id", sessionID == stored.sessionID),
            ("scenario_id", scenarioID == stored.scenarioID),
            ("buyer", buyer == stored.buyer),
            ("seller", seller == stored.seller),
            ("seed", seed == stored.seed),
            ("started_at", startedAt == stored.startedAt),
            ("outcome", outcome == stored.outcome),
            ("caused_by", causedBy == stored.causedBy),
            ("turns", turns == stored.turns),
        ]
        return columns.first { !$0.1 }?.0
    }
}

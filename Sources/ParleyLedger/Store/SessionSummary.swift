public import ParleyProtocol
public import ParleyRecords

/// What a store keeps about a session beside its chain, typed: who played what, with which seed, and how it ended.
/// Every field follows from the chained records, and verification checks that it does.
public struct SessionSummary: Sendable, Hashable, Codable {
    /// The session's identifier (the same for replays of one seed, scenario and agents).
    public var sessionID: SessionID
    /// The scenario's identifier.
    public var scenarioID: String
    /// The buyer's agent, as transcripts name it (a spec, a URL, an agent file's name).
    public var buyer: String
    /// The seller's agent, as transcripts name it.
    public var seller: String
    /// The session seed.
    public var seed: UInt64
    /// When the session started, ISO 8601 with seconds.
    public var startedAt: String
    /// How it ended.
    public var outcome: Outcome.Kind
    /// The side that ended it without agreement, if one did.
    public var causedBy: Role?
    /// The number of actions.
    public var turns: Int

    /// Creates a summary.
    public init(
        sessionID: SessionID, scenarioID: String, buyer: String, seller: String, seed: UInt64, startedAt: String, outcome: Outcome.Kind,
        causedBy: Role?, turns: Int
    ) {
        self.sessionID = sessionID
        self.scenarioID = scenarioID
        self.buyer = buyer
        self.seller = seller
        self.seed = seed
        self.startedAt = startedAt
        self.outcome = outcome
        self.causedBy = causedBy
        self.turns = turns
    }

    /// The summary of a finished session.
    public init(record: SessionRecord) {
        let header = record.transcript.header
        self.init(
            sessionID: header.sessionID, scenarioID: header.scenario.id, buyer: header.buyer.spec, seller: header.seller.spec, seed: header.seed,
            startedAt: StoredSession.timestamp(header.startedAt), outcome: record.settlement.outcome.kind,
            causedBy: record.settlement.outcome.causedBy, turns: record.settlement.turns
        )
    }

    /// The name of the first field (as the store's columns name it) that differs from another summary's, if one
    /// does: `session_id`, `scenario_id`, `buyer`, `seller`, `seed`, `started_at`, `outcome`, `caused_by`, `turns`.
    public func firstDifference(from other: SessionSummary) -> String? {
        let columns: [(String, Bool)] = [
            ("session_id", sessionID == other.sessionID),
            ("scenario_id", scenarioID == other.scenarioID),
            ("buyer", buyer == other.buyer),
            ("seller", seller == other.seller),
            ("seed", seed == other.seed),
            ("started_at", startedAt == other.startedAt),
            ("outcome", outcome == other.outcome),
            ("caused_by", causedBy == other.causedBy),
            ("turns", turns == other.turns),
        ]
        return columns.first { !$0.1 }?.0
    }
}

/// A value that carries a session's summary and reads its fields as its own: `stored.outcome`, `entry.buyer`.
@dynamicMemberLookup
public protocol SessionSummarized {
    /// The session's summary.
    var summary: SessionSummary { get }
}

extension SessionSummarized {
    /// The summary's fields, read as the value's own.
    public subscript<Value>(dynamicMember field: KeyPath<SessionSummary, Value>) -> Value {
        summary[keyPath: field]
    }
}

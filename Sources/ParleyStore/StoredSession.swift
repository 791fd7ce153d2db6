public import Foundation
import GRDB

/// One stored session as `parley transcripts list` shows it.
public struct StoredSession: Sendable, Hashable, Codable {
    /// The store's own number for the session, from 1.
    public var number: Int
    /// The session's identifier (the same for replays of one seed, scenario and agents).
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
    /// The outcome's type, such as `agreement` or `turnTimeout`.
    public var outcome: String
    /// The side that ended the session without agreement, if one did.
    public var causedBy: String?
    /// The number of actions.
    public var turns: Int
    /// The hash of the settlement record, which closes the chain.
    public var finalHash: String
    /// The Ed25519 signature of the final hash (base64), when the arbiter had a signing key.
    public var signature: String?
    /// The public key of the signer (base64), when signed.
    public var publicKey: String?

    /// A session as just inserted.
    init(number: Int, session: ChainedSession, finalHash: String, signature: String?, publicKey: String?) {
        self.number = number
        sessionID = session.sessionID
        scenarioID = session.scenarioID
        buyer = session.buyer
        seller = session.seller
        seed = session.seed
        startedAt = session.startedAt
        outcome = session.outcome
        causedBy = session.causedBy
        turns = session.turns
        self.finalHash = finalHash
        self.signature = signature
        self.publicKey = publicKey
    }

    init(row: Row) {
        number = row["number"]
        sessionID = row["session_id"]
        scenarioID = row["scenario_id"]
        buyer = row["buyer"]
        seller = row["seller"]
        seed = UInt64(row["seed"] as String) ?? 0
        startedAt = row["started_at"]
        outcome = row["outcome"]
        causedBy = row["caused_by"]
        turns = row["turns"]
        finalHash = row["final_hash"]
        signature = row["signature"]
        publicKey = row["public_key"]
    }
}

/// Which sessions `list` returns.
public struct SessionFilter: Sendable, Hashable {
    /// Only this scenario.
    public var scenario: String?
    /// Only sessions where this agent played either side: a strategy name (`boulware`) or a full spec.
    public var agent: String?
    /// Only this outcome type.
    public var outcome: String?
    /// Only sessions started at or after this date.
    public var since: Date?
    /// Only sessions started before this date.
    public var until: Date?
    /// At most this many, newest first.
    public var limit: Int?

    /// A filter; every criterion is optional.
    public init(scenario: String? = nil, agent: String? = nil, outcome: String? = nil, since: Date? = nil, until: Date? = nil, limit: Int? = nil) {
        self.scenario = scenario
        self.agent = agent
        self.outcome = outcome
        self.since = since
        self.until = until
        self.limit = limit
    }
}

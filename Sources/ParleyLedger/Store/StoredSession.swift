public import Foundation

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

    /// Creates a stored session's summary.
    public init(
        number: Int, sessionID: String, scenarioID: String, buyer: String, seller: String, seed: UInt64, startedAt: String, outcome: String,
        causedBy: String?, turns: Int, finalHash: String, signature: String?, publicKey: String?
    ) {
        self.number = number
        self.sessionID = sessionID
        self.scenarioID = scenarioID
        self.buyer = buyer
        self.seller = seller
        self.seed = seed
        self.startedAt = startedAt
        self.outcome = outcome
        self.causedBy = causedBy
        self.turns = turns
        self.finalHash = finalHash
        self.signature = signature
        self.publicKey = publicKey
    }

    /// A chained session as a store inserts it under `number`: its final hash, signed when there is a signer.
    /// Throws when the session has no chain records.
    public init(number: Int, session: ChainedSession, signer: SigningKey?) throws(StoreError) {
        guard let finalHash = session.chain.finalHash else { throw StoreError(.database, "cannot store a session without records") }
        self.init(
            number: number, sessionID: session.sessionID, scenarioID: session.scenarioID, buyer: session.buyer, seller: session.seller,
            seed: session.seed, startedAt: session.startedAt, outcome: session.outcome, causedBy: session.causedBy, turns: session.turns,
            finalHash: finalHash, signature: signer?.sign(finalHash: finalHash), publicKey: signer?.publicKey.rawValue
        )
    }

    /// How ``startedAt`` is written: ISO 8601 with seconds.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
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

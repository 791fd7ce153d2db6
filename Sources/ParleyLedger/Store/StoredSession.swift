public import Foundation
public import ParleyProtocol

/// One stored session as `parley transcripts list` shows it: its number in the store, its summary, and the
/// final hash (and signature) that close its chain.
public struct StoredSession: SessionSummarized, Sendable, Hashable, Codable {
    /// The store's own number for the session, from 1.
    public var number: Int
    /// Who played what, with which seed, and how it ended.
    public var summary: SessionSummary
    /// The hash of the settlement record, which closes the chain.
    public var finalHash: String
    /// The Ed25519 signature of the final hash (base64), when the arbiter had a signing key.
    public var signature: String?
    /// The public key of the signer (base64), when signed.
    public var publicKey: String?
    /// The session's place in the store's sequence, ``SequenceLink``: it follows from the link of the session
    /// stored before it, this session's final hash and its tournament entry.
    public var link: String

    /// Creates a stored session.
    public init(number: Int, summary: SessionSummary, finalHash: String, signature: String?, publicKey: String?, link: String = "") {
        self.number = number
        self.summary = summary
        self.finalHash = finalHash
        self.signature = signature
        self.publicKey = publicKey
        self.link = link
    }

    /// A chained session as a store inserts it under `number`, after the session whose link is `previous` and
    /// with the tournament entry that will point at it: its final hash, signed when there is a signer (otherwise
    /// with the signature it carries, if any), and its sequence link. Throws when the session has no chain records.
    public init(number: Int, session: ChainedSession, signer: SigningKey?, after previous: String, entry: TournamentEntry? = nil) throws(StoreError) {
        guard let finalHash = session.chain.finalHash else { throw StoreError(.database, "cannot store a session without records") }
        self.init(
            number: number, summary: session.summary, finalHash: finalHash, signature: signer?.sign(finalHash: finalHash) ?? session.signature?.signature,
            publicKey: signer?.publicKey.rawValue ?? session.signature?.publicKey, link: SequenceLink.next(after: previous, finalHash: finalHash, entry: entry)
        )
    }

    /// An edge session of a multi-deal negotiation as a store inserts it under `number`, after the session whose
    /// link is `previous`; see ``init(number:session:signer:after:entry:)``.
    public init(number: Int, session: ChainedSession, signer: SigningKey?, after previous: String, part: SequenceLink.Part) throws(StoreError) {
        try self.init(number: number, session: session, signer: signer, after: previous)
        link = SequenceLink.next(after: previous, finalHash: finalHash, part: part)
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
    /// Only this outcome.
    public var outcome: Outcome.Kind?
    /// Only sessions started at or after this date.
    public var since: Date?
    /// Only sessions started before this date.
    public var until: Date?
    /// At most this many, newest first.
    public var limit: Int?

    /// A filter; every criterion is optional.
    public init(scenario: String? = nil, agent: String? = nil, outcome: Outcome.Kind? = nil, since: Date? = nil, until: Date? = nil, limit: Int? = nil) {
        self.scenario = scenario
        self.agent = agent
        self.outcome = outcome
        self.since = since
        self.until = until
        self.limit = limit
    }
}

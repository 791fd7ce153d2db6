public import Foundation
public import ParleyProtocol
public import ParleyRecords

/// Where finished sessions are kept: each as its hash chain (header with profiles, every event, the settlement)
/// with a summary row, and tournaments with one entry per stored session.
///
/// Implementations: `ParleyStore.SQLiteStore` (the embedded default, one SQLite file) and
/// `ParleyTesting.InMemoryStore`. Everything above the protocol (saving records, reading them back, the
/// tournament runner, the leaderboard, reports and ``verify(_:trusting:)``) is written once, here, so a new
/// backend implements only these storage primitives. Every method is safe to call from several tasks at once.
public protocol TranscriptStore: Sendable {
    /// Where the store is, as messages name it (a file path, a URL without its password, `memory`).
    var location: String { get }

    /// Stores sessions whose chains were already computed, in one transaction: all of them, or none. With a
    /// signer, each final hash is signed and the signature and public key are stored with it.
    @discardableResult
    func save(_ sessions: [ChainedSession], signer: SigningKey?) throws(StoreError) -> [StoredSession]

    /// Stores finished tournament sessions with their chains and entries, in one transaction, off the caller's thread.
    func save(_ sessions: [(session: ChainedSession, entry: TournamentEntry)], signer: SigningKey?) async throws(StoreError)

    /// The sessions matching a filter, newest first.
    func sessions(matching filter: SessionFilter) throws(StoreError) -> [StoredSession]

    /// Up to `limit` sessions numbered above `number`, oldest first: for reading a whole store in batches.
    func sessions(after number: Int, limit: Int) throws(StoreError) -> [StoredSession]

    /// The number of stored sessions.
    func count() throws(StoreError) -> Int

    /// A session by its number (`12`) or its session id (`s-…`, the newest if several share it); throws
    /// ``StoreError/Code/notFound`` when there is none.
    func session(_ reference: String) throws(StoreError) -> StoredSession

    /// A session's chain as stored; empty when it has none.
    func chain(of session: StoredSession) throws(StoreError) -> PackedChain

    /// Records a tournament's plan, unless it is already stored (a resumed run), and returns it as stored.
    @discardableResult
    func register(tournament id: String, total: Int, plan: String, at date: Date) throws(StoreError) -> StoredTournament

    /// Every stored tournament, the most recently created first, with how many of its sessions are stored.
    func tournaments() throws(StoreError) -> [StoredTournament]

    /// The positions of a tournament's sessions already stored.
    func completedSessions(of tournament: String, total: Int) throws(StoreError) -> CompletedSet

    /// Calls `body` with each of a tournament's entries in enumeration order, as a stream: memory stays flat
    /// however large the tournament. `body` must not use the store itself.
    func forEachEntry(of tournament: String, _ body: (TournamentEntry) throws -> Void) throws(StoreError)

    /// The tournament entry that points at a stored session, if one does.
    func entry(forSession number: Int) throws(StoreError) -> TournamentEntry?

    /// Stores multi-deal negotiations in one transaction, all of them or none: each edge session as a stored
    /// session whose sequence link names its negotiation (``SequenceLink/Part``), then the negotiation's own row
    /// and chain. With a signer, each negotiation's final hash is signed, and each edge session's.
    @discardableResult
    func save(_ multiDeals: [ChainedMultiDeal], signer: SigningKey?) throws(StoreError) -> [StoredMultiDeal]

    /// Up to `limit` multi-deal negotiations numbered above `number`, oldest first.
    func multiDeals(after number: Int, limit: Int) throws(StoreError) -> [StoredMultiDeal]

    /// A multi-deal negotiation by its number (`3`) or its id (`m-…`, the newest if several share it); throws
    /// ``StoreError/Code/notFound`` when there is none.
    func multiDeal(_ reference: String) throws(StoreError) -> StoredMultiDeal

    /// A multi-deal negotiation's own chain as stored; empty when it has none.
    func chain(of multiDeal: StoredMultiDeal) throws(StoreError) -> PackedChain
}

extension TranscriptStore {
    /// Stores one finished session atomically and returns its summary.
    @discardableResult
    public func save(_ record: SessionRecord, profiles: [Role: Profile], signer: SigningKey? = nil) throws(StoreError) -> StoredSession {
        try save([(record, profiles)], signer: signer)[0]
    }

    /// Stores finished sessions in one transaction: all of them, or none.
    @discardableResult
    public func save(_ records: [(record: SessionRecord, profiles: [Role: Profile])], signer: SigningKey? = nil) throws(StoreError) -> [StoredSession] {
        let chains: [PackedChain]
        do {
            chains = try records.map { try $0.record.chain(profiles: $0.profiles) }
        } catch {
            throw StoreError(.database, "cannot encode a session for the store: \(error)")
        }
        return try save(zip(records, chains).map { ChainedSession(record: $0.0.record, chain: $0.1) }, signer: signer)
    }

    /// Stores chained sessions, unsigned.
    @discardableResult
    public func save(_ sessions: [ChainedSession]) throws(StoreError) -> [StoredSession] {
        try save(sessions, signer: nil)
    }

    /// Every session, newest first.
    public func sessions() throws(StoreError) -> [StoredSession] {
        try sessions(matching: SessionFilter())
    }

    /// A stored tournament by its identifier.
    public func tournament(_ id: String) throws(StoreError) -> StoredTournament {
        let found = try tournaments().first { $0.id == id }
        guard let found else { throw StoreError(.notFound, "no tournament '\(id)' in \(location)") }
        return found
    }

    /// A session's chain records, in stored order.
    public func links(of session: StoredSession) throws(StoreError) -> [ChainLink] {
        try chain(of: session).links
    }

    /// A session read back: its transcript and settlement, and the profiles it was judged with.
    public func record(of session: StoredSession) throws(StoreError) -> (record: SessionRecord, profiles: [Role: Profile]) {
        try StoredRecord.decode(try links(of: session), of: session)
    }
}

public import Foundation
public import ParleyLedger
import ParleyProtocol
import Synchronization

/// A ``ParleyLedger/TranscriptStore`` in memory, for tests: it keeps exactly what the SQLite store keeps and
/// answers every query the same way, with nothing on disk.
///
/// A class, so that every copy of the store (the runner's, the report's, the test's) sees the same sessions, as
/// every connection to one database file does; its state is behind a mutex, so it is safe to share between tasks.
public final class InMemoryStore: TranscriptStore {
    private struct State {
        var sessions: [StoredSession] = []
        var chains: [Int: PackedChain] = [:]
        var tournaments: [StoredTournament] = []
        var entries: [String: [Int: TournamentEntry]] = [:]
        var entryBySession: [Int: TournamentEntry] = [:]
        var multiDeals: [StoredMultiDeal] = []
        var multiDealChains: [Int: PackedChain] = [:]

        /// Inserts sessions with consecutive numbers, each linked after the one before (as part of a multi-deal
        /// negotiation when `parts` says so), all or none.
        mutating func insert(
            _ sessions: [ChainedSession], entries: [TournamentEntry]? = nil, parts: [SequenceLink.Part]? = nil, signer: SigningKey?
        ) throws(StoreError) -> [StoredSession] {
            let first = (self.sessions.last?.number ?? 0) + 1
            var stored: [StoredSession] = []
            var previous = self.sessions.last?.link ?? HashChain.origin
            for (offset, session) in sessions.enumerated() {
                if let part = parts?[offset] {
                    stored.append(try StoredSession(number: first + offset, session: session, signer: signer, after: previous, part: part))
                } else {
                    stored.append(try StoredSession(number: first + offset, session: session, signer: signer, after: previous, entry: entries?[offset]))
                }
                previous = stored[offset].link
            }
            for (session, chained) in zip(stored, sessions) { chains[session.number] = chained.chain }
            self.sessions += stored
            return stored
        }
    }

    private let state = Mutex(State())

    /// An empty store.
    public init() {}

    /// `memory`.
    public var location: String { "memory" }

    /// Stores sessions in one step: all of them, or none.
    @discardableResult
    public func save(_ sessions: [ChainedSession], signer: SigningKey?) throws(StoreError) -> [StoredSession] {
        try state.withLock { (state) throws(StoreError) in
            var next = state
            let stored = try next.insert(sessions, signer: signer)
            state = next
            return stored
        }
    }

    /// Stores tournament sessions with their entries in one step: all of them, or none (an entry at a position
    /// already taken fails the whole batch, as the SQLite store's primary key does).
    public func save(_ sessions: [(session: ChainedSession, entry: TournamentEntry)], signer: SigningKey?) async throws(StoreError) {
        try state.withLock { (state) throws(StoreError) in
            var next = state
            let stored = try next.insert(sessions.map(\.session), entries: sessions.map(\.entry), signer: signer)
            for (session, (_, entry)) in zip(stored, sessions) {
                guard next.entries[entry.tournament]?[entry.index] == nil else {
                    throw StoreError.positionTaken(tournament: entry.tournament, index: entry.index)
                }
                var entry = entry
                entry.session = session.number
                next.entries[entry.tournament, default: [:]][entry.index] = entry
                next.entryBySession[session.number] = entry
            }
            state = next
        }
    }

    /// The sessions matching a filter, newest first.
    public func sessions(matching filter: SessionFilter) throws(StoreError) -> [StoredSession] {
        let since = filter.since.map(StoredSession.timestamp), until = filter.until.map(StoredSession.timestamp)
        let matching = state.withLock { $0.sessions }.reversed().filter { session in
            if let scenario = filter.scenario, session.scenarioID != scenario { return false }
            if let agent = filter.agent, ![session.buyer, session.seller].contains(where: { $0 == agent || $0.hasPrefix(agent + ":") }) { return false }
            if let outcome = filter.outcome, session.outcome != outcome { return false }
            if let since, session.startedAt < since { return false }
            if let until, session.startedAt >= until { return false }
            return true
        }
        return Array(matching.prefix(max(0, filter.limit ?? Int.max)))
    }

    /// Up to `limit` sessions numbered above `number`, oldest first.
    public func sessions(after number: Int, limit: Int) throws(StoreError) -> [StoredSession] {
        Array(state.withLock { $0.sessions }.lazy.filter { $0.number > number }.prefix(max(0, limit)))
    }

    /// The number of stored sessions.
    public func count() throws(StoreError) -> Int {
        state.withLock { $0.sessions.count }
    }

    /// A session by its number or its session id (the newest if several share it).
    public func session(_ reference: String) throws(StoreError) -> StoredSession {
        let sessions = state.withLock { $0.sessions }
        let found = Int(reference).map { number in sessions.first { $0.number == number } } ?? sessions.last { $0.sessionID.rawValue == reference }
        guard let found else { throw StoreError(.notFound, "no session '\(reference)' in \(location)") }
        return found
    }

    /// A session's chain; empty when it has none.
    public func chain(of session: StoredSession) throws(StoreError) -> PackedChain {
        state.withLock { $0.chains[session.number] } ?? PackedChain()
    }

    /// Records a tournament's plan unless it is already stored.
    @discardableResult
    public func register(tournament id: String, total: Int, plan: String, at date: Date) throws(StoreError) -> StoredTournament {
        state.withLock { state in
            if !state.tournaments.contains(where: { $0.id == id }) {
                state.tournaments.append(StoredTournament(id: id, createdAt: StoredSession.timestamp(date), total: total, plan: plan, completed: 0))
            }
        }
        return try tournament(id)
    }

    /// Every tournament, the most recently created first, with how many of its sessions are stored.
    public func tournaments() throws(StoreError) -> [StoredTournament] {
        state.withLock { state in
            state.tournaments.enumerated()
                .sorted { ($0.element.createdAt, $0.offset) > ($1.element.createdAt, $1.offset) }
                .map { _, tournament in
                    var tournament = tournament
                    tournament.completed = (state.entries[tournament.id]?.count ?? 0) + state.multiDeals.count { $0.position?.tournament == tournament.id }
                    return tournament
                }
        }
    }

    /// The positions of a tournament's sessions already stored.
    public func completedSessions(of tournament: String, total: Int) throws(StoreError) -> CompletedSet {
        var completed = CompletedSet(count: total)
        for index in state.withLock({ $0.entries[tournament]?.keys.map { $0 } ?? [] }) { completed.insert(index) }
        return completed
    }

    /// Calls `body` with each of a tournament's entries in enumeration order.
    public func forEachEntry(of tournament: String, _ body: (TournamentEntry) throws -> Void) throws(StoreError) {
        let entries = state.withLock { $0.entries[tournament]?.values.sorted { $0.index < $1.index } ?? [] }
        do {
            try entries.forEach(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, "memory: \(error)")
        }
    }

    /// The tournament entry that points at a stored session, if one does.
    public func entry(forSession number: Int) throws(StoreError) -> TournamentEntry? {
        state.withLock { $0.entryBySession[number] }
    }

    /// Stores multi-deal negotiations with their edge sessions in one step: all of them, or none (a position already
    /// taken in a tournament fails the whole batch, as the SQLite store's unique index does).
    @discardableResult
    public func save(_ multiDeals: [ChainedMultiDeal], signer: SigningKey?) throws(StoreError) -> [StoredMultiDeal] {
        try state.withLock { (state) throws(StoreError) in
            var next = state
            var stored: [StoredMultiDeal] = []
            for multiDeal in multiDeals {
                if let position = multiDeal.position, next.multiDeals.contains(where: { $0.position?.tournament == position.tournament && $0.position?.index == position.index }) {
                    throw StoreError.positionTaken(tournament: position.tournament, index: position.index)
                }
                let sessions = try next.insert(multiDeal.sessions, parts: multiDeal.sessions.indices.map(multiDeal.part(edge:)), signer: signer)
                let number = (next.multiDeals.last?.number ?? 0) + 1
                let row = try StoredMultiDeal(number: number, multiDeal: multiDeal, sessions: sessions.map(\.number), signer: signer)
                next.multiDeals.append(row)
                next.multiDealChains[number] = multiDeal.chain
                stored.append(row)
            }
            state = next
            return stored
        }
    }

    /// Up to `limit` multi-deal negotiations numbered above `number`, oldest first.
    public func multiDeals(after number: Int, limit: Int) throws(StoreError) -> [StoredMultiDeal] {
        Array(state.withLock { $0.multiDeals }.filter { $0.number > number }.prefix(max(0, limit)))
    }

    /// A multi-deal negotiation by its number or id.
    public func multiDeal(_ reference: String) throws(StoreError) -> StoredMultiDeal {
        let multiDeals = state.withLock { $0.multiDeals }
        let found = Int(reference).map { number in multiDeals.first { $0.number == number } } ?? multiDeals.last { $0.summary.multiDealID == reference }
        guard let found else { throw StoreError(.notFound, "no multi-deal negotiation '\(reference)' in \(location)") }
        return found
    }

    /// A multi-deal negotiation's own chain; empty when it has none.
    public func chain(of multiDeal: StoredMultiDeal) throws(StoreError) -> PackedChain {
        state.withLock { $0.multiDealChains[multiDeal.number] } ?? PackedChain()
    }
}

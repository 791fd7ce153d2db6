import ParleyProtocol
import ParleyRecords

/// What `verify` found wrong with one stored session.
public struct VerificationFailure: Sendable, Hashable, CustomStringConvertible {
    /// The session's number in the store.
    public var session: Int
    /// The first record at fault, when one is.
    public var record: Int?
    /// What is wrong.
    public var reason: String

    /// `session 3, record 5: …`.
    public var description: String {
        "session \(session)" + (record.map { ", record \($0)" } ?? "") + ": \(reason)"
    }
}

extension TranscriptStore {
    /// Recomputes a session's chain and checks it against the stored hashes, the final hash, the session row and,
    /// when the session is signed, its signature; a tournament entry that points at it must follow from its
    /// chained settlement. With `trusting`, the session must be signed by that key. Returns the first problem, or
    /// `nil` when the session is intact.
    public func verify(_ session: StoredSession, trusting trusted: PublicKeyIdentity? = nil) throws(StoreError) -> VerificationFailure? {
        let links = try links(of: session)
        func failure(_ record: Int?, _ reason: String) -> VerificationFailure {
            VerificationFailure(session: session.number, record: record, reason: reason)
        }
        if let broken = HashChain.firstBreak(in: links) {
            return failure(broken.index, "its hash does not match its contents and the record before it (changed, removed or reordered)")
        }
        guard links.count >= 2 else {
            return failure(nil, "the records are not a header, events and a settlement")
        }
        guard links.last?.hash == session.finalHash else {
            return failure(links.count - 1, "the session's final hash does not match its last record")
        }
        if let signature = session.signature {
            guard let key = session.publicKey.flatMap(PublicKeyIdentity.init(rawValue:)), key.verifies(signature: signature, finalHash: session.finalHash) else {
                return failure(nil, "the settlement's signature does not match its final hash")
            }
        }
        if let trusted {
            guard session.signature != nil, session.publicKey == trusted.rawValue else {
                return failure(nil, session.signature == nil ? "the settlement is not signed" : "the settlement is signed by another key")
            }
        }
        let stored: (record: SessionRecord, profiles: [Role: Profile])
        do {
            stored = try StoredRecord.decode(links, of: session)
        } catch {
            return failure(nil, error.message)
        }
        if let column = SessionSummary(record: stored.record).firstDifference(from: session.summary) {
            return failure(nil, "the sessions row's \(column) does not match the chained records")
        }
        // A tournament's leaderboard is computed from its entries, so each must follow from its chained session.
        if let entry = try entry(forSession: session.number) {
            let expected = TournamentEntry(
                tournament: entry.tournament, index: entry.index, session: entry.session, repetition: entry.repetition, record: stored.record
            )
            if entry != expected, let field = entry.firstDifference(from: expected) {
                return failure(nil, "its entry in tournament \(entry.tournament) (position \(entry.index)) has a \(field) that does not match the chained settlement")
            }
        }
        return nil
    }

    /// Verifies every session, in batches, and returns every failure.
    public func verifyAll(trusting trusted: PublicKeyIdentity? = nil, batchSize: Int = 500) throws(StoreError) -> (checked: Int, failures: [VerificationFailure]) {
        var failures: [VerificationFailure] = []
        var checked = 0
        var after = 0
        while true {
            let batch = try sessions(after: after, limit: max(1, batchSize))
            guard let last = batch.last else { break }
            for session in batch {
                if let failure = try verify(session, trusting: trusted) { failures.append(failure) }
            }
            checked += batch.count
            after = last.number
        }
        return (checked, failures)
    }
}

public import ParleyProtocol
import ParleyRecords

/// What `verify` found wrong with one stored session: a stable code, the place, and the reason for people.
public struct VerificationFailure: CodedError, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes, one per kind of damage.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A record's hash does not follow from its contents and the record before it (changed, removed, reordered).
        public static let brokenChain = Code(rawValue: "broken_chain")
        /// The records are not a header, events and a settlement.
        public static let incompleteChain = Code(rawValue: "incomplete_chain")
        /// The stored final hash is not the last record's.
        public static let finalHashMismatch = Code(rawValue: "final_hash_mismatch")
        /// The signature does not verify against the final hash.
        public static let badSignature = Code(rawValue: "bad_signature")
        /// The session is not signed by the key it must be signed by.
        public static let untrustedSigner = Code(rawValue: "untrusted_signer")
        /// A record cannot be read back.
        public static let unreadableRecord = Code(rawValue: "unreadable_record")
        /// The summary row does not follow from the chained records.
        public static let summaryMismatch = Code(rawValue: "summary_mismatch")
        /// A tournament entry does not follow from the chained settlement it points at.
        public static let entryMismatch = Code(rawValue: "entry_mismatch")
    }

    /// The session's number in the store.
    public var session: Int
    /// What kind of damage.
    public var code: Code
    /// The first record at fault, when one is.
    public var record: Int?
    /// What is wrong, for people.
    public var reason: String

    /// The reason, with the session and record: what ``description`` prints.
    public var message: String { description }

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
        func failure(_ code: VerificationFailure.Code, _ record: Int?, _ reason: String) -> VerificationFailure {
            VerificationFailure(session: session.number, code: code, record: record, reason: reason)
        }
        if let broken = HashChain.firstBreak(in: links) {
            return failure(.brokenChain, broken.index, "its hash does not match its contents and the record before it (changed, removed or reordered)")
        }
        guard links.count >= 2 else {
            return failure(.incompleteChain, nil, "the records are not a header, events and a settlement")
        }
        guard links.last?.hash == session.finalHash else {
            return failure(.finalHashMismatch, links.count - 1, "the session's final hash does not match its last record")
        }
        if let signature = session.signature {
            guard let key = session.publicKey.flatMap(PublicKeyIdentity.init(rawValue:)), key.verifies(signature: signature, finalHash: session.finalHash) else {
                return failure(.badSignature, nil, "the settlement's signature does not match its final hash")
            }
        }
        if let trusted {
            guard session.signature != nil, session.publicKey == trusted.rawValue else {
                return failure(.untrustedSigner, nil, session.signature == nil ? "the settlement is not signed" : "the settlement is signed by another key")
            }
        }
        let stored: (record: SessionRecord, profiles: [Role: Profile])
        do {
            stored = try StoredRecord.decode(links, of: session)
        } catch {
            return failure(.unreadableRecord, nil, error.message)
        }
        if let column = SessionSummary(record: stored.record).firstDifference(from: session.summary) {
            return failure(.summaryMismatch, nil, "the sessions row's \(column) does not match the chained records")
        }
        // A tournament's leaderboard is computed from its entries, so each must follow from its chained session.
        if let entry = try entry(forSession: session.number) {
            let expected = TournamentEntry(
                tournament: entry.tournament, index: entry.index, session: entry.session, repetition: entry.repetition, record: stored.record
            )
            if entry != expected, let field = entry.firstDifference(from: expected) {
                return failure(.entryMismatch, nil, "its entry in tournament \(entry.tournament) (position \(entry.index)) has a \(field) that does not match the chained settlement")
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

import ParleyProtocol
import ParleyRecords

extension TranscriptStore {
    /// Recomputes a session's chain and checks it against the stored hashes, the final hash, the session row and,
    /// when the session is signed, its signature; a tournament entry that points at it must follow from its
    /// chained settlement. With `trusting`, the session must be signed by that key. Returns the first problem, or
    /// `nil` when the session is intact.
    public func verify(_ session: StoredSession, trusting trusted: PublicKeyIdentity? = nil) throws(StoreError) -> VerificationFailure? {
        try verify(session, entry: try entry(forSession: session.number), trusting: trusted)
    }

    /// ``verify(_:trusting:)`` with the session's entry already read.
    func verify(_ session: StoredSession, entry: TournamentEntry?, trusting trusted: PublicKeyIdentity?) throws(StoreError) -> VerificationFailure? {
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
        if let entry {
            let expected = TournamentEntry(
                tournament: entry.tournament, index: entry.index, session: entry.session, repetition: entry.repetition, record: stored.record
            )
            if entry != expected, let field = entry.firstDifference(from: expected) {
                return failure(.entryMismatch, nil, "its entry in tournament \(entry.tournament) (position \(entry.index)) has a \(field) that does not match the chained settlement")
            }
        }
        return nil
    }
}

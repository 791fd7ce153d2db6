public import ParleyProtocol
public import ParleyRecords

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
        try inspect(session, entry: entry, trusting: trusted).failure
    }

    /// A session read back and verified in one reading of its chain: its record and profiles, and the first
    /// problem ``verify(_:trusting:)`` would find (`nil` when it is intact). Throws
    /// ``StoreError/Code/unreadableRecord`` when the chain cannot be read back as a session at all.
    public func verifiedRecord(of session: StoredSession) throws(StoreError) -> (record: SessionRecord, profiles: [Role: Profile], failure: VerificationFailure?) {
        let inspected = try inspect(session, entry: try entry(forSession: session.number), trusting: nil)
        guard let stored = inspected.stored else {
            throw StoreError(.unreadableRecord, inspected.failure?.reason ?? "session \(session.number) cannot be read back")
        }
        return (stored.record, stored.profiles, inspected.failure)
    }

    /// Verification's one pass over a session's chain: the first problem, and the session decoded when it could be.
    private func inspect(
        _ session: StoredSession, entry: TournamentEntry?, trusting trusted: PublicKeyIdentity?
    ) throws(StoreError) -> (failure: VerificationFailure?, stored: (record: SessionRecord, profiles: [Role: Profile])?) {
        let links = try links(of: session)
        let decoded = Result { () throws(StoreError) in try StoredRecord.decode(links, of: session) }
        return (try check(session, links: links, decoded: decoded, entry: entry, trusting: trusted), try? decoded.get())
    }

    private func check(
        _ session: StoredSession, links: [ChainLink], decoded: Result<(record: SessionRecord, profiles: [Role: Profile]), StoreError>, entry: TournamentEntry?,
        trusting trusted: PublicKeyIdentity?
    ) throws(StoreError) -> VerificationFailure? {
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
        switch decoded {
        case .success(let session): stored = session
        case .failure(let error): return failure(.unreadableRecord, nil, error.message)
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

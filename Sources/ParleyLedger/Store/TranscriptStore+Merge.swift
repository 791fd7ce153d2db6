import Foundation

/// What ``TranscriptStore/merge(_:batchSize:)`` did.
public struct StoreMerge: Sendable, Hashable {
    /// Sessions copied into the store (edge sessions of multi-deal negotiations included).
    public var copied: Int
    /// Multi-deal negotiations copied into the store, each with its edge sessions.
    public var copiedMultiDeals = 0
    /// Sessions left out because the store already had them: the same final hash, or a session at the same
    /// position of the same tournament.
    public var alreadyStored: Int
    /// The merged store's tournaments, as they stand after the merge.
    public var tournaments: [StoredTournament]
    /// The merged store's verification after the merge: how many sessions it holds, and its head.
    public var verification: StoreVerification
}

extension TranscriptStore {
    /// Copies into this store every session of `sources` it does not have, with its chain, signature and
    /// tournament entry, and registers the sources' tournaments: shards of one tournament run apart
    /// (`parley tournament --shard K/N`) become one tournament whose leaderboard equals the unsharded run's.
    ///
    /// Every source, and this store, must pass ``verifyAll(trusting:expecting:batchSize:)`` first, or nothing is
    /// copied (``StoreError/Code/failsVerification``). Chains and final hashes are copied unchanged, so each session
    /// verifies as it did; the sessions join this store's sequence (``SequenceLink``) in the order they are copied,
    /// each source's in its own order. A session whose final hash the store already holds, or whose tournament
    /// position is already stored, is left out and counted, so merging again, or a shard twice, adds nothing.
    /// Sessions are copied in transactions of `batchSize`: a merge stopped midway leaves whole batches, and the
    /// same merge run again completes it. A multi-deal negotiation is copied whole, its edge sessions with it, unless
    /// the store already has its final hash or its tournament position. The merged store is verified again at the end.
    public func merge(_ sources: [any TranscriptStore], batchSize: Int = 500) async throws(StoreError) -> StoreMerge {
        for store in [self] + sources {
            let failures = try store.verifyAll().failures
            if let first = failures.first {
                throw StoreError(
                    .failsVerification, "\(store.location) fails verification (\(failures.count) failure\(failures.count == 1 ? "" : "s"), the first: \(first)); nothing was merged"
                )
            }
        }
        var known = Set<String>()
        var after = 0
        while case let batch = try sessions(after: after, limit: max(1, batchSize)), let last = batch.last {
            known.formUnion(batch.map(\.finalHash))
            after = last.number
        }
        var knownMultiDeals = Set(try multiDeals().map(\.finalHash))
        var completed: [String: CompletedSet] = [:]
        var (copied, alreadyStored, copiedMultiDeals) = (0, 0, 0)
        for source in sources {
            let multiDeals = try source.multiDeals()
            let parts = Set(multiDeals.flatMap(\.sessions))
            for tournament in try source.tournaments() {
                let created = (try? Date(tournament.createdAt, strategy: .iso8601)) ?? Date()
                let registered = try register(tournament: tournament.id, total: tournament.total, plan: tournament.plan, at: created)
                if completed[tournament.id] == nil { completed[tournament.id] = try completedMultiDeals(of: tournament.id, total: registered.total, adding: completedSessions(of: tournament.id, total: registered.total)) }
            }
            var after = 0
            while case let batch = try source.sessions(after: after, limit: max(1, batchSize)), let last = batch.last {
                after = last.number
                var plain: [ChainedSession] = []
                var entered: [(session: ChainedSession, entry: TournamentEntry)] = []
                for session in batch where !parts.contains(session.number) {
                    let entry = try source.entry(forSession: session.number)
                    if known.contains(session.finalHash) || entry.map({ completed[$0.tournament]?.contains($0.index) ?? false }) == true {
                        alreadyStored += 1
                        continue
                    }
                    let chained = ChainedSession(copying: session, chain: try source.chain(of: session))
                    known.insert(session.finalHash)
                    if let entry {
                        completed[entry.tournament]?.insert(entry.index)
                        entered.append((chained, entry))
                    } else {
                        plain.append(chained)
                    }
                }
                if !plain.isEmpty { try save(plain, signer: nil) }
                if !entered.isEmpty { try await save(entered, signer: nil) }
                copied += plain.count + entered.count
            }
            for multiDeal in multiDeals {
                let position = multiDeal.position
                if knownMultiDeals.contains(multiDeal.finalHash) || position.map({ completed[$0.tournament]?.contains($0.index) ?? false }) == true {
                    alreadyStored += multiDeal.sessions.count
                    continue
                }
                var sessions: [ChainedSession] = []
                for number in multiDeal.sessions {
                    let session = try source.session(String(number))
                    sessions.append(ChainedSession(copying: session, chain: try source.chain(of: session)))
                }
                try save([ChainedMultiDeal(copying: multiDeal, chain: try source.chain(of: multiDeal), sessions: sessions)], signer: nil)
                knownMultiDeals.insert(multiDeal.finalHash)
                if let position { completed[position.tournament]?.insert(position.index) }
                copied += sessions.count
                copiedMultiDeals += 1
            }
        }
        let verification = try verifyAll()
        if let first = verification.failures.first {
            throw StoreError(.failsVerification, "the merged store \(location) fails verification after the merge: \(first)")
        }
        var merge = StoreMerge(copied: copied, alreadyStored: alreadyStored, tournaments: try tournaments(), verification: verification)
        merge.copiedMultiDeals = copiedMultiDeals
        return merge
    }
}

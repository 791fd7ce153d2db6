import Crypto
import Foundation
import ParleyAnalysis
import ParleyProtocol

/// What verifying a whole store found: how many sessions were checked, every failure, and the store's head.
public struct StoreVerification: Sendable, Hashable {
    /// The number of sessions checked.
    public var checked: Int
    /// The number of multi-deal negotiations checked.
    public var multiDealsChecked = 0
    /// Every failure, sessions first in their order, then tournaments.
    public var failures: [VerificationFailure]
    /// The store's head after the last session: keep it outside the store, and a later `verify` with it shows
    /// that nothing was removed from the end.
    public var head: StoreHead
}

extension StoredTournament {
    /// The identifier a plan's stored JSON gives its tournament: `t-` and 16 hex digits of its SHA-256.
    public static func id(ofPlan plan: String) -> String {
        "t-" + HashChain.hex(Array(SHA256.hash(data: Data(plan.utf8))).prefix(8))
    }
}

extension TranscriptStore {
    /// Verifies everything the reports read, and returns every failure:
    /// - every session, as ``verify(_:trusting:)`` does (its chain, final hash, signature, summary row and entry);
    /// - the store's sequence (``SequenceLink``): no session removed, duplicated, inserted or reordered, and no
    ///   tournament entry removed or moved;
    /// - with `head`, that the store still holds that head at its position, so sessions removed from the end are seen;
    /// - each multi-deal negotiation, as ``verify(_:trusting:)-(StoredMultiDeal,_)`` does, and that its edge
    ///   sessions' sequence links name it (so removing its row, or moving it in its tournament, is seen);
    /// - each tournament: its id and total follow from its plan, and its entries (or negotiations) lie inside the
    ///   plan, point at stored sessions, and point at each session (or position) once.
    public func verifyAll(trusting trusted: PublicKeyIdentity? = nil, expecting head: StoreHead? = nil, batchSize: Int = 500) throws(StoreError) -> StoreVerification {
        var failures: [VerificationFailure] = []
        var previous = HashChain.origin
        var checked = 0
        var after = 0
        var numbers = Set<Int>()
        let multiDeals = try multiDeals()
        var parts: [Int: SequenceLink.Part] = [:]
        for multiDeal in multiDeals {
            for (edge, number) in multiDeal.sessions.enumerated() { parts[number] = multiDeal.part(edge: edge) }
        }
        while true {
            let batch = try sessions(after: after, limit: max(1, batchSize))
            guard let last = batch.last else { break }
            for session in batch {
                let entry = try entry(forSession: session.number)
                let expected = parts[session.number].map { SequenceLink.next(after: previous, finalHash: session.finalHash, part: $0) }
                    ?? SequenceLink.next(after: previous, finalHash: session.finalHash, entry: entry)
                if let failure = try verify(session, entry: entry, trusting: trusted) {
                    failures.append(failure)
                } else if session.link != expected {
                    failures.append(VerificationFailure(
                        session: session.number, code: .brokenSequence,
                        reason: "its sequence link does not follow from the session before it: a session was removed, duplicated, inserted or reordered before it, its tournament entry was removed or moved, or the multi-deal negotiation it is part of was removed or moved"
                    ))
                }
                previous = session.link
                checked += 1
                numbers.insert(session.number)
                if let head, checked == head.count, session.link != head.link {
                    failures.append(VerificationFailure(session: session.number, code: .headMismatch, reason: "the store's head at \(head.count) sessions is not \(head.link)"))
                }
            }
            after = last.number
        }
        if let head, head.count > checked {
            failures.append(VerificationFailure(
                session: 0, code: .headMismatch, reason: "the store holds \(checked) sessions, fewer than the \(head.count) of the expected head: sessions were removed from its end"
            ))
        }
        var landscapes: [MultiDealScenario: MultiDealLandscape] = [:]
        for multiDeal in multiDeals {
            if let failure = try verify(multiDeal, trusting: trusted, landscapes: &landscapes) { failures.append(failure) }
        }
        failures += try verifyTournaments(stored: numbers, multiDeals: multiDeals)
        var verification = StoreVerification(checked: checked, failures: failures, head: StoreHead(count: checked, link: previous))
        verification.multiDealsChecked = multiDeals.count
        return verification
    }

    /// Checks each tournament's row against its plan, and its entries against the plan and the stored sessions.
    private func verifyTournaments(stored numbers: Set<Int>, multiDeals: [StoredMultiDeal]) throws(StoreError) -> [VerificationFailure] {
        var failures: [VerificationFailure] = []
        var pointedAt = Set<Int>()
        for tournament in try tournaments() {
            func failure(_ code: VerificationFailure.Code, session: Int = 0, _ reason: String) {
                failures.append(VerificationFailure(session: session, code: code, reason: reason, tournament: tournament.id))
            }
            if StoredTournament.id(ofPlan: tournament.plan) != tournament.id {
                failure(.tournamentMismatch, "its plan does not hash to its id: the tournament's row was edited")
            }
            let planned = try? JSONDecoder().decode(StoredPlanTotal.self, from: Data(tournament.plan.utf8)).total
            if planned != tournament.total {
                failure(.tournamentMismatch, "its total of \(tournament.total) sessions is not its plan's")
            }
            try forEachEntry(of: tournament.id) { entry in
                if !(0..<tournament.total).contains(entry.index) {
                    failure(.orphanEntry, session: entry.session, "an entry lies at position \(entry.index), outside its plan's \(tournament.total) sessions")
                } else if !numbers.contains(entry.session) {
                    failure(.orphanEntry, session: entry.session, "the entry at position \(entry.index) points at no stored session")
                } else if !pointedAt.insert(entry.session).inserted {
                    failure(.duplicateEntry, session: entry.session, "a second entry (position \(entry.index)) points at the session")
                }
            }
            var positions = Set<Int>()
            for multiDeal in multiDeals {
                guard let position = multiDeal.position, position.tournament == tournament.id else { continue }
                if !(0..<tournament.total).contains(position.index) {
                    failure(.orphanEntry, "multi-deal \(multiDeal.number) lies at position \(position.index), outside its plan's \(tournament.total)")
                } else if !positions.insert(position.index).inserted {
                    failure(.duplicateEntry, "multi-deal \(multiDeal.number) lies at position \(position.index), where another already does")
                }
            }
        }
        return failures
    }
}

/// The one field of a stored plan that verification reads.
private struct StoredPlanTotal: Decodable {
    var total: Int
}

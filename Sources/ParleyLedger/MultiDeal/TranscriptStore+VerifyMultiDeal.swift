import ParleyAnalysis
import ParleyProtocol
import ParleyRecords

extension TranscriptStore {
    /// Verifies a stored multi-deal negotiation and returns the first problem, or `nil` when it is intact: its
    /// chain, final hash and signature (with `trusting`, that it is signed by that key); that each session it names
    /// is stored with the final hash it names and ended as it says; that its deals and analysis follow from those
    /// sessions (recomputed from the scenario); and that its summary row follows from it all. Each edge session's
    /// own chain is verified with the sessions (``verifyAll(trusting:expecting:batchSize:)``).
    public func verify(_ multiDeal: StoredMultiDeal, trusting trusted: PublicKeyIdentity? = nil) throws(StoreError) -> VerificationFailure? {
        var landscapes: [MultiDealScenario: MultiDealLandscape] = [:]
        return try verify(multiDeal, trusting: trusted, landscapes: &landscapes)
    }

    /// ``verify(_:trusting:)`` reusing the landscapes of scenarios already seen.
    func verify(
        _ multiDeal: StoredMultiDeal, trusting trusted: PublicKeyIdentity?, landscapes: inout [MultiDealScenario: MultiDealLandscape]
    ) throws(StoreError) -> VerificationFailure? {
        func failure(_ code: VerificationFailure.Code, _ record: Int?, _ reason: String) -> VerificationFailure {
            VerificationFailure(session: 0, code: code, record: record, reason: reason, multiDeal: multiDeal.number)
        }
        func failure(_ code: VerificationFailure.Code, _ reason: String) -> VerificationFailure {
            failure(code, nil, reason)
        }
        let links = try chain(of: multiDeal).links
        if let broken = HashChain.firstBreak(in: links) {
            return failure(.brokenChain, broken.index, "its hash does not match its contents and the record before it")
        }
        guard links.count == 2 else { return failure(.incompleteChain, "the records are not a header and a settlement") }
        guard links[1].hash == multiDeal.finalHash else { return failure(.finalHashMismatch, 1, "its final hash does not match its last record") }
        if let signature = multiDeal.signature {
            guard let key = multiDeal.publicKey.flatMap(PublicKeyIdentity.init(rawValue:)), key.verifies(signature: signature, finalHash: multiDeal.finalHash) else {
                return failure(.badSignature, "the settlement's signature does not match its final hash")
            }
        }
        if let trusted, multiDeal.signature == nil || multiDeal.publicKey != trusted.rawValue {
            return failure(.untrustedSigner, multiDeal.signature == nil ? "the settlement is not signed" : "the settlement is signed by another key")
        }
        let chained: (header: MultiDealChain.Header, settlement: MultiDealChain.Settlement)
        do {
            chained = try MultiDealChain.decode(links)
        } catch {
            return failure(.unreadableRecord, "a record cannot be read: \(error)")
        }
        let scenario = chained.header.scenario
        let named = chained.settlement.sessions
        guard named.count == scenario.edges.count, named.count == multiDeal.sessions.count else {
            return failure(.partMismatch, "it names \(named.count) sessions, its scenario has \(scenario.edges.count) edges and its row \(multiDeal.sessions.count) sessions")
        }
        var sessions: [MultiDealRecord.EdgeSession] = []
        for (position, (part, number)) in zip(named, multiDeal.sessions).enumerated() {
            let stored: StoredSession
            do {
                stored = try session(String(number))
            } catch where error.code == .notFound {
                return failure(.partMismatch, "its edge \(part.edge) names session \(number), which is not stored")
            }
            guard stored.finalHash == part.finalHash, part.edge == scenario.edges[position].id else {
                return failure(.partMismatch, "its edge \(part.edge) names a session other than session \(number)")
            }
            let record: SessionRecord
            do {
                record = try self.record(of: stored).record
            } catch {
                return failure(.unreadableRecord, "its edge \(part.edge)'s session \(number) cannot be read back: \(error.message)")
            }
            guard part.end.outcome(centre: scenario.centre) == record.settlement.outcome else {
                return failure(.settlementMismatch, 1, "its edge \(part.edge) ended otherwise than session \(number) did")
            }
            sessions.append(MultiDealRecord.EdgeSession(edge: part.edge, record: record, end: part.end))
        }
        let settlement = chained.settlement.settlement
        let agreed = sessions.enumerated().compactMap { position, session in session.end.agreement.map { (position, $0) } }
        let deals = settlement.deals.compactMap { deal in sessions.firstIndex { $0.edge == deal.edge }.map { (position: $0, deal: deal) } }
        guard deals.count == settlement.deals.count, deals.count == agreed.count,
              deals.allSatisfy({ sessions[$0.position].end.agreement == $0.deal.agreement }) else {
            return failure(.settlementMismatch, 1, "its deals are not the agreements its edge sessions ended in")
        }
        let landscape: MultiDealLandscape
        if let known = landscapes[scenario] {
            landscape = known
        } else {
            do {
                landscape = try MultiDealLandscape(scenario: scenario)
            } catch {
                return failure(.unreadableRecord, "its scenario cannot be analysed: \(error)")
            }
            landscapes[scenario] = landscape
        }
        guard landscape.analyze(deals: deals.map { ($0.position, $0.deal.agreement.terms) }) == settlement.analysis else {
            return failure(.settlementMismatch, 1, "its analysis does not follow from its deals")
        }
        let header = chained.header
        let record = MultiDealRecord(
            scenario: scenario, centre: header.centre, seed: header.seed, startedAt: header.startedAt, sessions: sessions, settlement: settlement
        )
        if header.multiDealID != MultiDealChain.identifier(of: record) {
            return failure(.settlementMismatch, 0, "its identifier does not follow from its seed, scenario and agents")
        }
        if let field = MultiDealSummary(record: record).firstDifference(from: multiDeal.summary) {
            return failure(.summaryMismatch, "the multi-deal row's \(field) does not match the chained records")
        }
        return nil
    }
}

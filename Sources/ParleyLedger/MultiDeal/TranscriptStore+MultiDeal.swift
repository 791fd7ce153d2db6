import Foundation
import ParleyAnalysis
import ParleyProtocol
public import ParleyRecords

extension TranscriptStore {
    /// Stores one finished multi-deal negotiation atomically: its edge sessions and its own chain.
    @discardableResult
    public func save(_ record: MultiDealRecord, position: MultiDealPosition? = nil, signer: SigningKey? = nil) throws(StoreError) -> StoredMultiDeal {
        let chained: ChainedMultiDeal
        do {
            chained = try ChainedMultiDeal(record: record, position: position)
        } catch {
            throw StoreError(.database, "cannot encode a multi-deal negotiation for the store: \(error)")
        }
        return try save([chained], signer: signer)[0]
    }

    /// Every stored multi-deal negotiation, oldest first.
    public func multiDeals() throws(StoreError) -> [StoredMultiDeal] {
        var all: [StoredMultiDeal] = []
        while true {
            let batch = try multiDeals(after: all.last?.number ?? 0, limit: 500)
            if batch.isEmpty { return all }
            all += batch
        }
    }

    /// Calls `body` with each stored negotiation of a tournament, in the order they were stored.
    public func forEachMultiDeal(of tournament: String, _ body: (StoredMultiDeal) throws -> Void) throws(StoreError) {
        var after = 0
        while true {
            let batch = try multiDeals(after: after, limit: 500)
            guard let last = batch.last else { return }
            do {
                for multiDeal in batch where multiDeal.position?.tournament == tournament { try body(multiDeal) }
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError(.database, "\(error)")
            }
            after = last.number
        }
    }

    /// The positions of a multi-deal tournament's negotiations already stored, added to `completed` when given.
    public func completedMultiDeals(of tournament: String, total: Int, adding completed: CompletedSet? = nil) throws(StoreError) -> CompletedSet {
        var completed = completed ?? CompletedSet(count: total)
        try forEachMultiDeal(of: tournament) { multiDeal in
            if let index = multiDeal.position?.index, (0..<total).contains(index) { completed.insert(index) }
        }
        return completed
    }

    /// A negotiation read back: its scenario, agents, every edge session's record and the settlement.
    public func record(of multiDeal: StoredMultiDeal) throws(StoreError) -> MultiDealRecord {
        let decoded: (header: MultiDealChain.Header, settlement: MultiDealChain.Settlement)
        do {
            decoded = try MultiDealChain.decode(try chain(of: multiDeal).links)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unreadableRecord, "multi-deal \(multiDeal.number) has a record that cannot be read: \(error)")
        }
        guard decoded.settlement.sessions.count == multiDeal.sessions.count else {
            throw StoreError(.unreadableRecord, "multi-deal \(multiDeal.number) names \(decoded.settlement.sessions.count) sessions but its row \(multiDeal.sessions.count)")
        }
        var sessions: [MultiDealRecord.EdgeSession] = []
        for (chained, number) in zip(decoded.settlement.sessions, multiDeal.sessions) {
            let stored = try record(of: try session(String(number)))
            sessions.append(MultiDealRecord.EdgeSession(edge: chained.edge, record: stored.record, end: chained.end))
        }
        let header = decoded.header
        return MultiDealRecord(
            scenario: header.scenario, centre: header.centre, seed: header.seed, startedAt: header.startedAt, sessions: sessions,
            settlement: decoded.settlement.settlement
        )
    }
}

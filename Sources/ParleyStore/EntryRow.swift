import GRDB
import ParleyLedger
import ParleyProtocol

/// A row of `tournament_sessions`, read and written by GRDB's record protocols.
struct EntryRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tournament_sessions"

    var tournament: String
    var index: Int
    var session: Int
    var sessionID: String
    var startedAt: String
    var scenarioID: String
    var buyer: String
    var seller: String
    var repetition: Int
    var seed: String
    var outcome: String
    var causedBy: String?
    var turns: Int
    var rounds: Int
    var agreed: Bool
    var buyerUtility: Double
    var sellerUtility: Double
    var buyerAdvantage: Double
    var sellerAdvantage: Double
    var welfare: Double
    var distanceToNash: Double?
    var distanceToPareto: Double

    enum CodingKeys: String, CodingKey {
        case tournament, session, buyer, seller, repetition, seed, outcome, turns, rounds, agreed, welfare
        case index = "idx", sessionID = "session_id", startedAt = "started_at", scenarioID = "scenario_id", causedBy = "caused_by"
        case buyerUtility = "buyer_utility"
        case sellerUtility = "seller_utility", buyerAdvantage = "buyer_advantage", sellerAdvantage = "seller_advantage"
        case distanceToNash = "distance_to_nash", distanceToPareto = "distance_to_pareto"
    }

    /// The row of an entry, pointing at the stored session `session`.
    init(_ entry: TournamentEntry, session: Int) {
        tournament = entry.tournament
        index = entry.index
        self.session = session
        sessionID = entry.sessionID.rawValue
        startedAt = entry.startedAt
        scenarioID = entry.scenarioID
        buyer = entry.buyer
        seller = entry.seller
        repetition = entry.repetition
        seed = String(entry.seed)
        outcome = entry.outcome.rawValue
        causedBy = entry.causedBy?.rawValue
        turns = entry.turns
        rounds = entry.rounds
        agreed = entry.agreed
        buyerUtility = entry.buyerUtility
        sellerUtility = entry.sellerUtility
        buyerAdvantage = entry.buyerAdvantage
        sellerAdvantage = entry.sellerAdvantage
        welfare = entry.welfare
        distanceToNash = entry.distanceToNash
        distanceToPareto = entry.distanceToPareto
    }

    /// The entry; throws when a column holds what no entry can.
    func entry() throws(StoreError) -> TournamentEntry {
        TournamentEntry(
            tournament: tournament, index: index, session: session, repetition: repetition,
            summary: SessionSummary(
                sessionID: SessionID(rawValue: sessionID), scenarioID: scenarioID, buyer: buyer, seller: seller,
                seed: try Column.seed(seed, session: session), startedAt: startedAt, outcome: try Column.outcome(outcome, session: session),
                causedBy: try Column.role(causedBy, session: session), turns: turns
            ),
            rounds: rounds, agreed: agreed, buyerUtility: buyerUtility, sellerUtility: sellerUtility, buyerAdvantage: buyerAdvantage,
            sellerAdvantage: sellerAdvantage, welfare: welfare, distanceToNash: distanceToNash, distanceToPareto: distanceToPareto
        )
    }
}

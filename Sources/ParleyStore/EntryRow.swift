import GRDB
import ParleyLedger

/// A row of `tournament_sessions`, read by GRDB's record protocols and written by a prepared statement: the entry's
/// place in the tournament, its session's summary columns, and what the session measured.
struct EntryRow: Decodable, FetchableRecord, SummaryColumns {
    var tournament: String
    var index: Int
    var session: Int
    var repetition: Int
    var sessionID = "", scenarioID = "", buyer = "", seller = "", seed = "", startedAt = "", outcome = ""
    var causedBy: String?
    var turns = 0
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
        case buyerUtility = "buyer_utility", sellerUtility = "seller_utility", buyerAdvantage = "buyer_advantage"
        case sellerAdvantage = "seller_advantage", distanceToNash = "distance_to_nash", distanceToPareto = "distance_to_pareto"
    }

    /// The row of an entry, pointing at the stored session `session`.
    init(_ entry: TournamentEntry, session: Int) {
        tournament = entry.tournament
        index = entry.index
        self.session = session
        repetition = entry.repetition
        rounds = entry.rounds
        agreed = entry.agreed
        buyerUtility = entry.buyerUtility
        sellerUtility = entry.sellerUtility
        buyerAdvantage = entry.buyerAdvantage
        sellerAdvantage = entry.sellerAdvantage
        welfare = entry.welfare
        distanceToNash = entry.distanceToNash
        distanceToPareto = entry.distanceToPareto
        write(entry.summary)
    }

    /// The entry; throws when a column holds what no entry can.
    func entry() throws(StoreError) -> TournamentEntry {
        TournamentEntry(
            tournament: tournament, index: index, session: session, repetition: repetition, summary: try summary(session: session),
            rounds: rounds, agreed: agreed, buyerUtility: buyerUtility, sellerUtility: sellerUtility, buyerAdvantage: buyerAdvantage,
            sellerAdvantage: sellerAdvantage, welfare: welfare, distanceToNash: distanceToNash, distanceToPareto: distanceToPareto
        )
    }
}

extension EntryRow {
    /// Inserts the row through a statement prepared once per connection (see ``SessionRow/insertPrepared(_:)``).
    func insertPrepared(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO tournament_sessions (tournament, idx, session, repetition, session_id, scenario_id, buyer, seller, seed, started_at,
                outcome, caused_by, turns, rounds, agreed, buyer_utility, seller_utility, buyer_advantage, seller_advantage, welfare,
                distance_to_nash, distance_to_pareto)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            tournament, index, session, repetition, sessionID, scenarioID, buyer, seller, seed, startedAt, outcome, causedBy, turns, rounds,
            agreed, buyerUtility, sellerUtility, buyerAdvantage, sellerAdvantage, welfare, distanceToNash, distanceToPareto,
        ])
    }
}

import GRDB
import ParleyAnalysis
import ParleyLedger

/// A row of `tournament_sessions`, read and written by position through ``columns``: the entry's place in the
/// tournament, its session's summary columns, and what the session measured. Reports read every entry of a
/// tournament, so reading one costs no lookup of a column by name.
struct EntryRow: FetchableRecord, SummaryColumns {
    /// The columns in the order they are read and written.
    static let columns = """
        tournament, idx, session, repetition, session_id, scenario_id, buyer, seller, seed, started_at, outcome, caused_by, turns, rounds, \
        agreed, buyer_utility, seller_utility, buyer_advantage, seller_advantage, welfare, distance_to_nash, distance_to_pareto, \
        buyer_discounted_utility, seller_discounted_utility, buyer_model_pearson, buyer_model_kendall, seller_model_pearson, \
        seller_model_kendall, buyer_model_usage, seller_model_usage
        """

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
    var buyerDiscountedUtility: Double?
    var sellerDiscountedUtility: Double?
    var buyerModel: (pearson: Double?, kendall: Double?) = (nil, nil)
    var sellerModel: (pearson: Double?, kendall: Double?) = (nil, nil)
    /// Each side's model usage as JSON text (``ModelUsageColumn``); `nil` when a side consulted no model.
    var buyerModelUsage: String?
    var sellerModelUsage: String?

    /// Reads a row selected with ``columns``; a column holding what no entry can (a text where a number belongs, a
    /// null where a value is required) throws, as any unreadable record does.
    init(row: Row) throws {
        tournament = try row.decode(atIndex: 0)
        index = try row.decode(atIndex: 1)
        session = try row.decode(atIndex: 2)
        repetition = try row.decode(atIndex: 3)
        sessionID = try row.decode(atIndex: 4)
        scenarioID = try row.decode(atIndex: 5)
        buyer = try row.decode(atIndex: 6)
        seller = try row.decode(atIndex: 7)
        seed = try row.decode(atIndex: 8)
        startedAt = try row.decode(atIndex: 9)
        outcome = try row.decode(atIndex: 10)
        causedBy = try row.decode(atIndex: 11)
        turns = try row.decode(atIndex: 12)
        rounds = try row.decode(atIndex: 13)
        agreed = try row.decode(atIndex: 14)
        buyerUtility = try row.decode(atIndex: 15)
        sellerUtility = try row.decode(atIndex: 16)
        buyerAdvantage = try row.decode(atIndex: 17)
        sellerAdvantage = try row.decode(atIndex: 18)
        welfare = try row.decode(atIndex: 19)
        distanceToNash = try row.decode(atIndex: 20)
        distanceToPareto = try row.decode(atIndex: 21)
        buyerDiscountedUtility = try row.decode(atIndex: 22)
        sellerDiscountedUtility = try row.decode(atIndex: 23)
        buyerModel = (try row.decode(atIndex: 24), try row.decode(atIndex: 25))
        sellerModel = (try row.decode(atIndex: 26), try row.decode(atIndex: 27))
        buyerModelUsage = try row.decode(atIndex: 28)
        sellerModelUsage = try row.decode(atIndex: 29)
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
        buyerDiscountedUtility = entry.buyerDiscountedUtility
        sellerDiscountedUtility = entry.sellerDiscountedUtility
        buyerModel = (entry.buyerModelAccuracy?.pearson, entry.buyerModelAccuracy?.kendall)
        sellerModel = (entry.sellerModelAccuracy?.pearson, entry.sellerModelAccuracy?.kendall)
        buyerModelUsage = ModelUsageColumn.text(entry.buyerModelUsage)
        sellerModelUsage = ModelUsageColumn.text(entry.sellerModelUsage)
        write(entry.summary)
    }

    /// The entry; throws when a column holds what no entry can.
    func entry() throws(StoreError) -> TournamentEntry {
        TournamentEntry(
            tournament: tournament, index: index, session: session, repetition: repetition, summary: try summary(session: session),
            rounds: rounds, agreed: agreed, buyerUtility: buyerUtility, sellerUtility: sellerUtility, buyerAdvantage: buyerAdvantage,
            sellerAdvantage: sellerAdvantage, welfare: welfare, distanceToNash: distanceToNash, distanceToPareto: distanceToPareto,
            buyerDiscountedUtility: buyerDiscountedUtility, sellerDiscountedUtility: sellerDiscountedUtility,
            buyerModelAccuracy: Self.accuracy(buyerModel), sellerModelAccuracy: Self.accuracy(sellerModel),
            buyerModelUsage: ModelUsageColumn.usage(buyerModelUsage),
            sellerModelUsage: ModelUsageColumn.usage(sellerModelUsage)
        )
    }

    /// A stored pair of correlations as an accuracy; both or neither are stored.
    private static func accuracy(_ pair: (pearson: Double?, kendall: Double?)) -> ModelAccuracy? {
        guard let pearson = pair.pearson, let kendall = pair.kendall else { return nil }
        return ModelAccuracy(pearson: pearson, kendall: kendall)
    }
}

extension EntryRow {
    /// The insert statement: one placeholder per column.
    private static let insert = "INSERT INTO tournament_sessions (\(columns)) VALUES (\(Array(repeating: "?", count: 30).joined(separator: ", ")))"

    /// Inserts the row through a statement prepared once per connection (see ``SessionRow/insertPrepared(_:)``).
    func insertPrepared(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: Self.insert)
        try statement.execute(arguments: [
            tournament, index, session, repetition, sessionID, scenarioID, buyer, seller, seed, startedAt, outcome, causedBy, turns, rounds,
            agreed, buyerUtility, sellerUtility, buyerAdvantage, sellerAdvantage, welfare, distanceToNash, distanceToPareto,
            buyerDiscountedUtility, sellerDiscountedUtility, buyerModel.pearson, buyerModel.kendall, sellerModel.pearson, sellerModel.kendall,
            buyerModelUsage, sellerModelUsage,
        ])
    }
}

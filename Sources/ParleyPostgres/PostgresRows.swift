import NIOCore
import ParleyAnalysis
import ParleyLedger
import PostgresNIO

/// A `sessions` row: the summary's columns, the hash and signature that close the chain, and the sequence link.
struct PostgresSessionRow: SummaryColumns {
    /// The columns in the order they are read and written.
    static let columns = "number, session_id, scenario_id, buyer, seller, seed, started_at, outcome, caused_by, turns, final_hash, signature, public_key, link"

    var number: Int
    var sessionID = "", scenarioID = "", buyer = "", seller = "", seed = "", startedAt = "", outcome = ""
    var causedBy: String?
    var turns = 0
    var finalHash: String
    var signature: String?
    var publicKey: String?
    var link: String

    /// The row of a stored session.
    init(_ stored: StoredSession) {
        number = stored.number
        finalHash = stored.finalHash
        signature = stored.signature
        publicKey = stored.publicKey
        link = stored.link
        write(stored.summary)
    }

    /// Reads a row selected with ``columns``.
    init(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        number = try cells[0].decode(Int.self)
        sessionID = try cells[1].decode(String.self)
        scenarioID = try cells[2].decode(String.self)
        buyer = try cells[3].decode(String.self)
        seller = try cells[4].decode(String.self)
        seed = try cells[5].decode(String.self)
        startedAt = try cells[6].decode(String.self)
        outcome = try cells[7].decode(String.self)
        causedBy = try cells[8].decode(String?.self)
        turns = try cells[9].decode(Int.self)
        finalHash = try cells[10].decode(String.self)
        signature = try cells[11].decode(String?.self)
        publicKey = try cells[12].decode(String?.self)
        link = try cells[13].decode(String.self)
    }

    /// Appends the row's values to a multi-row insert.
    func bind(into bindings: inout PostgresBindings) {
        bindings.append(number)
        for text in [sessionID, scenarioID, buyer, seller, seed, startedAt, outcome] { bindings.append(text) }
        bindings.append(causedBy)
        bindings.append(turns)
        bindings.append(finalHash)
        bindings.append(signature)
        bindings.append(publicKey)
        bindings.append(link)
    }

    /// The stored session; throws when a column holds what no session can.
    func stored() throws(StoreError) -> StoredSession {
        StoredSession(number: number, summary: try summary(session: number), finalHash: finalHash, signature: signature, publicKey: publicKey, link: link)
    }
}

/// A `tournament_sessions` row: the entry's place, its session's summary columns and what the session measured.
struct PostgresEntryRow: SummaryColumns {
    /// The columns in the order they are read and written (the SQLite store's, so both read alike).
    static let columns = """
        tournament, idx, session, repetition, session_id, scenario_id, buyer, seller, seed, started_at, outcome, caused_by, turns, rounds, \
        agreed, buyer_utility, seller_utility, buyer_advantage, seller_advantage, welfare, distance_to_nash, distance_to_pareto, \
        buyer_discounted_utility, seller_discounted_utility, buyer_model_pearson, buyer_model_kendall, seller_model_pearson, \
        seller_model_kendall, buyer_model_usage, seller_model_usage
        """
    /// How many columns a row has.
    static let width = 30

    var entry: TournamentEntry
    var sessionID = "", scenarioID = "", buyer = "", seller = "", seed = "", startedAt = "", outcome = ""
    var causedBy: String?
    var turns = 0

    /// The row of an entry pointing at stored session `session`.
    init(_ entry: TournamentEntry, session: Int) {
        self.entry = entry
        self.entry.session = session
        write(entry.summary)
    }

    /// Reads a row selected with ``columns``; throws when a column holds what no entry can.
    static func entry(from row: PostgresRow) throws -> TournamentEntry {
        let cells = row.makeRandomAccess()
        var columns = PostgresEntryRow.Summary()
        columns.sessionID = try cells[4].decode(String.self)
        columns.scenarioID = try cells[5].decode(String.self)
        columns.buyer = try cells[6].decode(String.self)
        columns.seller = try cells[7].decode(String.self)
        columns.seed = try cells[8].decode(String.self)
        columns.startedAt = try cells[9].decode(String.self)
        columns.outcome = try cells[10].decode(String.self)
        columns.causedBy = try cells[11].decode(String?.self)
        columns.turns = try cells[12].decode(Int.self)
        let session = try cells[2].decode(Int.self)
        func accuracy(_ pearson: Int, _ kendall: Int) throws -> ModelAccuracy? {
            guard let r = try cells[pearson].decode(Double?.self), let tau = try cells[kendall].decode(Double?.self) else { return nil }
            return ModelAccuracy(pearson: r, kendall: tau)
        }
        return TournamentEntry(
            tournament: try cells[0].decode(String.self), index: try cells[1].decode(Int.self), session: session, repetition: try cells[3].decode(Int.self),
            summary: try columns.summary(session: session), rounds: try cells[13].decode(Int.self), agreed: try cells[14].decode(Bool.self),
            buyerUtility: try cells[15].decode(Double.self), sellerUtility: try cells[16].decode(Double.self),
            buyerAdvantage: try cells[17].decode(Double.self), sellerAdvantage: try cells[18].decode(Double.self), welfare: try cells[19].decode(Double.self),
            distanceToNash: try cells[20].decode(Double?.self), distanceToPareto: try cells[21].decode(Double.self),
            buyerDiscountedUtility: try cells[22].decode(Double?.self), sellerDiscountedUtility: try cells[23].decode(Double?.self),
            buyerModelAccuracy: try accuracy(24, 25), sellerModelAccuracy: try accuracy(26, 27),
            buyerModelUsage: ModelUsageColumn.usage(try cells[28].decode(String?.self)),
            sellerModelUsage: ModelUsageColumn.usage(try cells[29].decode(String?.self))
        )
    }

    /// Appends the row's values to a multi-row insert.
    func bind(into bindings: inout PostgresBindings) {
        bindings.append(entry.tournament)
        bindings.append(entry.index)
        bindings.append(entry.session)
        bindings.append(entry.repetition)
        for text in [sessionID, scenarioID, buyer, seller, seed, startedAt, outcome] { bindings.append(text) }
        bindings.append(causedBy)
        bindings.append(turns)
        bindings.append(entry.rounds)
        bindings.append(entry.agreed)
        for value in [entry.buyerUtility, entry.sellerUtility, entry.buyerAdvantage, entry.sellerAdvantage, entry.welfare] { bindings.append(value) }
        bindings.append(entry.distanceToNash)
        bindings.append(entry.distanceToPareto)
        for value in [
            entry.buyerDiscountedUtility, entry.sellerDiscountedUtility, entry.buyerModelAccuracy?.pearson, entry.buyerModelAccuracy?.kendall,
            entry.sellerModelAccuracy?.pearson, entry.sellerModelAccuracy?.kendall,
        ] {
            bindings.append(value)
        }
        bindings.append(ModelUsageColumn.text(entry.buyerModelUsage))
        bindings.append(ModelUsageColumn.text(entry.sellerModelUsage))
    }

    /// The summary columns alone, for reading an entry.
    struct Summary: SummaryColumns {
        var sessionID = "", scenarioID = "", buyer = "", seller = "", seed = "", startedAt = "", outcome = ""
        var causedBy: String?
        var turns = 0
    }
}

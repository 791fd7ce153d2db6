public import ParleyAnalysis
public import ParleyRecords
import ParleyProtocol

/// One session's place in a tournament and what it measured: a row of `tournament_sessions`.
///
/// Written in the same transaction as the session it describes, so a tournament's rows are exactly its
/// completed sessions. Its ``summary`` is the session's (the same type a stored session has), so
/// `entry.buyer` and `entry.outcome` read as they do on a session. Utilities and distances come from the settlement
/// analysis; without an agreement each side's utility is its reservation value.
public struct TournamentEntry: SessionSummarized, Sendable, Hashable, Codable {
    /// The tournament's identifier.
    public var tournament: String
    /// The session's position in the tournament's enumeration, from 0.
    public var index: Int
    /// The stored session's number (set when stored).
    public var session: Int
    /// The repetition, from 0.
    public var repetition: Int
    /// Who played what, with which seed, and how it ended: `parley run --seed` with its seed replays it.
    public var summary: SessionSummary
    /// The number of rounds begun.
    public var rounds: Int
    /// Whether the session ended in agreement.
    public var agreed: Bool
    /// The buyer's utility of the outcome.
    public var buyerUtility: Double
    /// The seller's utility of the outcome.
    public var sellerUtility: Double
    /// The buyer's advantage, (u − r)/(max − r).
    public var buyerAdvantage: Double
    /// The seller's advantage.
    public var sellerAdvantage: Double
    /// The sum of both utilities.
    public var welfare: Double
    /// Distance to the Nash point in the two sides' utility space, when there is one.
    public var distanceToNash: Double?
    /// Distance to the Pareto frontier.
    public var distanceToPareto: Double
    /// The buyer's utility discounted to the settlement's time, when its profile discounts time.
    public var buyerDiscountedUtility: Double?
    /// The seller's utility discounted to the settlement's time, when its profile discounts time.
    public var sellerDiscountedUtility: Double?
    /// How well the buyer's opponent model had learned the seller's preferences, when the buyer carries one.
    public var buyerModelAccuracy: ModelAccuracy?
    /// How well the seller's opponent model had learned the buyer's preferences, when the seller carries one.
    public var sellerModelAccuracy: ModelAccuracy?
    /// What the buyer's consulted model cost (requests, tokens, money, latency), when the buyer consulted one.
    public var buyerModelUsage: ModelUsage?
    /// What the seller's consulted model cost, when the seller consulted one.
    public var sellerModelUsage: ModelUsage?

    /// Creates an entry.
    public init(
        tournament: String, index: Int, session: Int = 0, repetition: Int, summary: SessionSummary, rounds: Int, agreed: Bool,
        buyerUtility: Double, sellerUtility: Double, buyerAdvantage: Double, sellerAdvantage: Double, welfare: Double, distanceToNash: Double?,
        distanceToPareto: Double, buyerDiscountedUtility: Double? = nil, sellerDiscountedUtility: Double? = nil,
        buyerModelAccuracy: ModelAccuracy? = nil, sellerModelAccuracy: ModelAccuracy? = nil, buyerModelUsage: ModelUsage? = nil,
        sellerModelUsage: ModelUsage? = nil
    ) {
        self.tournament = tournament
        self.index = index
        self.session = session
        self.repetition = repetition
        self.summary = summary
        self.rounds = rounds
        self.agreed = agreed
        self.buyerUtility = buyerUtility
        self.sellerUtility = sellerUtility
        self.buyerAdvantage = buyerAdvantage
        self.sellerAdvantage = sellerAdvantage
        self.welfare = welfare
        self.distanceToNash = distanceToNash
        self.distanceToPareto = distanceToPareto
        self.buyerDiscountedUtility = buyerDiscountedUtility
        self.sellerDiscountedUtility = sellerDiscountedUtility
        self.buyerModelAccuracy = buyerModelAccuracy
        self.sellerModelAccuracy = sellerModelAccuracy
        self.buyerModelUsage = buyerModelUsage
        self.sellerModelUsage = sellerModelUsage
    }

    /// What the buyer's principal got: its discounted utility when its profile discounts time, its utility otherwise.
    public var buyerPayoff: Double { buyerDiscountedUtility ?? buyerUtility }
    /// What the seller's principal got: its discounted utility when its profile discounts time, its utility otherwise.
    public var sellerPayoff: Double { sellerDiscountedUtility ?? sellerUtility }
}

extension TournamentEntry {
    /// The entry a finished session makes at a position of a tournament: its summary from the record, its measures
    /// from the settlement analysis (zeros when the session was not analyzed).
    public init(tournament: String, index: Int, session: Int = 0, repetition: Int, record: SessionRecord) {
        let settlement = record.settlement
        let analysis = settlement.analysis
        self.init(
            tournament: tournament, index: index, session: session, repetition: repetition, summary: SessionSummary(record: record),
            rounds: settlement.rounds, agreed: settlement.outcome.agreement != nil, buyerUtility: analysis?.buyer.utility ?? 0,
            sellerUtility: analysis?.seller.utility ?? 0, buyerAdvantage: analysis?.buyer.advantage ?? 0,
            sellerAdvantage: analysis?.seller.advantage ?? 0, welfare: analysis?.socialWelfare ?? 0, distanceToNash: analysis?.distanceToNash,
            distanceToPareto: analysis?.distanceToPareto ?? 0, buyerDiscountedUtility: analysis?.buyer.discountedUtility,
            sellerDiscountedUtility: analysis?.seller.discountedUtility, buyerModelAccuracy: analysis?.buyer.modelAccuracy,
            sellerModelAccuracy: analysis?.seller.modelAccuracy, buyerModelUsage: ModelUsage(entries: record.transcript.entries, side: .buyer),
            sellerModelUsage: ModelUsage(entries: record.transcript.entries, side: .seller)
        )
    }

    /// The name of the first field that differs from another entry's, if one does: a summary field by its column
    /// name (`buyer`, `outcome` …), any other by its property name (`buyerUtility` …).
    func firstDifference(from other: TournamentEntry) -> String? {
        if let column = summary.firstDifference(from: other.summary) { return column }
        return zip(Mirror(reflecting: self).children, Mirror(reflecting: other).children)
            .first { String(describing: $0.value) != String(describing: $1.value) }?.0.label
    }
}

/// A tournament as the store keeps it.
public struct StoredTournament: Sendable, Hashable, Codable {
    /// The identifier, derived from the plan.
    public var id: String
    /// When it was first started, ISO 8601.
    public var createdAt: String
    /// How many sessions it has in all.
    public var total: Int
    /// Its plan, as JSON.
    public var plan: String
    /// How many of its sessions are stored.
    public var completed: Int

    /// Creates a stored tournament.
    public init(id: String, createdAt: String, total: Int, plan: String, completed: Int) {
        self.id = id
        self.createdAt = createdAt
        self.total = total
        self.plan = plan
        self.completed = completed
    }
}

import ParleyAnalysis
import ParleyLedger
import ParleyProtocol
import ParleyRecords

/// What the HTML report embeds for its script, as compact JSON: sessions column by column, and each replayable
/// session's moves in the two sides' utility space.
struct HTMLReportData: Encodable {
    /// The agents, in plan order; sessions name them by position.
    var agents: [String]
    /// The scenarios, in plan order.
    var scenarios: [ScenarioData]
    /// The embedded sessions, one array per column.
    var sessions = SessionColumns()
    /// Replays by session position in the tournament (as text: JSON keys).
    var replays: [String: Replay] = [:]

    /// A scenario's picture in utility space.
    struct ScenarioData: Encodable {
        var id: String
        /// The Pareto frontier's points, `[buyer, seller]`.
        var frontier: [[Double]] = []
        var nash: [Double]?
        var kalaiSmorodinsky: [Double]?
        var egalitarian: [Double]?
        /// Both reservation values, `[buyer, seller]`.
        var reservations: [Double] = []
        /// How many outcomes the scenario has.
        var outcomes: Int = 0
        /// The share of outcomes acceptable to both sides.
        var acceptableShare: Double = 0
        /// The opposition of the two profiles (Baarslag et al. 2013).
        var opposition: Double = 0
    }

    /// Sessions, column by column.
    struct SessionColumns: Encodable {
        var index: [Int] = []
        var session: [Int] = []
        var scenario: [Int] = []
        var buyer: [Int] = []
        var seller: [Int] = []
        var repetition: [Int] = []
        var outcome: [String] = []
        var causedBy: [String?] = []
        var rounds: [Int] = []
        var buyerUtility: [Double] = []
        var sellerUtility: [Double] = []
        var distanceToPareto: [Double] = []
    }

    /// Every distinct move text of the replays (an action and its terms), which moves name by position: agents
    /// repeat offers, so each text is stored once.
    var moveTexts: [String] = []

    /// One session's moves and end.
    struct Replay: Encodable {
        /// Each move: `[turn, side (0 buyer, 1 seller), buyer utility, seller utility, text]`; utilities (to 4
        /// decimals) are those of the offer made, or of the offer accepted, and `null` for a move without terms;
        /// the text is a position in ``HTMLReportData/moveTexts``.
        var moves: [[Double?]] = []
        /// Notes by move position, for the moves that have one.
        var notes: [String: String] = [:]
        /// Decision traces (LLM agents) by move position, as JSON text.
        var traces: [String: String] = [:]
        /// How it ended.
        var outcome: String = ""
        /// The agreement's utilities, `[buyer, seller]`, if any.
        var agreement: [Double]?
        /// Distances to the frontier and the Nash point.
        var distanceToPareto: Double = 0
        var distanceToNash: Double?
        /// The chain's final hash.
        var finalHash: String = ""
        /// "signed and verified", "unsigned, chain verified", or what verification found.
        var integrity: String = ""
    }
}

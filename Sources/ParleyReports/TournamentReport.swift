public import Foundation
public import ParleyTournament
import ParleyAnalysis
import ParleyProtocol
public import ParleyLedger

/// Everything a tournament reports, rebuilt from the store alone: the leaderboard, and with an output folder
/// `leaderboard.md`, `leaderboard.csv`, `sessions.csv` (one row per session), `tournament.json`, `summary.svg`
/// and `index.html` (``HTMLReport``). The store is read as a stream, so reports of any size fit in memory.
public struct TournamentReport: Sendable {
    /// The tournament as stored.
    public let tournament: StoredTournament
    /// Its plan.
    public let plan: TournamentPlan.Description
    /// Its leaderboard.
    public let leaderboard: Leaderboard

    /// The report of a stored tournament.
    public init(store: some TranscriptStore, tournament id: String) throws {
        tournament = try store.tournament(id)
        plan = try WireCodec().decode(TournamentPlan.Description.self, from: Data(tournament.plan.utf8))
        leaderboard = try Leaderboard(store: store, tournament: id, agents: plan.agents)
    }

    /// A one-line title: the id, the scenarios and how much is done.
    public var title: String {
        "Tournament \(tournament.id) · " + plan.scenarios.map(\.id).joined(separator: ", ")
            + (tournament.completed < tournament.total ? " · \(tournament.completed) of \(tournament.total) sessions (incomplete)" : "")
    }

    /// The files written by ``write(to:store:)``.
    public static let files = ["leaderboard.md", "leaderboard.csv", "sessions.csv", "tournament.json", "summary.svg", "index.html"]

    /// Writes every report file into `folder`, creating it if needed.
    public func write(to folder: URL, store: some TranscriptStore) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(("# \(title)\n\n" + leaderboard.markdown).utf8).write(to: folder.appendingPathComponent("leaderboard.md"))
        try Data(leaderboard.csv.utf8).write(to: folder.appendingPathComponent("leaderboard.csv"))
        try writeSessions(to: folder.appendingPathComponent("sessions.csv"), store: store)
        let summary = Summary(id: tournament.id, createdAt: tournament.createdAt, total: tournament.total, completed: tournament.completed, plan: plan, leaderboard: leaderboard)
        try (WireCodec().encode(summary, pretty: true) + Data("\n".utf8)).write(to: folder.appendingPathComponent("tournament.json"))
        try Data(TournamentChart(leaderboard: leaderboard, title: title).svg().utf8).write(to: folder.appendingPathComponent("summary.svg"))
        try Data(HTMLReport(report: self).html(store: store).utf8).write(to: folder.appendingPathComponent("index.html"))
    }

    /// `tournament.json`.
    public struct Summary: Sendable, Hashable, Codable {
        /// The tournament's identifier.
        public var id: String
        /// When it was first started.
        public var createdAt: String
        /// Sessions planned.
        public var total: Int
        /// Sessions stored.
        public var completed: Int
        /// The plan.
        public var plan: TournamentPlan.Description
        /// The leaderboard.
        public var leaderboard: Leaderboard
    }

    /// The header of `sessions.csv`. The discounted utilities are empty for a side whose profile does not discount time,
    /// the model correlations for a side that carries no opponent model.
    public static let sessionColumns = [
        "index", "session", "scenario", "buyer", "seller", "repetition", "seed", "outcome", "caused_by", "turns", "rounds", "agreed",
        "buyer_utility", "seller_utility", "buyer_advantage", "seller_advantage", "welfare", "distance_to_nash", "distance_to_pareto",
        "buyer_discounted_utility", "seller_discounted_utility", "buyer_model_pearson", "buyer_model_kendall", "seller_model_pearson",
        "seller_model_kendall",
    ]

    private func writeSessions(to url: URL, store: some TranscriptStore) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Self.sessionColumns.joined(separator: ",") + "\n"
        try store.forEachEntry(of: tournament.id) { entry in
            let fields: [String] = [
                "\(entry.index)", "\(entry.session)", entry.scenarioID, entry.buyer, entry.seller, "\(entry.repetition)", "\(entry.seed)", entry.outcome.rawValue,
                entry.causedBy?.rawValue ?? "", "\(entry.turns)", "\(entry.rounds)", entry.agreed ? "true" : "false", "\(entry.buyerUtility)", "\(entry.sellerUtility)",
                "\(entry.buyerAdvantage)", "\(entry.sellerAdvantage)", "\(entry.welfare)", entry.distanceToNash.map { "\($0)" } ?? "", "\(entry.distanceToPareto)",
                entry.buyerDiscountedUtility.map { "\($0)" } ?? "", entry.sellerDiscountedUtility.map { "\($0)" } ?? "",
                entry.buyerModelAccuracy.map { "\($0.pearson)" } ?? "", entry.buyerModelAccuracy.map { "\($0.kendall)" } ?? "",
                entry.sellerModelAccuracy.map { "\($0.pearson)" } ?? "", entry.sellerModelAccuracy.map { "\($0.kendall)" } ?? "",
            ]
            buffer += fields.map(CSV.field).joined(separator: ",") + "\n"
            if buffer.utf8.count > 1 << 16 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
    }
}

public import Foundation
public import ParleyLedger
import ParleyProtocol
public import ParleyTournament

/// Everything a multi-deal tournament reports, rebuilt from the store alone: the centres' and the edge agents'
/// leaderboards, and with an output folder `multi-deal-leaderboard.md`, `centres.csv`, `edges.csv` and
/// `negotiations.csv` (one row per stored negotiation).
public struct MultiDealTournamentReport: Sendable {
    /// The tournament as stored.
    public let tournament: StoredTournament
    /// Its plan.
    public let plan: MultiDealTournamentPlan.Description
    /// Its leaderboard.
    public let leaderboard: MultiDealLeaderboard

    /// The report of a stored multi-deal tournament.
    public init(store: some TranscriptStore, tournament id: String) throws {
        tournament = try store.tournament(id)
        plan = try WireCodec().decode(MultiDealTournamentPlan.Description.self, from: Data(tournament.plan.utf8))
        leaderboard = try MultiDealLeaderboard(store: store, tournament: id)
    }

    /// The files written by ``write(to:store:)``.
    public static let files = ["multi-deal-leaderboard.md", "centres.csv", "edges.csv", "negotiations.csv"]

    /// A one-line title: the id, the scenarios and how much is done.
    public var title: String {
        "Multi-deal tournament \(tournament.id) · " + plan.scenarios.map(\.id).joined(separator: ", ")
            + (tournament.completed < tournament.total ? " · \(tournament.completed) of \(tournament.total) negotiations (incomplete)" : "")
    }

    /// Both leaderboards as plain-text tables for the terminal.
    public var table: String {
        [
            "Centres (ranked by mean utility of their deals to the principal):", Self.text(centreHeaders, centreRows), "",
            "Edge agents (ranked by mean utility over their sessions):", Self.text(edgeHeaders, edgeRows), "",
            "\(leaderboard.negotiations) negotiations.",
        ].joined(separator: "\n")
    }

    /// Both leaderboards as Markdown tables.
    public var markdown: String {
        func table(_ headers: [String], _ rows: [[String]]) -> [String] {
            ["| " + headers.joined(separator: " | ") + " |", "|---|" + String(repeating: "---:|", count: headers.count - 1)]
                + rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        }
        let lines = ["# \(title)", "", "## Centres", ""] + table(centreHeaders, centreRows) + ["", "## Edge agents", ""] + table(edgeHeaders, edgeRows)
            + ["", "\(leaderboard.negotiations) negotiations. Utility is ± the 95% confidence interval; regret is against the best combination reachable had every edge's profile been known."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per centre, every figure at full precision.
    public var centresCSV: String {
        CSV.line(["centre", "negotiations", "mean_utility", "utility_ci95", "mean_regret", "mean_deals", "no_deal_rate", "mean_welfare"])
            + leaderboard.centres.map { row in
                CSV.line([row.centre, "\(row.negotiations)", "\(row.meanUtility)", Self.optional(row.utilityInterval), Self.optional(row.meanRegret), "\(row.meanDeals)", "\(row.noDealRate)", "\(row.meanWelfare)"])
            }.joined()
    }

    /// One line per edge agent, every figure at full precision.
    public var edgesCSV: String {
        CSV.line(["agent", "sessions", "mean_utility", "utility_ci95", "mean_advantage", "agreement_rate", "superseded_rate"])
            + leaderboard.edges.map { row in
                CSV.line([row.agent, "\(row.sessions)", "\(row.meanUtility)", Self.optional(row.utilityInterval), "\(row.meanAdvantage)", "\(row.agreementRate)", "\(row.supersededRate)"])
            }.joined()
    }

    /// Writes every report file into `folder`, creating it if needed.
    public func write(to folder: URL, store: some TranscriptStore) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("multi-deal-leaderboard.md"))
        try Data(centresCSV.utf8).write(to: folder.appendingPathComponent("centres.csv"))
        try Data(edgesCSV.utf8).write(to: folder.appendingPathComponent("edges.csv"))
        var negotiations = CSV.line([
            "position", "repetition", "multi_deal", "multi_deal_id", "scenario", "mode", "centre", "edges", "seed", "deals", "centre_utility", "regret", "welfare",
            "sessions", "final_hash",
        ])
        var rows: [(Int, String)] = []
        try store.forEachMultiDeal(of: tournament.id) { stored in
            let summary = stored.summary
            rows.append((stored.position?.index ?? 0, CSV.line([
                "\(stored.position?.index ?? 0)", "\(stored.position?.repetition ?? 0)", "\(stored.number)", summary.multiDealID, summary.scenarioID,
                summary.mode.rawValue, summary.centre, summary.edges.map(\.agent).joined(separator: ";"), "\(summary.seed)", "\(summary.deals)",
                "\(summary.centreUtility)", Self.optional(summary.regret), "\(summary.welfare)", stored.sessions.map(String.init).joined(separator: ";"), stored.finalHash,
            ])))
        }
        negotiations += rows.sorted { $0.0 < $1.0 }.map(\.1).joined()
        try Data(negotiations.utf8).write(to: folder.appendingPathComponent("negotiations.csv"))
    }

    private var centreHeaders: [String] { ["rank", "centre", "negotiations", "utility", "regret", "deals", "no deal", "welfare"] }

    private var centreRows: [[String]] {
        leaderboard.centres.enumerated().map { place, row in
            ["\(place + 1)", row.centre, "\(row.negotiations)", Self.mean(row.meanUtility, row.utilityInterval), row.meanRegret.map { Self.fixed($0) } ?? "–",
             String(format: "%.2f", row.meanDeals), Self.percent(row.noDealRate), Self.fixed(row.meanWelfare)]
        }
    }

    private var edgeHeaders: [String] { ["rank", "agent", "sessions", "utility", "advantage", "agreed", "superseded"] }

    private var edgeRows: [[String]] {
        leaderboard.edges.enumerated().map { place, row in
            ["\(place + 1)", row.agent, "\(row.sessions)", Self.mean(row.meanUtility, row.utilityInterval), Self.fixed(row.meanAdvantage),
             Self.percent(row.agreementRate), Self.percent(row.supersededRate)]
        }
    }

    /// A table with its columns aligned: the first two (rank and name) to the left, figures to the right.
    private static func text(_ headers: [String], _ rows: [[String]]) -> String {
        let widths = headers.indices.map { column in ([headers] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column <= 1 ? cell + pad : pad + cell
            }.joined(separator: "  ").replacing(/\s+$/, with: "").escapingControlCharacters
        }
        return ([line(headers), String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))] + rows.map(line)).joined(separator: "\n")
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
    private static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
    private static func mean(_ value: Double, _ interval: Double?) -> String { fixed(value) + (interval.map { " ± " + fixed($0) } ?? "") }
    private static func optional(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
}

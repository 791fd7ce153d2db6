import Foundation
public import ParleyRecords
import ParleyAnalysis
import ParleyProtocol

/// A multi-deal negotiation as people read it (what `parley rfq` prints): each edge's session in one line, with how
/// it ended, the deals in the order they were made, and the analysis: the centre's utility against the best
/// combination it could have reached, its regret, welfare, and each edge's utility and advantage. With `turns`,
/// every session's moves follow, as `parley run` prints them.
public struct MultiDealReport: Sendable {
    /// The negotiation.
    public let record: MultiDealRecord
    /// Whether every session's moves are printed too.
    public let turns: Bool

    /// A report of a negotiation.
    public init(record: MultiDealRecord, turns: Bool = false) {
        self.record = record
        self.turns = turns
    }

    /// The report, with every control character in text from the agents escaped.
    public var text: String {
        lines.map(\.escapingControlCharacters).joined(separator: "\n")
    }

    private var lines: [String] {
        let scenario = record.scenario
        let analysis = record.settlement.analysis
        var lines = [
            "\(scenario.name) (\(scenario.id)) · \(scenario.mode) · seed \(record.seed)",
            "centre (\(scenario.centre)): \(record.centre.spec) · need: \(Self.describe(scenario.need)) · \(scenario.edges.count) edges",
            "",
            "edge                  agent                 turns  end",
        ]
        for session in record.sessions {
            let edgeAgent = scenario.centre == .buyer ? session.record.transcript.header.seller : session.record.transcript.header.buyer
            lines.append(
                Self.pad(session.edge, 21) + " " + Self.pad(edgeAgent.spec, 21) + " " + Self.pad("\(session.record.settlement.turns)", 5, right: true) + "  "
                    + describe(session.end, in: scenario.edges.first { $0.id == session.edge }?.scenario.scenario)
            )
        }
        lines.append("")
        if record.settlement.deals.isEmpty {
            lines.append("No deal.")
        } else {
            lines.append("Deals, in the order they were made:")
            for (number, deal) in record.settlement.deals.enumerated() {
                let issues = scenario.edges.first { $0.id == deal.edge }?.scenario.scenario
                lines.append("  \(number + 1). \(deal.edge): \(format(deal.agreement.terms, in: issues))")
            }
        }
        lines.append("")
        lines.append(String(format: "centre utility %.3f", analysis.centreUtility) + (analysis.best.map { String(format: " · best reachable %.3f · regret %.3f", $0, analysis.regret ?? 0) } ?? " · best reachable: too many totals to search"))
        if !analysis.bestDeals.isEmpty {
            lines.append("best combination: " + analysis.bestDeals.map { deal in
                "\(deal.edge) " + format(deal.terms, in: scenario.edges.first { $0.id == deal.edge }?.scenario.scenario)
            }.joined(separator: "; "))
        }
        lines.append(String(format: "welfare %.3f", analysis.welfare))
        for edge in analysis.edges {
            lines.append("  " + Self.pad(edge.edge, 21) + String(format: " utility %.3f · advantage %.3f", edge.utility, edge.advantage) + (edge.agreed ? "" : " (no deal)"))
        }
        if turns {
            for session in record.sessions {
                lines += ["", "── \(session.edge) " + String(repeating: "─", count: 40)]
                lines += ReadableReport(record: session.record, landscape: nil).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return lines
    }

    private func describe(_ end: EdgeEnd, in scenario: Scenario?) -> String {
        switch end {
        case .superseded(let supersession): supersession.description
        case .outcome(.agreement(let agreement)): "agreement on " + format(agreement.terms, in: scenario)
        case .outcome(let outcome): outcome.typeName
        }
    }

    /// Terms as people read them, as ``ReadableReport`` writes them.
    private func format(_ terms: Terms, in scenario: Scenario?) -> String {
        scenario.map { ReadableReport.format(terms, in: $0) } ?? "\(terms)"
    }

    private static func describe(_ need: Need) -> String {
        switch need {
        case .single: "one supplier"
        case .split(let issue, let total, let penalty): "\(total) of \(issue) in all" + (penalty > 0 ? String(format: ", shortfall penalty %.2f", penalty) : "")
        case .table(let combinations): "one of \(combinations.count) combinations"
        }
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let cut = text.count > width ? String(text.prefix(width - 1)) + "…" : text
        let space = String(repeating: " ", count: max(0, width - cut.count))
        return right ? space + cut : cut + space
    }
}

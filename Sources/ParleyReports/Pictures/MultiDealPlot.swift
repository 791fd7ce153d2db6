import Foundation
import ParleyAnalysis
public import ParleyRecords
import ParleyProtocol

/// A picture of a multi-deal negotiation over time: one lane per edge, side by side on one time axis (the step, in
/// which every open session takes a turn; in sequential mode the sessions follow one another), each lane showing both
/// sides' offers by their utility to the centre, how the session ended, and every commitment marked across all lanes.
public struct MultiDealPlot: Sendable {
    /// The negotiation.
    public let record: MultiDealRecord

    /// A plot of a negotiation.
    public init(record: MultiDealRecord) {
        self.record = record
    }

    /// The SVG document; throws when a profile does not fit its edge's scenario.
    public func svg() throws -> String {
        let scenario = record.scenario
        let lane = 110.0, left = 170.0, width = 620.0, top = 70.0
        // Where each session starts on the time axis: at 0 in parallel, after the ones before it in sequence.
        var offsets: [Int] = []
        var next = 0
        for session in record.sessions {
            offsets.append(scenario.mode == .parallel ? 0 : next)
            next += session.record.transcript.entries.count
        }
        let steps = max(1, zip(offsets, record.sessions).map { $0 + $1.record.transcript.entries.count }.max() ?? 1)
        func x(_ step: Double) -> Double { left + step / Double(steps) * width }
        var canvas = SVGCanvas(width: left + width + 30, height: top + lane * Double(record.sessions.count) + 50)
        canvas.text("\(scenario.name): \(record.centre.spec) as \(scenario.centre), \(scenario.mode)", x: 20, y: 26, size: 15, weight: "bold")
        canvas.text(
            String(format: "centre utility %.3f", record.settlement.analysis.centreUtility)
                + (record.settlement.analysis.regret.map { String(format: " · regret %.3f", $0) } ?? "") + " · offers by their utility to the centre; blue: centre, orange: edge",
            x: 20, y: 46, size: 12, fill: "#444"
        )
        var commitments: [(step: Double, edge: String)] = []
        for (row, session) in record.sessions.enumerated() {
            let y0 = top + Double(row) * lane
            let height = lane - 24
            canvas.rect(x: left, y: y0, width: width, height: height, fill: "#fafafa", stroke: "#bbb")
            canvas.text(session.edge, x: left - 10, y: y0 + height / 2, size: 12, anchor: "end", weight: "bold")
            let edgeAgent = scenario.centre == .buyer ? session.record.transcript.header.seller : session.record.transcript.header.buyer
            canvas.text(edgeAgent.spec, x: left - 10, y: y0 + height / 2 + 16, size: 11, anchor: "end", fill: "#555")
            guard let edge = scenario.edges.first(where: { $0.id == session.edge }), let profile = edge.scenario.profile(for: scenario.centre) else { continue }
            let utility = try UtilityFunction(profile: profile, scenario: edge.scenario.scenario)
            func y(_ value: Double) -> Double { y0 + height - min(1, max(0, value)) * height }
            for (role, color) in [(scenario.centre, "#1f77b4"), (scenario.edgeRole, "#e6550d")] {
                let points = session.record.transcript.entries.filter { $0.by == role && $0.violation == nil }.compactMap { entry -> (Double, Double)? in
                    entry.action.offeredTerms.flatMap { utility.utility(of: $0) }.map { (x(Double(offsets[row] + entry.turn)), y($0)) }
                }
                canvas.polyline(points, stroke: color, width: 1.5, opacity: 0.8)
            }
            let end = x(Double(offsets[row] + session.record.transcript.entries.count))
            switch session.end {
            case .outcome(.agreement(let agreement)):
                let worth = utility.utility(of: agreement.terms) ?? 0
                canvas.circle(x: end, y: y(worth), radius: 6, fill: "none", stroke: "#d62728", strokeWidth: 2.5, title: String(format: "agreement worth %.3f to the centre", worth))
                commitments.append((Double(offsets[row] + session.record.transcript.entries.count), session.edge))
            case .superseded(let supersession):
                canvas.text("✕ " + supersession.description, x: min(end + 6, left + width - 4), y: y0 + 14, size: 10, anchor: end + 6 > left + width - 200 ? "end" : "start", fill: "#777")
            case .outcome(let outcome):
                canvas.text(outcome.typeName, x: min(end + 6, left + width - 4), y: y0 + 14, size: 10, anchor: end + 6 > left + width - 60 ? "end" : "start", fill: "#777")
            }
        }
        // Deals made at the same step share one line and one label.
        for (step, edges) in Dictionary(grouping: commitments, by: \.step).sorted(by: { $0.key < $1.key }) {
            let at = x(step)
            canvas.line(x1: at, y1: top - 6, x2: at, y2: top + lane * Double(record.sessions.count) - 24, stroke: "#d62728", width: 1, dashed: true)
            let label = (edges.count == 1 ? "deal: " : "deals: ") + edges.map(\.edge).joined(separator: ", ")
            canvas.text(label, x: at, y: top - 10, size: 10, anchor: at > left + width - 120 ? "end" : at < left + 120 ? "start" : "middle", fill: "#d62728")
        }
        let bottom = top + lane * Double(record.sessions.count) - 8
        canvas.text("0", x: left, y: bottom, size: 11, anchor: "middle", fill: "#555")
        canvas.text("\(steps)", x: left + width, y: bottom, size: 11, anchor: "middle", fill: "#555")
        canvas.text(scenario.mode == .parallel ? "step (every open session takes a turn)" : "turns, one session after another", x: left + width / 2, y: bottom + 18, size: 12, anchor: "middle")
        return canvas.document
    }
}

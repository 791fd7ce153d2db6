import Foundation
import ParleyAnalysis
public import ParleyRecords
public import ParleyProtocol

/// A picture of one session in the two sides' utility space: each side's offers in order, the Pareto frontier,
/// the Nash, Kalai–Smorodinsky and egalitarian points, both reservation values, and the agreement.
public struct SessionPlot: Sendable {
    /// The session.
    public let record: SessionRecord
    /// Both sides' profiles, which place every offer.
    public let profiles: [Role: Profile]

    /// A plot of a session judged with these profiles.
    public init(record: SessionRecord, profiles: [Role: Profile]) {
        self.record = record
        self.profiles = profiles
    }

    /// The SVG document; throws when the profiles do not fit the scenario.
    public func svg() throws -> String {
        let scenario = record.transcript.header.scenario
        guard let buyerProfile = profiles[.buyer], let sellerProfile = profiles[.seller] else {
            throw ReportError(.missingProfiles, "plotting a session needs both profiles, and this one was stored without them")
        }
        let landscape = try OutcomeLandscape(scenario: scenario, buyer: buyerProfile, seller: sellerProfile)
        var canvas = SVGCanvas(width: 760, height: 600)
        let plot = UnitPlot(left: 70, top: 60, size: 480)
        let header = record.transcript.header
        canvas.text("\(scenario.name): \(header.buyer.spec) (buyer) vs \(header.seller.spec) (seller)", x: 20, y: 26, size: 15, weight: "bold")
        canvas.text(Self.describe(record.settlement), x: 20, y: 46, size: 12, fill: "#444")
        plot.drawAxes(on: &canvas, xLabel: "buyer's utility", yLabel: "seller's utility")

        canvas.line(x1: plot.x(buyerProfile.reservation), y1: plot.top, x2: plot.x(buyerProfile.reservation), y2: plot.top + plot.size, stroke: "#1f77b4", dashed: true)
        canvas.line(x1: plot.left, y1: plot.y(sellerProfile.reservation), x2: plot.left + plot.size, y2: plot.y(sellerProfile.reservation), stroke: "#e6550d", dashed: true)

        let frontier = landscape.frontier.points.sorted { $0.buyer < $1.buyer }
        canvas.polyline(frontier.map { (plot.x($0.buyer), plot.y($0.seller)) }, stroke: "#555", width: 1.5)
        for (role, color) in [(Role.buyer, "#1f77b4"), (.seller, "#e6550d")] {
            let offers = record.transcript.entries.filter { $0.by == role && $0.violation == nil }.compactMap { entry in
                entry.action.offeredTerms.flatMap(landscape.utilities(of:)).map { (entry.turn, $0) }
            }
            canvas.polyline(offers.map { (plot.x($0.1.buyer), plot.y($0.1.seller)) }, stroke: color, width: 1, opacity: 0.5)
            for (turn, point) in offers {
                canvas.circle(
                    x: plot.x(point.buyer), y: plot.y(point.seller), radius: 3.2, fill: color,
                    title: String(format: "turn %d, %@ offer: buyer %.3f, seller %.3f", turn, role.rawValue, point.buyer, point.seller)
                )
            }
        }
        // Drawn last to first, so that the Nash point is on top where points coincide.
        for (marker, point) in [(SolutionMarker.egalitarian, landscape.egalitarian), (.kalaiSmorodinsky, landscape.kalaiSmorodinsky), (.nash, landscape.nash)] {
            guard let point else { continue }
            marker.draw((point.buyer, point.seller), detail: "", on: &canvas, in: plot)
        }
        if let agreement = record.settlement.outcome.agreement, let point = landscape.utilities(of: agreement.terms) {
            canvas.circle(
                x: plot.x(point.buyer), y: plot.y(point.seller), radius: 9, fill: "none", stroke: "#d62728", strokeWidth: 3,
                title: String(format: "agreement: buyer %.3f, seller %.3f", point.buyer, point.seller)
            )
        }
        Self.legend(on: &canvas, left: 575, top: 70)
        return canvas.document
    }

    static func legend(on canvas: inout SVGCanvas, left: Double, top: Double) {
        var y = top
        func row(_ label: String, draw: (inout SVGCanvas, Double, Double) -> Void) {
            draw(&canvas, left + 8, y)
            canvas.text(label, x: left + 22, y: y + 4, size: 12)
            y += 24
        }
        row("buyer's offers") { $0.circle(x: $1, y: $2, radius: 4, fill: "#1f77b4") }
        row("seller's offers") { $0.circle(x: $1, y: $2, radius: 4, fill: "#e6550d") }
        row("Pareto frontier") { $0.line(x1: $1 - 8, y1: $2, x2: $1 + 8, y2: $2, stroke: "#555", width: 1.5) }
        for marker in [SolutionMarker.nash, .kalaiSmorodinsky, .egalitarian] { row(marker.name) { marker.draw(&$0, $1, $2, 6, nil) } }
        row("agreement") { $0.circle(x: $1, y: $2, radius: 7, fill: "none", stroke: "#d62728", strokeWidth: 3) }
        row("buyer's reservation") { $0.line(x1: $1 - 8, y1: $2, x2: $1 + 8, y2: $2, stroke: "#1f77b4", dashed: true) }
        row("seller's reservation") { $0.line(x1: $1 - 8, y1: $2, x2: $1 + 8, y2: $2, stroke: "#e6550d", dashed: true) }
    }

    static func describe(_ settlement: Settlement) -> String {
        var text = "\(settlement.outcome.typeName)"
        if let role = settlement.outcome.causedBy { text += " by the \(role)" }
        text += " after \(settlement.turns) turns"
        if let analysis = settlement.analysis {
            text += String(format: " · buyer %.3f, seller %.3f · distance to Pareto %.3f", analysis.buyer.utility, analysis.seller.utility, analysis.distanceToPareto)
        }
        return text
    }
}

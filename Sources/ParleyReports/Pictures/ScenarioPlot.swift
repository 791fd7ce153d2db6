import Foundation
public import ParleyAnalysis
public import ParleyProtocol

/// A picture of a scenario in the two sides' utility space before anyone negotiates: its outcomes (every one up to
/// ``maximumDots``, an even sample beyond), the Pareto frontier, both reservation values, and the Nash,
/// Kalai–Smorodinsky, egalitarian and maximum-welfare points (`parley scenario plot`).
public struct ScenarioPlot: Sendable {
    /// The most outcomes drawn as dots; larger spaces are drawn by every n-th outcome.
    public static let maximumDots = 4_000

    /// The scenario.
    public let scenario: Scenario
    /// Its landscape under both profiles.
    public let landscape: OutcomeLandscape

    /// A plot of a scenario under both sides' profiles.
    public init(scenario: Scenario, landscape: OutcomeLandscape) {
        self.scenario = scenario
        self.landscape = landscape
    }

    /// The SVG document.
    public func svg() -> String {
        let statistics = ScenarioStatistics(landscape)
        var canvas = SVGCanvas(width: 780, height: 600)
        let plot = UnitPlot(left: 70, top: 60, size: 480)
        canvas.text(scenario.name, x: 20, y: 26, size: 15, weight: "bold")
        let sampled = statistics.outcomeCount > Self.maximumDots ? ", one in \(stride(for: statistics.outcomeCount)) drawn" : ""
        canvas.text(
            "\(statistics.outcomeCount) outcomes\(sampled) · \(statistics.frontier.count) on the Pareto frontier · opposition "
                + String(format: "%.3f", statistics.opposition) + " · acceptable to both: " + String(format: "%.1f%%", statistics.acceptableShare * 100),
            x: 20, y: 46, size: 12, fill: "#444"
        )
        plot.drawAxes(on: &canvas, xLabel: "buyer's utility", yLabel: "seller's utility")
        let step = stride(for: statistics.outcomeCount)
        for ordinal in Swift.stride(from: 0, to: statistics.outcomeCount, by: step) {
            let terms = landscape.space.terms(at: ordinal)
            guard let point = landscape.utilities(of: terms) else { continue }
            canvas.circle(x: plot.x(point.buyer), y: plot.y(point.seller), radius: 1.6, fill: "#9ecae1")
        }
        let (buyerReservation, sellerReservation) = (landscape.buyer.reservation, landscape.seller.reservation)
        canvas.line(x1: plot.x(buyerReservation), y1: plot.top, x2: plot.x(buyerReservation), y2: plot.top + plot.size, stroke: "#1f77b4", dashed: true)
        canvas.line(x1: plot.left, y1: plot.y(sellerReservation), x2: plot.left + plot.size, y2: plot.y(sellerReservation), stroke: "#e6550d", dashed: true)
        canvas.polyline(statistics.frontier.sorted { $0.buyer < $1.buyer }.map { (plot.x($0.buyer), plot.y($0.seller)) }, stroke: "#555", width: 1.5)
        // Drawn last to first, so that the Nash point is on top where points coincide.
        for (marker, point) in Self.markers.reversed() {
            guard let point = statistics[keyPath: point] else { continue }
            marker.draw((point.buyer, point.seller), detail: point.terms.description, on: &canvas, in: plot)
        }
        var y = 70.0
        func row(_ label: String, draw: (inout SVGCanvas, Double, Double) -> Void) {
            draw(&canvas, 583, y)
            canvas.text(label, x: 597, y: y + 4, size: 12)
            y += 24
        }
        row("an outcome") { $0.circle(x: $1, y: $2, radius: 3, fill: "#9ecae1") }
        row("Pareto frontier") { $0.line(x1: $1 - 8, y1: $2, x2: $1 + 8, y2: $2, stroke: "#555", width: 1.5) }
        for (marker, _) in Self.markers { row(marker.name) { marker.draw(&$0, $1, $2, 6, nil) } }
        row("buyer's reservation") { $0.line(x1: $1 - 8, y1: $2, x2: $1 + 8, y2: $2, stroke: "#1f77b4", dashed: true) }
        row("seller's reservation") { $0.line(x1: $1 - 8, y1: $2, x2: $1 + 8, y2: $2, stroke: "#e6550d", dashed: true) }
        if statistics.nash == nil {
            canvas.text("No outcome is acceptable to both sides: there is no Nash, Kalai–Smorodinsky, egalitarian or maximum-welfare point.", x: 20, y: 590, size: 12, fill: "#d62728")
        }
        return canvas.document
    }

    private func stride(for count: Int) -> Int { max(1, (count + Self.maximumDots - 1) / Self.maximumDots) }

    /// The solution points, each with where the statistics keep it.
    private static let markers: [(SolutionMarker, any KeyPath<ScenarioStatistics, OutcomePoint?> & Sendable)] = [
        (.nash, \.nash), (.kalaiSmorodinsky, \.kalaiSmorodinsky), (.egalitarian, \.egalitarian), (.maximumWelfare, \.maximumWelfare),
    ]
}

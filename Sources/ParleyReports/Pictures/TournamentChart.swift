import Foundation
public import ParleyTournament

/// A one-page picture of a tournament: each agent's mean utility (with its 95% interval) against its agreement
/// rate, and a heat map of each agent's mean utility against each opponent.
public struct TournamentChart: Sendable {
    /// The leaderboard drawn.
    public let leaderboard: Leaderboard
    /// A title, such as the tournament's id and scenarios.
    public let title: String

    /// A chart of a leaderboard.
    public init(leaderboard: Leaderboard, title: String) {
        self.leaderboard = leaderboard
        self.title = title
    }

    static let palette = ["#1f77b4", "#e6550d", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// The SVG document.
    public func svg() -> String {
        let agents = leaderboard.rows.map(\.agent)
        let cell = max(28.0, min(56.0, 420.0 / Double(max(agents.count, 1))))
        let heatLeft = 640.0, heatTop = 150.0
        let width = max(1100, heatLeft + cell * Double(agents.count) + 60)
        let height = max(640, heatTop + cell * Double(agents.count) + 90)
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(title, x: 20, y: 28, size: 16, weight: "bold")
        canvas.text(
            "\(leaderboard.sessions) sessions · \(String(format: "%.0f%%", leaderboard.agreementRate * 100)) agreements", x: 20, y: 48, size: 12, fill: "#444"
        )

        // Left: utility against agreement rate.
        let plot = UnitPlot(left: 80, top: 90, size: 440)
        canvas.text("Mean utility vs agreement rate", x: plot.left, y: plot.top - 12, size: 13, weight: "bold")
        plot.drawAxes(on: &canvas, xLabel: "agreement rate", yLabel: "mean utility (±95%)")
        for (position, row) in leaderboard.rows.enumerated() {
            let color = Self.palette[position % Self.palette.count]
            let x = plot.x(row.agreementRate), y = plot.y(row.meanUtility)
            if let interval = row.utilityInterval, interval > 0 {
                canvas.line(x1: x, y1: plot.y(row.meanUtility - interval), x2: x, y2: plot.y(row.meanUtility + interval), stroke: color, width: 1.5)
            }
            canvas.circle(
                x: x, y: y, radius: 6, fill: color, stroke: "#fff",
                title: String(format: "%@: utility %.3f, agreement %.0f%%, %d sessions", row.agent, row.meanUtility, row.agreementRate * 100, row.sessions)
            )
            canvas.text(row.agent, x: x + 9, y: y - 8, size: 11, fill: color)
        }

        // Right: the pairwise heat map.
        canvas.text("Mean utility of row agent against column agent", x: heatLeft - 120, y: heatTop - 70, size: 13, weight: "bold")
        for (column, opponent) in agents.enumerated() {
            canvas.text(opponent, x: heatLeft + cell * (Double(column) + 0.5), y: heatTop - 8, size: 11, anchor: "start", rotate: -40)
        }
        for (row, agent) in agents.enumerated() {
            let y = heatTop + cell * Double(row)
            canvas.text(agent, x: heatLeft - 8, y: y + cell / 2 + 4, size: 11, anchor: "end")
            for (column, opponent) in agents.enumerated() {
                let x = heatLeft + cell * Double(column)
                guard let value = leaderboard.pairwise[agent]?[opponent] else {
                    canvas.rect(x: x, y: y, width: cell, height: cell, fill: "#f0f0f0", stroke: "#fff", title: "\(agent) never met \(opponent)")
                    continue
                }
                canvas.rect(
                    x: x, y: y, width: cell, height: cell, fill: Self.color(value), stroke: "#fff",
                    title: String(format: "%@ against %@: mean utility %.3f", agent, opponent, value)
                )
                canvas.text(String(format: "%.2f", value), x: x + cell / 2, y: y + cell / 2 + 4, size: 10, anchor: "middle", fill: value > 0.6 ? "#fff" : "#222")
            }
        }
        let scaleTop = heatTop + cell * Double(agents.count) + 24
        for step in 0..<10 {
            canvas.rect(x: heatLeft + Double(step) * 18, y: scaleTop, width: 18, height: 10, fill: Self.color(Double(step) / 9))
        }
        canvas.text("0", x: heatLeft, y: scaleTop + 24, size: 10, anchor: "middle")
        canvas.text("1", x: heatLeft + 180, y: scaleTop + 24, size: 10, anchor: "middle")
        return canvas.document
    }

    /// White to dark blue.
    static func color(_ value: Double) -> String {
        let t = min(1, max(0, value))
        let (r, g, b) = (247 - t * (247 - 8), 251 - t * (251 - 48), 255 - t * (255 - 107))
        return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }
}

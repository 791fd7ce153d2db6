import Foundation

/// How a solution point is drawn, the same in every picture: its name and its shape.
struct SolutionMarker: Sendable {
    /// The point's name, as the legend and the hover text say it.
    let name: String
    /// Draws the marker centred at (x, y) with radius r, with an optional hover title.
    let draw: @Sendable (inout SVGCanvas, Double, Double, Double, String?) -> Void

    /// Draws the marker for `point` at its place in `plot`, with a hover title that names the point and its utilities.
    func draw(_ point: (buyer: Double, seller: Double), detail: String, on canvas: inout SVGCanvas, in plot: UnitPlot, radius: Double = 7) {
        let title = String(format: "%@: buyer %.3f, seller %.3f", name, point.buyer, point.seller) + (detail.isEmpty ? "" : ", \(detail)")
        draw(&canvas, plot.x(point.buyer), plot.y(point.seller), radius, title)
    }

    /// The Nash point: a dark diamond.
    static let nash = SolutionMarker(name: "Nash point") { canvas, x, y, r, title in
        canvas.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill: "#222", title: title)
    }
    /// The Kalai–Smorodinsky point: a green triangle.
    static let kalaiSmorodinsky = SolutionMarker(name: "Kalai–Smorodinsky point") { canvas, x, y, r, title in
        canvas.polygon([(x, y - r), (x + r, y + r * 0.85), (x - r, y + r * 0.85)], fill: "#2ca02c", title: title)
    }
    /// The egalitarian point: a purple square.
    static let egalitarian = SolutionMarker(name: "egalitarian point") { canvas, x, y, r, title in
        canvas.rect(x: x - r * 0.8, y: y - r * 0.8, width: r * 1.6, height: r * 1.6, fill: "#9467bd", title: title)
    }
    /// The maximum-welfare point: a red ring.
    static let maximumWelfare = SolutionMarker(name: "maximum welfare") { canvas, x, y, r, title in
        canvas.circle(x: x, y: y, radius: r * 0.9, fill: "none", stroke: "#d62728", strokeWidth: 2.5, title: title)
    }
}

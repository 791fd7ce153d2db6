import Foundation

/// A minimal SVG writer: self-contained documents (no scripts, no external fonts or styles), every text escaped.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, title: String? = nil) {
        add("rect", ["x": x, "y": y, "width": width, "height": height], ["fill": fill, "stroke": stroke], title: title)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        add("line", ["x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke-width": width], ["stroke": stroke, "stroke-dasharray": dashed ? "5 4" : nil])
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5, opacity: Double = 1) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.format($0.0)),\(Self.format($0.1))" }.joined(separator: " ")
        add("polyline", ["stroke-width": width, "stroke-opacity": opacity], ["points": list, "fill": "none", "stroke": stroke, "stroke-linejoin": "round"])
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1, title: String? = nil) {
        add("circle", ["cx": x, "cy": y, "r": radius, "stroke-width": strokeWidth], ["fill": fill, "stroke": stroke], title: title)
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, stroke: String? = nil, title: String? = nil) {
        let list = points.map { "\(Self.format($0.0)),\(Self.format($0.1))" }.joined(separator: " ")
        add("polygon", [:], ["points": list, "fill": fill, "stroke": stroke], title: title)
    }

    mutating func text(
        _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", weight: String = "normal", fill: String = "#222",
        rotate: Double? = nil
    ) {
        let transform = rotate.map { "rotate(\(Self.format($0)) \(Self.format(x)) \(Self.format(y)))" }
        elements.append(
            "<text x=\"\(Self.format(x))\" y=\"\(Self.format(y))\" font-size=\"\(Self.format(size))\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\""
                + (transform.map { " transform=\"\($0)\"" } ?? "") + ">\(Self.escape(content))</text>"
        )
    }

    /// The document.
    var document: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.format(width))" height="\(Self.format(height))" viewBox="0 0 \(Self.format(width)) \(Self.format(height))" font-family="Helvetica, Arial, sans-serif">
        <rect x="0" y="0" width="\(Self.format(width))" height="\(Self.format(height))" fill="#ffffff"/>
        \(elements.joined(separator: "\n"))
        </svg>

        """
    }

    private mutating func add(_ name: String, _ numbers: [String: Double], _ strings: [String: String?], title: String? = nil) {
        var attributes = numbers.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.format($0.value))\"" }
        attributes += strings.compactMap { key, value in value.map { (key, $0) } }.sorted { $0.0 < $1.0 }.map { "\($0.0)=\"\(Self.escape($0.1))\"" }
        let open = "<\(name) " + attributes.joined(separator: " ")
        elements.append(title.map { open + "><title>\(Self.escape($0))</title></\(name)>" } ?? open + "/>")
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                // Control characters are not allowed in XML 1.0.
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\t" || $0 == "\n" }) { escaped.append(character) }
            }
        }
        return escaped
    }
}

/// A square plot area mapping [0, 1] × [0, 1] utilities to canvas points.
struct UnitPlot {
    let left: Double
    let top: Double
    let size: Double

    func x(_ value: Double) -> Double { left + min(1, max(0, value)) * size }
    func y(_ value: Double) -> Double { top + size - min(1, max(0, value)) * size }

    /// Axes, grid and tick labels.
    func drawAxes(on canvas: inout SVGCanvas, xLabel: String, yLabel: String) {
        canvas.rect(x: left, y: top, width: size, height: size, fill: "#fafafa", stroke: "#999")
        for step in 0...5 {
            let value = Double(step) / 5
            if step > 0 && step < 5 {
                canvas.line(x1: x(value), y1: top, x2: x(value), y2: top + size, stroke: "#e6e6e6")
                canvas.line(x1: left, y1: y(value), x2: left + size, y2: y(value), stroke: "#e6e6e6")
            }
            canvas.text(String(format: "%.1f", value), x: x(value), y: top + size + 16, size: 11, anchor: "middle", fill: "#555")
            canvas.text(String(format: "%.1f", value), x: left - 8, y: y(value) + 4, size: 11, anchor: "end", fill: "#555")
        }
        canvas.text(xLabel, x: left + size / 2, y: top + size + 36, size: 13, anchor: "middle")
        canvas.text(yLabel, x: left - 38, y: top + size / 2, size: 13, anchor: "middle", rotate: -90)
    }
}

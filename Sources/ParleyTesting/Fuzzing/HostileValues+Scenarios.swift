extension HostileValues {
    /// A scenario file (the scenario and both profiles) as JSON text, across the full range of every field.
    ///
    /// Most fields are drawn from their usual range, so that many files are valid and play whole sessions; the
    /// rest take edge values, wrong kinds and hostile text, so that every check is exercised.
    public mutating func scenarioFile() -> String {
        let (scenario, profiles) = scenarioParts()
        return "{\"protocol\": \"parley/1\", " + scenario + ", \"profiles\": {\"buyer\": \(profiles[0]), \"seller\": \(profiles[1])}}"
    }

    /// A scenario's fields (without braces) and the buyer's and seller's profiles, as JSON text.
    mutating func scenarioParts() -> (scenario: String, profiles: [String]) {
        let issueCount = hostile() ? pick([0, 65]) : Int.random(in: 1...3, using: &random)
        var issues: [(json: String, kind: String, options: [String], range: (Int64, Int64))] = []
        for position in 0..<issueCount { issues.append(issue(named: "i\(position)")) }
        let deadline = [
            hostile() ? nil : "\"rounds\": " + (chance(0.8) ? String(Int.random(in: 1...60, using: &random)) : integerText(usual: 1...200)),
            chance(0.3) ? "\"seconds\": " + numberText(usual: 0.001...2_592_000) : nil,
        ].compactMap { $0 }.joined(separator: ", ")
        var fields = [
            "\"id\": " + Self.quoted(name("fuzz")),
            "\"name\": " + Self.quoted(name("Fuzz")),
            "\"opener\": " + (hostile() ? "\"mallory\"" : pick(["\"buyer\"", "\"seller\""])),
            "\"deadline\": {\(deadline)}",
            "\"issues\": [" + issues.map(\.json).joined(separator: ", ") + "]",
        ]
        if chance(0.3) { fields.append("\"turnTimeLimit\": " + numberText(usual: 0.001...2_592_000)) }
        return (fields.joined(separator: ", "), [profile(for: issues), profile(for: issues)])
    }

    private mutating func issue(named plain: String) -> (json: String, kind: String, options: [String], range: (Int64, Int64)) {
        let issueName = hostile() ? name(plain) : plain
        switch Int.random(in: 0..<7, using: &random) {
        case 0, 1:
            let count = Int.random(in: 1...6, using: &random)
            let options = (0..<count).map { name("o\($0)") }
            return ("{\"name\": \(Self.quoted(issueName)), \"type\": \"options\", \"options\": [" + options.map(Self.quoted).joined(separator: ", ") + "]}", "options", options, (0, 0))
        case 2 where hostile():
            return ("{\"name\": \(Self.quoted(issueName)), \"type\": \"real\", \"min\": 0, \"max\": 1}", "real", [], (0, 0))
        default:
            let (minText, maxText, stepText, range) = numericRange()
            let isMoney = chance(0.5)
            let currency = isMoney ? ", \"currency\": " + Self.quoted(hostile() ? name("eu") : pick(["EUR", "JPY", "KWD"])) : ""
            let json = "{\"name\": \(Self.quoted(issueName)), \"type\": \"\(isMoney ? "money" : "integer")\"\(currency), \"min\": \(minText), \"max\": \(maxText), \"step\": \(stepText)}"
            return (json, "number", [], range)
        }
    }

    /// A numeric range: usually well formed with up to 40 values anywhere in the limits, sometimes raw edges.
    private mutating func numericRange() -> (String, String, String, (Int64, Int64)) {
        if hostile() {
            let minText = integerText(usual: -1000...1000), maxText = integerText(usual: -1000...1000), stepText = integerText(usual: 1...100)
            return (minText, maxText, stepText, (Int64(minText) ?? 0, Int64(maxText) ?? 0))
        }
        let magnitude = hostile() ? Int64.max : pick([Int64(100), 1 << 20, 1 << 40, 9_007_199_254_740_991])
        let step = chance(0.7) ? integer(in: 1...100) : integer(in: 1...Swift.max(1, magnitude / 64))
        let count = Int64.random(in: 1...40, using: &random)
        let low = integer(in: -magnitude...magnitude)
        let (span, spanOverflow) = step.multipliedReportingOverflow(by: count - 1)
        let (high, highOverflow) = low.addingReportingOverflow(span)
        let max = spanOverflow || highOverflow ? Int64.max : high
        return (String(low), String(max), String(step), (low, max))
    }

    private mutating func profile(for issues: [(json: String, kind: String, options: [String], range: (Int64, Int64))]) -> String {
        let share = issues.isEmpty ? 1 : 1 / Double(issues.count)
        var entries: [String] = []
        var given = 0.0
        for (position, issue) in issues.enumerated() {
            let isLast = position == issues.count - 1
            let weight = hostile() ? numberText(usual: 0...1) : String(isLast ? 1 - given : share)
            given += share
            entries.append("\"i\(position)\": {\"weight\": \(weight), \"value\": \(valueFunction(for: issue.kind, options: issue.options, range: issue.range))}")
        }
        let reservation = hostile() ? numberText(usual: 0...1) : String(Double.random(in: 0...0.9, using: &random))
        return "{\"reservation\": \(reservation), \"issues\": {" + entries.joined(separator: ", ") + "}}"
    }

    private mutating func valueFunction(for kind: String, options: [String], range: (Int64, Int64)) -> String {
        switch kind {
        case "options" where !hostile():
            let values = options.map { Self.quoted($0) + ": " + (hostile() ? numberText(usual: 0...1) : String(Double.random(in: 0...1, using: &random))) }
            return "{\"type\": \"table\", \"values\": {" + values.joined(separator: ", ") + "}}"
        case "number" where chance(0.5):
            let count = hostile() ? pick([0, 1, 1001]) : Int.random(in: 2...5, using: &random)
            var ats = Set((0..<count).map { _ in hostile() ? integer(in: .min ... .max) : integer(in: Swift.min(range.0, range.1)...Swift.max(range.0, range.1)) }).shuffled(using: &random)
            if !hostile() { ats.sort() }
            let points = ats.map { at in "{\"at\": \(hostile() ? integerText(usual: -10...10) : String(at)), \"value\": \(hostile() ? numberText(usual: 0...1) : String(Double.random(in: 0...1, using: &random)))}" }
            return "{\"type\": \"piecewise\", \"points\": [" + points.joined(separator: ", ") + "]}"
        default:
            return "{\"type\": \"linear\", \"direction\": \(hostile() ? "\"sideways\"" : pick(["\"increasing\"", "\"decreasing\""]))}"
        }
    }
}

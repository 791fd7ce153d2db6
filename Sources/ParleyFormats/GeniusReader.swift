import Foundation
import ParleyProtocol

/// One domain issue as read: the Parley issue, GENIUS's index (weights refer to it), and what a profile's
/// evaluator needs to know about its values.
struct GeniusIssue: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case discrete([String])
        case integer(lower: Int64, upper: Int64)
        /// The range and the values it was cut into, as doubles and as the options that name them.
        case real(lower: Double, upper: Double, values: [Double], names: [String])
    }

    var issue: Issue
    var index: String
    var kind: Kind
}

/// Reads GENIUS domain and utility-space documents; see ``GeniusImport`` for the mapping. Problems carry the
/// file's name and the element's path and line.
struct GeniusReader {
    let realSteps: Int
    /// The objective's name in the domain file, the scenario's name when there is one.
    private(set) var objectiveName: String?
    private(set) var warnings: [String] = []

    init(realSteps: Int) {
        self.realSteps = realSteps
    }

    // MARK: Domain

    mutating func domain(_ file: String, _ data: Data) throws(ScenarioLoader.Failure) -> [GeniusIssue] {
        let objective = try Self.objective(file, data)
        objectiveName = objective.attributes["name"].flatMap { $0.isEmpty ? nil : $0 }
        var issues: [GeniusIssue] = []
        for element in objective.children(named: "issue") {
            let path = Self.path(element)
            guard let name = element.attributes["name"], !name.isEmpty else { throw Self.failure(file, path, "missing_name", "the issue has no name") }
            let index = element.attributes["index"] ?? String(issues.count + 1)
            switch Self.type(of: element) {
            case "discrete":
                let values = element.children(named: "item").compactMap { $0.attributes["value"] }
                guard !values.isEmpty else { throw Self.failure(file, path, "empty_domain", "the discrete issue '\(name)' has no items") }
                guard Set(values).count == values.count else {
                    throw Self.failure(file, path, "duplicate_value", "the discrete issue '\(name)' lists a value twice")
                }
                issues.append(GeniusIssue(issue: Issue(name: name, domain: .options(values)), index: index, kind: .discrete(values)))
            case "integer":
                let (lower, upper) = try Self.bounds(file, element, name: name)
                guard let low = Int64(exactly: lower), let high = Int64(exactly: upper) else {
                    throw Self.failure(file, path, "invalid_bounds", "the integer issue '\(name)' has bounds that are not whole numbers")
                }
                issues.append(GeniusIssue(issue: Issue(name: name, domain: .integer(SteppedRange(min: low, max: high))), index: index, kind: .integer(lower: low, upper: high)))
            case "real":
                let (lower, upper) = try Self.bounds(file, element, name: name)
                let values = (0...realSteps).map { lower + (upper - lower) * Double($0) / Double(realSteps) }
                var names = values.map { Self.label($0) }
                if Set(names).count != names.count { names = values.map { "\($0)" } }
                guard (upper - lower).isFinite, values.allSatisfy(\.isFinite), Set(names).count == names.count else {
                    throw Self.failure(file, path, "invalid_bounds", "the real issue '\(name)' cannot be cut into \(realSteps) distinct steps from \(lower) to \(upper)")
                }
                issues.append(GeniusIssue(
                    issue: Issue(name: name, domain: .options(names)), index: index,
                    kind: .real(lower: lower, upper: upper, values: values, names: names)
                ))
            case let other:
                throw Self.failure(file, path, "unsupported_construct", "the issue '\(name)' has type '\(other)'; Parley reads discrete, integer and real issues")
            }
        }
        guard !issues.isEmpty else { throw Self.failure(file, Self.path(objective), "no_issues", "the domain has no issues") }
        return issues
    }

    // MARK: Profiles

    mutating func profile(_ file: String, _ data: Data, issues: [GeniusIssue]) throws(ScenarioLoader.Failure) -> Profile {
        let (space, objective) = try Self.space(file, data)
        if let type = space.attributes["type"]?.lowercased(), !["linear", "additive"].contains(type) {
            throw Self.failure(file, Self.path(space), "unsupported_construct", "a '\(type)' utility space cannot be represented: Parley's utilities are linear additive")
        }
        var preferences: [String: Profile.IssuePreference] = [:]
        let elements = objective.children(named: "issue")
        var weights: [String: Double] = [:]
        for weight in objective.children(named: "weight") {
            guard let index = weight.attributes["index"], let value = Self.number(weight.attributes["value"]) else {
                throw Self.failure(file, Self.path(weight), "invalid_weight", "a weight needs an index and a numeric value")
            }
            weights[index] = value
        }
        for issue in issues {
            let name = issue.issue.name
            guard let element = elements.first(where: { $0.attributes["name"] == name }) ?? elements.first(where: { $0.attributes["index"] == issue.index }) else {
                throw Self.failure(file, Self.path(objective), "missing_issue", "the utility space has no evaluator for the issue '\(name)'")
            }
            let index = element.attributes["index"] ?? issue.index
            guard let weight = weights[index] else {
                throw Self.failure(file, Self.path(objective), "missing_weight", "there is no weight for the issue '\(name)' (index \(index))")
            }
            preferences[name] = Profile.IssuePreference(weight: weight, value: try Self.valueFunction(file, element, for: issue))
        }
        ImportedProfiles.renormalize(&preferences, file: file, warnings: &warnings)
        let reservation = try Self.scalar(file, space, "reservation") ?? 0
        var discount: Double?
        if let factor = try Self.scalar(file, space, "discount_factor") {
            if factor > 0, factor < 1 {
                discount = factor
            } else if factor != 1 {
                warnings.append("\(file): discount factor \(factor) is outside (0, 1]; GENIUS reads it as no discount, and so does this import")
            }
        }
        return Profile(reservation: reservation, discount: discount, issues: preferences)
    }

    private static func valueFunction(_ file: String, _ element: XMLTree, for issue: GeniusIssue) throws(ScenarioLoader.Failure) -> ValueFunction {
        let name = issue.issue.name
        switch issue.kind {
        case .discrete(let values):
            var evaluations: [String: Double] = [:]
            for item in element.children(named: "item") {
                guard let value = item.attributes["value"] else { continue }
                guard values.contains(value) else {
                    throw failure(file, path(item), "unknown_value", "'\(value)' is not a value of the issue '\(name)' in the domain")
                }
                guard let evaluation = number(item.attributes["evaluation"]), evaluation >= 0 else {
                    throw failure(file, path(item), "invalid_evaluation", "the value '\(value)' of '\(name)' needs an evaluation ≥ 0")
                }
                evaluations[value] = evaluation
            }
            let highest = evaluations.values.max() ?? 0
            return .table(Dictionary(uniqueKeysWithValues: values.map { ($0, highest > 0 ? (evaluations[$0] ?? 0) / highest : 0) }))
        case .integer(let lower, let upper):
            let line = try linearEvaluator(file, element, name: name, origin: Double(lower))
            return integerFunction(line, lower: lower, upper: upper)
        case .real(_, _, let values, let names):
            let line = try linearEvaluator(file, element, name: name, origin: 0)
            return .table(Dictionary(uniqueKeysWithValues: zip(names, values.map(line.value))))
        }
    }

    /// A GENIUS evaluator for an integer or real issue: a line `offset + slope × (v − origin)`, clamped to
    /// [0, 1], computed as GENIUS computes it.
    struct Line: Sendable, Hashable {
        var offset: Double
        var slope: Double
        var origin: Double

        /// The evaluation of a value.
        func value(_ v: Double) -> Double { min(1, max(0, offset + slope * (v - origin))) }

        /// Where the line crosses 0 and 1 (where clamping bends it).
        var bends: [Double] { slope == 0 ? [] : [origin - offset / slope, origin + (1 - offset) / slope] }
    }

    /// Reads the evaluator. `slope`/`offset` count from `origin` (the lower bound, for integer issues);
    /// `parameter1`/`parameter0` from zero.
    private static func linearEvaluator(_ file: String, _ element: XMLTree, name: String, origin: Double) throws(ScenarioLoader.Failure) -> Line {
        guard let evaluator = element.children(named: "evaluator").first else {
            throw failure(file, path(element), "missing_evaluator", "the issue '\(name)' has no evaluator")
        }
        let type = evaluator.attributes["ftype"]?.lowercased() ?? "linear"
        let attributes = evaluator.attributes
        switch type {
        case "linear":
            if let slope = number(attributes["slope"]), let offset = number(attributes["offset"]) {
                return Line(offset: offset, slope: slope, origin: origin)
            }
            if let slope = number(attributes["parameter1"]), let offset = number(attributes["parameter0"]) {
                return Line(offset: offset, slope: slope, origin: 0)
            }
            throw failure(file, path(evaluator), "invalid_evaluator", "the linear evaluator of '\(name)' needs slope and offset (or parameter1 and parameter0)")
        case "constant":
            guard let constant = number(attributes["parameter0"] ?? attributes["offset"]) else {
                throw failure(file, path(evaluator), "invalid_evaluator", "the constant evaluator of '\(name)' needs parameter0")
            }
            return Line(offset: constant, slope: 0, origin: 0)
        default:
            throw failure(file, path(evaluator), "unsupported_construct", "the '\(type)' evaluator of '\(name)' cannot be represented; Parley reads linear and constant evaluators")
        }
    }

    /// An evaluator on whole numbers as Parley's value function, exact at every value: `linear` when it runs exactly
    /// from 0 to 1 (or 1 to 0) over the range, else piecewise around the places where clamping bends the line.
    private static func integerFunction(_ line: Line, lower: Int64, upper: Int64) -> ValueFunction {
        let inside = line.bends.filter { $0 > Double(lower) && $0 < Double(upper) }
        let (first, last) = (line.value(Double(lower)), line.value(Double(upper)))
        // Within 10⁻¹² of the ends: 1/n × n need not be exactly 1 in floating point (a line GENIUS files often hold,
        // and the one `GeniusExport` writes for Parley's linear value functions).
        if inside.isEmpty, upper > lower, first == 0, abs(last - 1) <= 1e-12 { return .linear(.increasing) }
        if inside.isEmpty, upper > lower, first == 1, abs(last) <= 1e-12 { return .linear(.decreasing) }
        return ImportedProfiles.piecewise(on: SteppedRange(min: lower, max: upper), bends: inside, line.value)
    }

    // MARK: Documents

    /// The domain's objective: `negotiation_template/utility_space/objective`, or `utility_space/objective`.
    private static func objective(_ file: String, _ data: Data) throws(ScenarioLoader.Failure) -> XMLTree {
        try space(file, data).objective
    }

    private static func space(_ file: String, _ data: Data) throws(ScenarioLoader.Failure) -> (space: XMLTree, objective: XMLTree) {
        let root: XMLTree
        switch XMLTree.parse(data) {
        case .success(let tree): root = tree
        case .failure(let error): throw failure(file, "line \(error.line)", "malformed_xml", "the file is not well-formed XML")
        }
        guard let space = root.name == "utility_space" ? root : root.children(named: "utility_space").first else {
            throw failure(file, "/" + root.name, "not_genius", "expected a GENIUS <utility_space> (or <negotiation_template> holding one)")
        }
        let objectives = space.children(named: "objective")
        guard objectives.count == 1, let objective = objectives.first else {
            throw failure(file, path(space), "not_genius", "expected one <objective> in the utility space, found \(objectives.count)")
        }
        if let nested = objective.children(named: "objective").first {
            throw failure(file, path(nested), "unsupported_construct", "nested objectives (a hierarchical utility) cannot be represented: Parley's issues are flat")
        }
        return (space, objective)
    }

    private static func type(of issue: XMLTree) -> String {
        (issue.attributes["type"] ?? issue.attributes["etype"] ?? issue.attributes["vtype"] ?? "discrete").lowercased()
    }

    /// An issue's bounds: attributes on the issue (newer files) or on a `range` child (older ones).
    private static func bounds(_ file: String, _ element: XMLTree, name: String) throws(ScenarioLoader.Failure) -> (Double, Double) {
        let holder = element.attributes["lowerbound"] != nil ? element : element.children(named: "range").first ?? element
        guard let lower = number(holder.attributes["lowerbound"]), let upper = number(holder.attributes["upperbound"]), lower <= upper else {
            throw failure(file, path(element), "invalid_bounds", "the issue '\(name)' needs numeric lowerbound ≤ upperbound")
        }
        return (lower, upper)
    }

    /// The `value` of a child such as `<reservation value="0.2"/>`, when it is there.
    private static func scalar(_ file: String, _ space: XMLTree, _ name: String) throws(ScenarioLoader.Failure) -> Double? {
        guard let element = space.children(named: name).first else { return nil }
        guard let value = number(element.attributes["value"]) else {
            throw failure(file, path(element), "invalid_number", "<\(name)> needs a numeric value")
        }
        return value
    }

    private static func number(_ text: String?) -> Double? {
        text.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0.isFinite ? $0 : nil }
    }

    /// A value's option name: its shortest decimal form, without a trailing `.0`.
    static func label(_ value: Double) -> String {
        let rounded = (value * 1e9).rounded() / 1e9
        let text = "\(rounded)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func path(_ element: XMLTree) -> String {
        let name = element.attributes["name"].map { "[@name='\($0)']" } ?? element.attributes["index"].map { "[@index='\($0)']" } ?? ""
        return "<\(element.name)\(name)> (line \(element.line))"
    }

    private static func failure(_ file: String, _ path: String, _ code: String, _ message: String) -> ScenarioLoader.Failure {
        ScenarioLoader.Failure(file: file, problems: [.init(path: path, code: code, message: message)])
    }
}

public import ParleyProtocol

/// Writes a Parley scenario file with both profiles as a GENIUS scenario: a domain file and one utility-space file
/// per side, such that ``GeniusImport`` reads back the same utility for every outcome.
///
/// - An issue with options becomes a discrete issue; each option's evaluation is its value.
/// - A whole-number issue stepping by 1 whose value functions are both linear becomes an integer issue with a
///   linear evaluator (`slope`, `offset`). Money loses its currency (a warning says so): GENIUS has none.
/// - Any other numeric issue (a step above 1, a piecewise value function) becomes a discrete issue whose items are
///   its values, each evaluated as Parley evaluates it.
///
/// GENIUS divides discrete evaluations by the issue's highest, so a discrete issue whose values peak below 1 for a
/// side cannot be written exactly; that is an error naming the issue, never a silent change of utilities.
public enum GeniusExport {
    /// The three documents, and what the format could not hold.
    public struct Exported: Sendable, Hashable {
        /// The domain file.
        public var domain: String
        /// The buyer's utility space.
        public var buyer: String
        /// The seller's utility space.
        public var seller: String
        /// One line per thing GENIUS cannot say (a currency, the deadline).
        public var warnings: [String]
    }

    /// The largest discrete issue written, in values.
    public static let maximumDiscreteValues = 100_000

    /// Writes `file` (named `name` in messages) as GENIUS XML.
    public static func export(_ file: ScenarioFile, name: String) throws(ScenarioLoader.Failure) -> Exported {
        func failure(_ path: String, _ code: String, _ message: String) -> ScenarioLoader.Failure {
            ScenarioLoader.Failure(file: name, problems: [.init(path: path, code: code, message: message)])
        }
        let start = try ExportedScenario(file, name: name, format: "GENIUS")
        let (scenario, buyer, seller) = (start.scenario, start.buyer, start.seller)
        var warnings = start.warnings
        var domainIssues = XMLWriter()
        var sides = [XMLWriter(), XMLWriter()]
        for (position, issue) in scenario.issues.enumerated() {
            let index = position + 1
            let preferences = [buyer, seller].map { $0.issues[issue.name] }
            let values = preferences.map { $0?.value }
            switch (issue.domain, values[0], values[1]) {
            case (.integer(let range), .linear(let a)?, .linear(let b)?) where range.step == 1 && range.max > range.min,
                (.money(_, let range), .linear(let a)?, .linear(let b)?) where range.step == 1 && range.max > range.min:
                if case .money(let currency, _) = issue.domain {
                    warnings.append("'\(issue.name)' is money in \(currency.rawValue) minor units; GENIUS integer issues have no currency")
                }
                let bounds = [("lowerbound", "\(range.min)"), ("upperbound", "\(range.max)")]
                domainIssues.empty("issue", [("index", "\(index)"), ("name", issue.name), ("type", "integer"), ("etype", "integer"), ("vtype", "integer")] + bounds)
                for (side, direction) in zip(sides.indices, [a, b]) {
                    let slope = 1 / Double(range.max - range.min)
                    sides[side].open("issue", [("index", "\(index)"), ("name", issue.name), ("type", "integer"), ("etype", "integer")] + bounds)
                    sides[side].empty("evaluator", [
                        ("ftype", "linear"), ("slope", "\(direction == .increasing ? slope : -slope)"), ("offset", direction == .increasing ? "0" : "1"),
                    ])
                    sides[side].close("issue")
                }
            default:
                let count = issue.domain.count
                guard count <= maximumDiscreteValues else {
                    throw failure("$.issues[\(position)]", "too_many_values", "'\(issue.name)' has \(count) values; a discrete GENIUS issue is written with at most \(maximumDiscreteValues)")
                }
                let terms = (0..<count).map { issue.domain.value(at: $0) }
                let names = terms.map(\.description)
                domainIssues.open("issue", [("index", "\(index)"), ("name", issue.name), ("type", "discrete"), ("etype", "discrete"), ("vtype", "discrete")])
                for (item, label) in names.enumerated() { domainIssues.empty("item", [("index", "\(item + 1)"), ("value", label)]) }
                domainIssues.close("issue")
                for (side, role) in zip(sides.indices, Role.allCases) {
                    let evaluations = terms.map { values[side]?.value(of: $0, in: issue.domain) ?? 0 }
                    if let highest = evaluations.max(), highest > 0, highest != 1 {
                        throw failure(
                            "$.profiles.\(role.rawValue).issues.\(issue.name)", "not_representable",
                            "the \(role.rawValue)'s values for '\(issue.name)' peak below 1; GENIUS divides discrete evaluations by the highest, so they cannot be written exactly"
                        )
                    }
                    sides[side].open("issue", [("index", "\(index)"), ("name", issue.name), ("type", "discrete"), ("etype", "discrete")])
                    for (item, label) in names.enumerated() {
                        sides[side].empty("item", [("index", "\(item + 1)"), ("value", label), ("evaluation", "\(evaluations[item])")])
                    }
                    sides[side].close("issue")
                }
            }
            for (side, preference) in zip(sides.indices, preferences) {
                sides[side].empty("weight", [("index", "\(index)"), ("value", "\(preference?.weight ?? 0)")])
            }
        }
        let objective = [("index", "0"), ("name", scenario.name), ("type", "objective"), ("etype", "objective")]
        var domain = XMLWriter()
        domain.open("negotiation_template", [])
        domain.open("utility_space", [("number_of_issues", "\(scenario.issues.count)")])
        domain.open("objective", objective)
        domain.append(domainIssues)
        domain.close("objective")
        domain.close("utility_space")
        domain.close("negotiation_template")
        func space(_ body: XMLWriter, of profile: Profile) -> String {
            var space = XMLWriter()
            space.open("utility_space", [("type", "linear"), ("number_of_issues", "\(scenario.issues.count)")])
            space.open("objective", objective)
            space.append(body)
            space.close("objective")
            space.empty("reservation", [("value", "\(profile.reservation)")])
            if let discount = profile.discount { space.empty("discount_factor", [("value", "\(discount)")]) }
            space.close("utility_space")
            return space.text
        }
        return Exported(domain: domain.text, buyer: space(sides[0], of: buyer), seller: space(sides[1], of: seller), warnings: warnings)
    }
}

public import ParleyProtocol
import Foundation

/// Writes a Parley scenario file with both profiles as two GeniusWeb profiles (`LinearAdditiveUtilitySpace` JSON,
/// each holding the domain), such that ``GeniusWebImport`` reads back the same utility for every outcome.
///
/// - An issue with options becomes a discrete issue with `discreteutils` (GeniusWeb does not rescale them).
/// - A numeric issue whose value functions are both linear becomes a number issue (`range`) with `numberutils`
///   from its lowest to its highest value; any other numeric issue becomes a discrete issue whose values are its
///   numbers written out, each with its utility. Money loses its currency (a warning says so).
/// - GeniusWeb states a reservation as a bid, not a number: the reservation bid is the outcome worth least among
///   those worth at least the reservation value, so exactly the same outcomes stay acceptable. When that outcome is
///   worth more than the reservation value, a warning gives both. A reservation value of 0 is written as no bid.
/// - GeniusWeb profiles have no discount factor and state no deadline: a warning names each that is left out.
public enum GeniusWebExport {
    /// The two profiles, and what the format could not hold.
    public struct Exported: Sendable, Hashable {
        /// The buyer's profile.
        public var buyer: String
        /// The seller's profile.
        public var seller: String
        /// One line per thing GeniusWeb cannot say, or says differently (a currency, the deadline, a discount
        /// factor, a reservation value moved up to its bid's utility).
        public var warnings: [String]
    }

    /// Writes `file` (named `name` in messages) as GeniusWeb JSON.
    public static func export(_ file: ScenarioFile, name: String) throws(ScenarioLoader.Failure) -> Exported {
        func failure(_ path: String, _ code: String, _ message: String) -> ScenarioLoader.Failure {
            ScenarioLoader.Failure(file: name, problems: [.init(path: path, code: code, message: message)])
        }
        let start = try ExportedScenario(file, name: name, format: "GeniusWeb")
        let (scenario, buyer, seller) = (start.scenario, start.buyer, start.seller)
        var warnings = start.warnings
        var domain: [String: GeniusWebJSON.ValueSet] = [:]
        var utilities: [[String: GeniusWebJSON.Utility]] = [[:], [:]]
        for (position, issue) in scenario.issues.enumerated() {
            // Validation saw both profiles name every issue; a gap is refused, never trapped on.
            let preferences = [buyer, seller].compactMap { $0.issues[issue.name] }
            guard preferences.count == 2 else {
                throw failure("$.profiles", "missing_issue", "a profile has no preference for the issue '\(issue.name)'")
            }
            switch issue.domain {
            case .options(let names):
                domain[issue.name] = .values(names)
                for side in 0..<2 {
                    utilities[side][issue.name] = .discrete(names.map { preferences[side].value.value(of: .option($0), in: issue.domain) ?? 0 }, names: names)
                }
            case .money(_, let range), .integer(let range):
                if case .money(let currency, _) = issue.domain {
                    warnings.append("'\(issue.name)' is money in \(currency.rawValue) minor units; GeniusWeb number issues have no currency")
                }
                let lines = preferences.map { numberUtilities($0.value, on: range) }
                if lines.allSatisfy({ $0 != nil }) {
                    domain[issue.name] = .range([range.min, range.max, range.step])
                    for side in 0..<2 { utilities[side][issue.name] = lines[side] }
                } else {
                    guard let count = range.count, count <= GeniusExport.maximumDiscreteValues else {
                        throw failure("$.scenario.issues[\(position)]", "too_many_values", "'\(issue.name)' has more than \(GeniusExport.maximumDiscreteValues) values to write one by one")
                    }
                    let values = (0..<count).map { range.value(at: $0) }
                    let names = values.map(String.init)
                    domain[issue.name] = .values(names)
                    for side in 0..<2 {
                        utilities[side][issue.name] = .discrete(values.map { preferences[side].value.value(of: .integer($0), in: issue.domain) ?? 0 }, names: names)
                    }
                }
            }
        }
        var documents: [String] = []
        for (side, (role, profile)) in [(Role.buyer, buyer), (.seller, seller)].enumerated() {
            if profile.discount != nil {
                warnings.append("the \(role)'s discount factor \(profile.discount!) is not written: GeniusWeb profiles have none")
            }
            let bid = try reservationBid(of: profile, role: role, in: scenario, domain: domain, name: name, warnings: &warnings)
            let space = GeniusWebJSON.Space(
                name: "\(scenario.id)_\(role)", domain: .init(name: scenario.id, issuesValues: domain), issueUtilities: utilities[side],
                issueWeights: profile.issues.mapValues(\.weight), reservationBid: bid
            )
            documents.append(GeniusWebJSON.text(of: space))
        }
        return Exported(buyer: documents[0], seller: documents[1], warnings: warnings)
    }

    /// A value function on a numeric range as GeniusWeb's `numberutils` (linear from a low to a high value, held
    /// beyond both), when it is one: a linear function, or a piecewise one that is flat, then straight, then flat.
    private static func numberUtilities(_ function: ValueFunction, on range: SteppedRange) -> GeniusWebJSON.Utility? {
        switch function {
        case .linear(let direction):
            let increasing = direction == .increasing || range.max == range.min
            return .number(low: range.min, lowUtility: increasing ? 0 : 1, high: max(range.max, range.min + 1), highUtility: increasing ? 1 : 0)
        case .piecewise(let points):
            guard let first = points.first, let last = points.last else { return nil }
            // The straight part runs from the end of the flat start to the beginning of the flat end.
            let start = (points.firstIndex { $0.value != first.value } ?? points.count) - 1
            let end = (points.lastIndex { $0.value != last.value } ?? -1) + 1
            guard start < end else { return .number(low: first.at, lowUtility: first.value, high: first.at + 1, highUtility: first.value) }
            let (low, high) = (points[start], points[end])
            for point in points[start...end] {
                let onLine = low.value + (high.value - low.value) * (Double(point.at) - Double(low.at)) / (Double(high.at) - Double(low.at))
                guard abs(point.value - onLine) <= 1e-12 else { return nil }
            }
            return .number(low: low.at, lowUtility: low.value, high: high.at, highUtility: high.value)
        case .table:
            return nil
        }
    }

    /// The least outcome worth at least the profile's reservation value, as a GeniusWeb bid; `nil` for a
    /// reservation value of 0, which GeniusWeb says by having no bid.
    private static func reservationBid(
        of profile: Profile, role: Role, in scenario: Scenario, domain: [String: GeniusWebJSON.ValueSet], name: String, warnings: inout [String]
    ) throws(ScenarioLoader.Failure) -> GeniusWebJSON.Bid? {
        guard profile.reservation > 0 else { return nil }
        func failure(_ message: String) -> ScenarioLoader.Failure {
            ScenarioLoader.Failure(file: name, problems: [.init(path: "$.profiles.\(role).reservation", code: "reservation_not_writable", message: message)])
        }
        guard let space = OutcomeSpace(scenario), let utility = try? UtilityFunction(profile: profile, scenario: scenario) else {
            throw failure("the outcome space is too large to find the \(role)'s reservation bid in")
        }
        let utilities = utility.utilities(over: space)
        var best: (ordinal: Int, utility: Double)?
        for (ordinal, value) in utilities.enumerated() where value >= profile.reservation && value < (best?.utility ?? .infinity) {
            best = (ordinal, value)
        }
        guard let best else {
            throw failure("no outcome is worth the \(role)'s reservation value, and GeniusWeb states a reservation as an outcome")
        }
        if best.utility != profile.reservation {
            warnings.append("the \(role)'s reservation value \(profile.reservation) is written as the least outcome worth at least it, worth \(best.utility): the same outcomes stay acceptable")
        }
        let terms = space.terms(at: best.ordinal)
        var values: [String: GeniusWebJSON.BidValue] = [:]
        for issue in scenario.issues {
            guard let term = terms[issue.name] else { continue }
            switch (term, domain[issue.name]) {
            case (.option(let option), _): values[issue.name] = .text(option)
            case (.integer(let number), .range?): values[issue.name] = .number(number)
            case (.integer(let number), _): values[issue.name] = .text(String(number))
            }
        }
        return GeniusWebJSON.Bid(issuevalues: values)
    }
}

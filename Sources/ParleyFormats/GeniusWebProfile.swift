import Foundation
import ParleyProtocol

/// One GeniusWeb `LinearAdditiveUtilitySpace` as read: its domain, and per issue its weight and utilities, before
/// they become a Parley profile. See ``GeniusWebImport`` for the mapping.
struct GeniusWebProfile {
    /// A domain's issues, in the order of their names.
    struct Domain: Equatable {
        var name: String
        var issues: [DomainIssue]
    }

    /// One issue: its Parley form and how its values were written.
    struct DomainIssue: Equatable {
        var issue: Issue
        /// The values as GeniusWeb numbers them, for number issues written as options.
        var numbers: [Double]?
    }

    let file: String
    let domain: Domain
    private let utilities: [String: [String: Any]]
    private let weights: [String: Any]
    private let reservationBid: [String: Any]?
    private static let root = "$.LinearAdditiveUtilitySpace"

    init(_ file: String, _ data: Data) throws(ScenarioLoader.Failure) {
        self.file = file
        func failure(_ path: String, _ code: String, _ message: String) -> ScenarioLoader.Failure {
            ScenarioLoader.Failure(file: file, problems: [.init(path: path, code: code, message: message)])
        }
        guard let top = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw failure("$", "malformed_json", "the file is not a JSON object")
        }
        guard let space = top["LinearAdditiveUtilitySpace"] as? [String: Any] else {
            let kind = top.keys.sorted().first ?? "nothing"
            throw failure("$.\(kind)", "unsupported_construct", "a '\(kind)' profile cannot be represented; Parley reads GeniusWeb's LinearAdditiveUtilitySpace")
        }
        let root = Self.root
        guard let domain = space["domain"] as? [String: Any], let issuesValues = domain["issuesValues"] as? [String: Any], !issuesValues.isEmpty else {
            throw failure(root + ".domain", "not_geniusweb", "expected a domain with issuesValues")
        }
        var issues: [DomainIssue] = []
        for name in issuesValues.keys.sorted() {
            let path = "\(root).domain.issuesValues.\(name)"
            guard let valueSet = issuesValues[name] as? [String: Any] else { throw failure(path, "not_geniusweb", "expected an object") }
            if let values = valueSet["values"] as? [Any] {
                let names = values.compactMap { $0 as? String }
                guard names.count == values.count, !names.isEmpty, Set(names).count == names.count else {
                    throw failure(path + ".values", "invalid_values", "expected distinct strings")
                }
                issues.append(DomainIssue(issue: Issue(name: name, domain: .options(names)), numbers: nil))
            } else if let range = valueSet["range"] as? [Any], range.count == 3, let numbers = range.map({ ($0 as? NSNumber)?.doubleValue }) as? [Double] {
                let (low, high, step) = (numbers[0], numbers[1], numbers[2])
                guard low.isFinite, high.isFinite, step.isFinite, step > 0, low <= high, (high - low) / step < 1_000_000 else {
                    throw failure(path + ".range", "invalid_range", "expected [min, max, step] with min ≤ max and a step above 0")
                }
                let count = Int(((high - low) / step + 1e-9).rounded(.down)) + 1
                let values = (0..<count).map { low + Double($0) * step }
                if let min = Int64(exactly: low), let stride = Int64(exactly: step), values.allSatisfy({ $0.rounded() == $0 && abs($0) < 1e15 }) {
                    issues.append(DomainIssue(issue: Issue(name: name, domain: .integer(SteppedRange(min: min, max: min + Int64(count - 1) * stride, step: stride))), numbers: nil))
                } else {
                    let labels = values.map(GeniusReader.label)
                    guard Set(labels).count == labels.count else { throw failure(path + ".range", "invalid_range", "the step is too small to name each value apart") }
                    issues.append(DomainIssue(issue: Issue(name: name, domain: .options(labels)), numbers: values))
                }
            } else {
                throw failure(path, "unsupported_construct", "expected \"values\" or \"range\": [min, max, step]")
            }
        }
        self.domain = Domain(name: domain["name"] as? String ?? "", issues: issues)
        guard let utilities = space["issueUtilities"] as? [String: Any], let weights = space["issueWeights"] as? [String: Any] else {
            throw failure(root, "not_geniusweb", "expected issueUtilities and issueWeights")
        }
        self.utilities = utilities.compactMapValues { $0 as? [String: Any] }
        self.weights = weights
        reservationBid = (space["reservationBid"] as? [String: Any])?["issuevalues"] as? [String: Any]
    }

    /// The profile on `scenario` (built from this domain).
    func profile(on scenario: Scenario, warnings: inout [String]) throws(ScenarioLoader.Failure) -> Profile {
        func failure(_ path: String, _ code: String, _ message: String) -> ScenarioLoader.Failure {
            ScenarioLoader.Failure(file: file, problems: [.init(path: path, code: code, message: message)])
        }
        var preferences: [String: Profile.IssuePreference] = [:]
        for entry in domain.issues {
            let name = entry.issue.name
            let path = "\(Self.root).issueUtilities.\(name)"
            guard let weight = (weights[name] as? NSNumber)?.doubleValue else {
                throw failure("\(Self.root).issueWeights.\(name)", "missing_weight", "there is no weight for the issue '\(name)'")
            }
            guard let utility = utilities[name] else { throw failure(path, "missing_issue", "there are no utilities for the issue '\(name)'") }
            let value: ValueFunction
            if let discrete = (utility["discreteutils"] as? [String: Any])?["valueUtilities"] as? [String: Any] {
                guard case .options(let names) = entry.issue.domain, entry.numbers == nil else {
                    throw failure(path, "invalid_utilities", "discrete utilities for the number issue '\(name)'")
                }
                value = .table(Dictionary(uniqueKeysWithValues: names.map { ($0, (discrete[$0] as? NSNumber)?.doubleValue ?? 0) }))
            } else if let number = utility["numberutils"] as? [String: Any] {
                let fields = ["lowValue", "lowUtility", "highValue", "highUtility"].map { (number[$0] as? NSNumber)?.doubleValue }
                guard let lowValue = fields[0], let lowUtility = fields[1], let highValue = fields[2], let highUtility = fields[3], highValue > lowValue else {
                    throw failure(path + ".numberutils", "invalid_utilities", "numberutils needs lowValue < highValue and both utilities")
                }
                func evaluate(_ x: Double) -> Double {
                    if x <= lowValue { return lowUtility }
                    if x >= highValue { return highUtility }
                    return lowUtility + (x - lowValue) / (highValue - lowValue) * (highUtility - lowUtility)
                }
                switch entry.issue.domain {
                case .integer(let range):
                    value = ImportedProfiles.piecewise(on: range, bends: [lowValue, highValue], evaluate)
                case .options(let names):
                    guard let numbers = entry.numbers else { throw failure(path, "invalid_utilities", "number utilities for the discrete issue '\(name)'") }
                    value = .table(Dictionary(uniqueKeysWithValues: zip(names, numbers.map(evaluate))))
                case .money:
                    throw failure(path, "invalid_utilities", "a money issue cannot come from GeniusWeb")
                }
            } else {
                throw failure(path, "unsupported_construct", "the utilities of '\(name)' are neither discreteutils nor numberutils")
            }
            preferences[name] = Profile.IssuePreference(weight: weight, value: value)
        }
        ImportedProfiles.renormalize(&preferences, file: file, warnings: &warnings)
        var profile = Profile(reservation: 0, issues: preferences)
        if let bid = reservationBid {
            var values: [String: TermValue] = [:]
            for entry in domain.issues {
                switch bid[entry.issue.name] {
                case let text as String: values[entry.issue.name] = .option(text)
                case let number as NSNumber:
                    if let numbers = entry.numbers, let index = numbers.firstIndex(where: { abs($0 - number.doubleValue) < 1e-9 }), case .options(let names) = entry.issue.domain {
                        values[entry.issue.name] = .option(names[index])
                    } else if let whole = Int64(exactly: number.doubleValue) {
                        values[entry.issue.name] = .integer(whole)
                    }
                default: break
                }
            }
            guard let utility = try? UtilityFunction(profile: profile, scenario: scenario), let reservation = utility.utility(of: Terms(values)) else {
                throw failure("\(Self.root).reservationBid", "invalid_reservation_bid", "the reservation bid is not an outcome of the domain")
            }
            profile.reservation = reservation
        }
        return profile
    }
}

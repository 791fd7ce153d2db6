extension Scenario {
    /// Every problem with the scenario, each with its JSON path; empty when it is valid.
    ///
    /// Besides the rules of each field, every number and name must lie inside ``Limits``.
    public func validate(at root: String = "$") -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func report(_ path: String, _ code: String, _ message: String) {
            problems.append(ValidationProblem(path: root + path, code: code, message: message))
        }
        if id.isEmpty { report(".id", "empty_id", "the scenario id must not be empty") }
        problems += ValidationProblem.nameProblems(id, at: root + ".id") + ValidationProblem.nameProblems(name, at: root + ".name")
        if issues.isEmpty { report(".issues", "no_issues", "a scenario needs at least one issue") }
        if issues.count > Limits.maximumIssues {
            report(".issues", "too_many_issues", "a scenario has at most \(Limits.maximumIssues) issues")
        }
        var seen: Set<String> = []
        for (position, issue) in issues.enumerated() {
            let path = ".issues[\(position)]"
            if issue.name.isEmpty { report(path + ".name", "empty_issue_name", "an issue name must not be empty") }
            problems += ValidationProblem.nameProblems(issue.name, at: root + path + ".name")
            if !seen.insert(issue.name).inserted {
                report(path + ".name", "duplicate_issue", "the issue name '\(issue.name)' is used twice")
            }
            problems += issue.domain.problems(at: root + path)
        }
        if !issues.isEmpty, !problems.contains(where: { $0.code.hasPrefix("domain") || $0.code == "too_many_issues" }), OutcomeSpace(self) == nil {
            report(".issues", "outcome_space_too_large", "the issues span more than \(OutcomeSpace.maximumCount) outcomes")
        }
        if deadline.rounds == nil && deadline.seconds == nil {
            report(".deadline", "no_deadline", "set deadline.rounds, deadline.seconds, or both")
        }
        if let rounds = deadline.rounds, !(1...Limits.maximumRounds).contains(rounds) {
            report(".deadline.rounds", "invalid_rounds", "rounds must be from 1 to \(Limits.maximumRounds)")
        }
        if let seconds = deadline.seconds, !Limits.isPositiveTime(seconds) {
            report(".deadline.seconds", "invalid_seconds", "seconds must be above 0 and at most \(Int(Limits.maximumSeconds))")
        }
        if let limit = turnTimeLimit, !Limits.isPositiveTime(limit) {
            report(".turnTimeLimit", "invalid_turn_time_limit", "the turn time limit must be above 0 and at most \(Int(Limits.maximumSeconds)) seconds")
        }
        return problems
    }
}

extension ValidationProblem {
    /// Problems of a name or identifier: longer than ``Limits/maximumNameLength``, or holding control characters.
    static func nameProblems(_ text: String, at path: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if text.count > Limits.maximumNameLength {
            problems.append(.init(path: path, code: "name_too_long", message: "a name has at most \(Limits.maximumNameLength) characters"))
        }
        if Limits.hasControlCharacters(text) {
            problems.append(.init(path: path, code: "control_characters", message: "a name must not contain control characters"))
        }
        return problems
    }
}

extension Domain {
    /// Problems with the domain itself, under the path of its issue.
    func problems(at path: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        switch self {
        case .money(let currency, let range):
            if !currency.isWellFormed {
                problems.append(.init(path: path + ".currency", code: "domain_invalid_currency", message: "'\(currency)' is not a three-letter ISO 4217 code"))
            }
            problems += range.problems(at: path)
        case .integer(let range):
            problems += range.problems(at: path)
        case .options(let names):
            if names.isEmpty {
                problems.append(.init(path: path + ".options", code: "domain_no_options", message: "an options issue needs at least one option"))
            }
            for (position, name) in names.enumerated() {
                if names.firstIndex(of: name) != position || name.isEmpty {
                    problems.append(.init(path: path + ".options[\(position)]", code: "domain_invalid_option", message: "options must be non-empty and distinct"))
                }
                problems += ValidationProblem.nameProblems(name, at: path + ".options[\(position)]")
            }
        }
        if count > UtilityFunction.maximumDomainSize {
            problems.append(.init(path: path, code: "domain_too_large", message: "the domain has more than \(UtilityFunction.maximumDomainSize) values; use a larger step"))
        }
        return problems
    }
}

extension SteppedRange {
    fileprivate func problems(at path: String) -> [ValidationProblem] {
        let outside = [("min", min), ("max", max), ("step", step)].filter { !Limits.integers.contains($0.1) }
        if !outside.isEmpty {
            return outside.map {
                .init(path: path + "." + $0.0, code: "domain_value_out_of_range", message: "\($0.0) must lie within ±\(Limits.integerMagnitude) (2^53 - 1)")
            }
        }
        if step < 1 {
            return [.init(path: path + ".step", code: "domain_invalid_step", message: "step must be at least 1")]
        }
        if min > max {
            return [.init(path: path + ".max", code: "domain_empty_range", message: "max must not be below min")]
        }
        if !isWellFormed {
            return [.init(path: path + ".max", code: "domain_unaligned_range", message: "max - min must be a multiple of step")]
        }
        return []
    }
}

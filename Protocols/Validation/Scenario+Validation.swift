extension Scenario {
    /// Every problem with the scenario, each with its JSON path; empty when it is valid.
    public func validate(at root: String = "$") -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func report(_ path: String, _ code: String, _ message: String) {
            problems.append(ValidationProblem(path: root + path, code: code, message: message))
        }
        if id.isEmpty { report(".id", "empty_id", "the scenario id must not be empty") }
        if issues.isEmpty { report(".issues", "no_issues", "a scenario needs at least one issue") }
        var seen: Set<String> = []
        for (position, issue) in issues.enumerated() {
            let path = ".issues[\(position)]"
            if issue.name.isEmpty { report(path + ".name", "empty_issue_name", "an issue name must not be empty") }
            if !seen.insert(issue.name).inserted {
                report(path + ".name", "duplicate_issue", "the issue name '\(issue.name)' is used twice")
            }
            problems += issue.domain.problems(at: root + path)
        }
        if !issues.isEmpty, !problems.contains(where: { $0.code.hasPrefix("domain") }), OutcomeSpace(self) == nil {
            report(".issues", "outcome_space_too_large", "the issues span more than \(OutcomeSpace.maximumCount) outcomes")
        }
        if deadline.rounds == nil && deadline.seconds == nil {
            report(".deadline", "no_deadline", "set deadline.rounds, deadline.seconds, or both")
        }
        if let rounds = deadline.rounds, rounds < 1 {
            report(".deadline.rounds", "invalid_rounds", "rounds must be at least 1")
        }
        if let seconds = deadline.seconds, !(seconds > 0 && seconds.isFinite) {
            report(".deadline.seconds", "invalid_seconds", "seconds must be a positive number")
        }
        if let limit = turnTimeLimit, !(limit > 0 && limit.isFinite) {
            report(".turnTimeLimit", "invalid_turn_time_limit", "the turn time limit must be a positive number of seconds")
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
            for (position, name) in names.enumerated() where names.firstIndex(of: name) != position || name.isEmpty {
                problems.append(.init(path: path + ".options[\(position)]", code: "domain_invalid_option", message: "options must be non-empty and distinct"))
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

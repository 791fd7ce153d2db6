extension Profile {
    /// The tolerance within which weights must sum to 1.
    public static let weightTolerance = 1e-9

    /// Every problem with the profile against a scenario, each with its JSON path; empty when it is valid.
    ///
    /// Checks: the reservation value and every value lie in [0, 1]; a discount factor lies in (0, 1]; weights are ≥ 0 and sum to 1; the profile
    /// names exactly the scenario's issues; each value function fits its issue's kind and domain, within ``Limits``.
    /// Messages state the rule, never the private numbers.
    public func validate(against scenario: Scenario, at root: String = "$") -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func report(_ path: String, _ code: String, _ message: String) {
            problems.append(ValidationProblem(path: root + path, code: code, message: message))
        }
        if !(0...1).contains(reservation) {
            report(".reservation", "reservation_out_of_range", "the reservation value must lie in [0, 1]")
        }
        if let discount, !(discount > 0 && discount <= 1) {
            report(".discount", "discount_out_of_range", "the discount factor must lie in (0, 1]")
        }
        for issue in scenario.issues where issues[issue.name] == nil {
            report(".issues", "missing_issue", "no preference for the scenario's issue '\(issue.name)'")
        }
        for name in issues.keys.sorted() where scenario.issue(named: name) == nil {
            report(".issues.\(name)", "unknown_issue", "the scenario has no issue '\(name)'")
        }
        var total = 0.0
        for issue in scenario.issues {
            guard let preference = issues[issue.name] else { continue }
            let path = ".issues.\(issue.name)"
            if !(preference.weight >= 0 && preference.weight.isFinite) {
                report(path + ".weight", "negative_weight", "a weight must be a finite number ≥ 0")
            } else {
                total += preference.weight
            }
            for problem in preference.value.problems(for: issue.domain) {
                report(path + ".value" + problem.path, problem.code, problem.message)
            }
        }
        if !problems.contains(where: { $0.code == "negative_weight" }), abs(total - 1) > Self.weightTolerance, !issues.isEmpty {
            report(".issues", "weights_not_normalized", "the weights must sum to 1")
        }
        return problems
    }
}

extension ValueFunction {
    /// Problems of the function for a domain, with paths relative to the function.
    fileprivate func problems(for domain: Domain) -> [ValidationProblem] {
        func problem(_ path: String, _ code: String, _ message: String) -> ValidationProblem {
            ValidationProblem(path: path, code: code, message: message)
        }
        switch (self, domain) {
        case (.linear, .money), (.linear, .integer):
            return []
        case (.piecewise(let points), .money), (.piecewise(let points), .integer):
            var problems: [ValidationProblem] = []
            if points.count < 2 {
                problems.append(problem(".points", "too_few_points", "a piecewise function needs at least two points"))
            }
            if points.count > Limits.maximumPiecewisePoints {
                problems.append(problem(".points", "too_many_points", "a piecewise function has at most \(Limits.maximumPiecewisePoints) points"))
            }
            for (position, point) in points.enumerated() {
                if !Limits.integers.contains(point.at) {
                    problems.append(problem(".points[\(position)].at", "value_out_of_range", "'at' must lie within ±\(Limits.integerMagnitude) (2^53 - 1)"))
                }
                if !(0...1).contains(point.value) {
                    problems.append(problem(".points[\(position)].value", "value_out_of_range", "values must lie in [0, 1]"))
                }
                if position > 0, point.at <= points[position - 1].at {
                    problems.append(problem(".points[\(position)].at", "points_not_increasing", "points must be sorted by strictly increasing 'at'"))
                }
            }
            return problems
        case (.table(let values), .options(let names)):
            var problems: [ValidationProblem] = []
            for name in names where values[name] == nil {
                problems.append(problem(".values", "missing_option", "no value for the option '\(name)'"))
            }
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                if !names.contains(name) {
                    problems.append(problem(".values.\(name)", "unknown_option", "the issue has no option '\(name)'"))
                } else if !(0...1).contains(value) {
                    problems.append(problem(".values.\(name)", "value_out_of_range", "values must lie in [0, 1]"))
                }
            }
            return problems
        default:
            return [problem(".type", "value_function_mismatch", "a \(kindName) value function does not fit a \(domain.kindName) issue")]
        }
    }
}

extension ScenarioFile {
    /// Every problem with the scenario and its profiles, each with its JSON path under `root`.
    public func validate(at root: String = "$") -> [ValidationProblem] {
        scenario.validate(at: root) + Role.allCases.flatMap { role in
            profiles[role]?.validate(against: scenario, at: "\(root).profiles.\(role)") ?? []
        }
    }
}

extension MultiDealScenario {
    /// The most edges a multi-deal scenario has.
    public static let maximumEdges = 64

    /// Every problem with the scenario, its edges' scenarios and profiles, and its need, each with its JSON path;
    /// empty when it is valid.
    public func validate() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func report(_ path: String, _ code: String, _ message: String) {
            problems.append(ValidationProblem(path: "$" + path, code: code, message: message))
        }
        if id.isEmpty { report(".id", "empty_id", "the scenario id must not be empty") }
        problems += ValidationProblem.nameProblems(id, at: "$.id") + ValidationProblem.nameProblems(name, at: "$.name")
        if !(reservation.isFinite && (0...1).contains(reservation)) { report(".reservation", "invalid_reservation", "the reservation value must be from 0 to 1") }
        if edges.isEmpty { report(".edges", "no_edges", "a multi-deal scenario needs at least one edge") }
        if edges.count > Self.maximumEdges { report(".edges", "too_many_edges", "a multi-deal scenario has at most \(Self.maximumEdges) edges") }
        var seen: Set<String> = []
        for (position, edge) in edges.enumerated() {
            let path = ".edges[\(position)]"
            if edge.id.isEmpty { report(path + ".id", "empty_edge_id", "an edge id must not be empty") }
            problems += ValidationProblem.nameProblems(edge.id, at: "$" + path + ".id")
            if !seen.insert(edge.id).inserted { report(path + ".id", "duplicate_edge", "the edge id '\(edge.id)' is used twice") }
            problems += edge.scenario.validate(at: "$" + path + ".scenario")
            for role in Role.allCases where edge.scenario.profile(for: role) == nil {
                report(path + ".scenario.profiles", "missing_profile", "the \(role == centre ? "centre" : "edge") (\(role)) needs a profile")
            }
        }
        problems += needProblems()
        return problems
    }

    private func needProblems() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func report(_ path: String, _ code: String, _ message: String) {
            problems.append(ValidationProblem(path: "$.need" + path, code: code, message: message))
        }
        switch need {
        case .single:
            break
        case .split(let issue, let total, let penalty):
            if !(1...1_000_000_000).contains(total) { report(".total", "invalid_total", "the total must be from 1 to 1000000000") }
            if !(penalty.isFinite && penalty >= 0 && penalty <= reservation) {
                report(".shortfallPenalty", "invalid_penalty", "the shortfall penalty must be from 0 to the reservation value")
            }
            for (position, edge) in edges.enumerated() {
                let domain = edge.scenario.scenario.issues.first { $0.name == issue }?.domain
                guard case .integer = domain else {
                    report(".issue", "split_issue_missing", "edge \(position) ('\(edge.id)') has no integer issue '\(issue)' to split the order on")
                    continue
                }
            }
        case .table(let combinations):
            if combinations.isEmpty { report(".combinations", "no_combinations", "a table lists at least one combination") }
            let ids = Set(edges.map(\.id))
            for (position, combination) in combinations.enumerated() {
                let path = ".combinations[\(position)]"
                if combination.edges.isEmpty { report(path + ".edges", "empty_combination", "a combination names at least one edge") }
                for id in combination.edges where !ids.contains(id) {
                    report(path + ".edges", "unknown_edge", "'\(id.prefix(64))' is not an edge of this scenario")
                }
                if !(combination.value.isFinite && (0...1).contains(combination.value)) {
                    report(path + ".value", "invalid_value", "a combination's value must be from 0 to 1")
                }
            }
        }
        return problems
    }
}

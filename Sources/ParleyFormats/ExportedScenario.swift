import ParleyProtocol

/// What the GENIUS and GeniusWeb writers start from: a valid scenario file with both profiles, and the warning that
/// the format states no deadline.
struct ExportedScenario {
    let scenario: Scenario
    let buyer: Profile
    let seller: Profile
    /// Starts with the deadline left out; writers add what else their format cannot hold.
    var warnings: [String]

    /// Checks `file` (named `name` in messages) for writing as `format`, a format whose files state no deadline.
    init(_ file: ScenarioFile, name: String, format: String) throws(ScenarioLoader.Failure) {
        let problems = file.validate()
        guard problems.isEmpty else { throw ScenarioLoader.Failure(file: name, problems: problems) }
        guard let buyer = file.profile(for: .buyer), let seller = file.profile(for: .seller) else {
            throw ScenarioLoader.Failure(file: name, problems: [
                .init(path: "$.profiles", code: "missing_profile", message: "a \(format) scenario needs both sides' profiles"),
            ])
        }
        scenario = file.scenario
        self.buyer = buyer
        self.seller = seller
        let deadline = [scenario.deadline.rounds.map { "\($0) rounds" }, scenario.deadline.seconds.map { "\($0) seconds" }].compactMap { $0 }
        warnings = ["\(format) files state no deadline: \(deadline.joined(separator: " and ")) not written (import with --rounds)"]
    }
}

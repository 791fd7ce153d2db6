import ArgumentParser
import ParleyProtocol

/// `parley scenario …`: work with scenario files.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Work with scenario files.",
        subcommands: [Validate.self, Stats.self, Plot.self, Import.self, Export.self, Generate.self]
    )

    /// `parley scenario validate FILE`: list every problem with its JSON path.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario file and list every problem with its JSON path; exits 1 if there are any."
        )

        @Argument(help: "The scenario file (JSON).")
        var file: String

        func run() async throws {
            let problems: [ValidationProblem]
            let scenarioFile: ScenarioFile?
            switch Result(catching: { () throws(ScenarioLoader.Failure) in try ScenarioLoader().decode(file) }) {
            case .success(let decoded):
                scenarioFile = decoded
                problems = decoded.validate()
            case .failure(let failure):
                scenarioFile = nil
                problems = failure.problems
            }
            guard problems.isEmpty, let scenarioFile else {
                print("\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
                for problem in problems { print("  \(problem)") }
                throw ExitCode(1)
            }
            let scenario = scenarioFile.scenario
            let outcomes = OutcomeSpace(scenario)?.count ?? 0
            let profiles = Role.allCases.filter { scenarioFile.profile(for: $0) != nil }.map(\.rawValue)
            print("\(file): valid. \(scenario.issues.count) issues, \(outcomes) outcomes, profiles: \(profiles.isEmpty ? "none" : profiles.joined(separator: ", "))")
        }
    }
}

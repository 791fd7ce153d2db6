import ArgumentParser
import Foundation
import ParleyFormats
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

        @Argument(help: "The scenario file (JSON), or genius:DOMAIN.xml,BUYER.xml,SELLER.xml.")
        var file: String

        func run() async throws {
            if ScenarioArguments.isMultiDeal(file) { return try validateMultiDeal() }
            let problems: [ValidationProblem]
            let scenarioFile: ScenarioFile?
            // Another tool's scenario is converted and validated in one step; a Parley file is decoded, then validated.
            let decode = { () throws(ScenarioLoader.Failure) -> ScenarioFile in
                ScenarioReference.isForeign(file) ? try ScenarioArguments.load(file) : try ScenarioLoader().decode(file)
            }
            switch Result(catching: decode) {
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

        /// A multi-deal scenario (`"kind": "multi-deal"`): every problem with its path, or what it holds.
        func validateMultiDeal() throws {
            let data = try ScenarioLoader.contents(of: file)
            let problems: [String]
            var scenario: MultiDealScenario?
            do {
                scenario = try JSONDecoder().decode(MultiDealScenario.self, from: data)
                problems = scenario!.validate().map(\.description)
            } catch {
                problems = ["not a multi-deal scenario: \(error)"]
            }
            guard problems.isEmpty, let scenario else {
                print("\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
                for problem in problems { print("  \(problem)") }
                throw ExitCode(1)
            }
            print("\(file): valid multi-deal scenario. \(scenario.mode.rawValue), the \(scenario.centre.rawValue) as centre, \(scenario.edges.count) edges: "
                + scenario.edges.map(\.id).joined(separator: ", "))
        }
    }
}

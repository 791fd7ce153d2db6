import ArgumentParser
import Foundation
import ParleyAgents
import ParleyAnalysis
import ParleyProtocol

extension ScenarioCommand {
    /// `parley scenario generate --issues N --values V --opposition X --seed S --out F`.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a linear-additive scenario of a chosen size and opposition, the same for the same seed.",
            discussion: """
                Every issue has V options; the buyer's values are random, the seller's mix their opposite and their \
                own with a fixed dose of noise, searched until the opposition (the distance from (1, 1) to the nearest \
                outcome) is within 0.005 of --opposition. The command says which oppositions the size can reach when \
                the target is outside them.
                """
        )

        @Option(help: "The number of issues (1 to 12).")
        var issues: Int

        @Option(help: "The number of options of each issue (2 to 1000).")
        var values: Int

        @Option(help: "The opposition to reach, for example 0.3 (mild) to 0.6 (strong).")
        var opposition: Double

        @Option(help: "The seed; the same seed gives the same scenario.")
        var seed: UInt64 = 1

        @Option(help: "The deadline in rounds.")
        var rounds = 100

        @Option(help: "The scenario file to write.")
        var out: String

        func validate() throws {
            try OptionRange.count(rounds, in: 1...Limits.maximumRounds, option: "--rounds")
        }

        func run() async throws {
            var random = SeededGenerator(seed: seed)
            let id = "generated-\(issues)x\(values)-\(seed)"
            let file = try ScenarioGenerator(issues: issues, values: values, opposition: opposition, rounds: rounds).generate(id: id, using: &random)
            try WireCodec().encode(file, pretty: true).write(to: URL(fileURLWithPath: out))
            let landscape = try Stats.landscape(of: file, named: out)
            print("\(out): \(landscape.space.count) outcomes, opposition \(String(format: "%.3f", landscape.opposition)), Pareto frontier \(landscape.frontier.points.count) outcomes")
        }
    }
}

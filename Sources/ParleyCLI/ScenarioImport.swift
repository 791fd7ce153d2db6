import ArgumentParser
import Foundation
import ParleyFormats
import ParleyProtocol

extension ScenarioCommand {
    /// `parley scenario import --genius-domain D --buyer B --seller S --out F`: a GENIUS scenario as Parley JSON.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a GENIUS scenario (domain XML and one utility-space XML per side) or two GeniusWeb profiles into a Parley scenario file.",
            discussion: """
                You choose which utility space is the buyer's. Discrete issues become options, integer issues keep \
                their values, real issues are cut into --real-steps equal steps. Weights within 0.01 of summing to 1 \
                are renormalized with a warning; a discount factor is reported and not applied. Nonlinear utility \
                spaces, nested objectives and evaluators other than linear and constant are errors that name them. \
                Without --genius-domain, --buyer and --seller are GeniusWeb LinearAdditiveUtilitySpace profiles on one \
                domain; the reservation value is the utility of a profile's reservationBid.
                """
        )

        @Option(help: "The GENIUS domain file (leave out for GeniusWeb profiles, which hold their domain).")
        var geniusDomain: String?

        @Option(help: "The buyer's GENIUS utility-space file, or GeniusWeb profile (JSON).")
        var buyer: String

        @Option(help: "The seller's GENIUS utility-space file, or GeniusWeb profile (JSON).")
        var seller: String

        @Option(help: "The Parley scenario file to write.")
        var out: String

        @Option(help: "The deadline in rounds (GENIUS files state none).")
        var rounds = 100

        @Option(help: "How many equal steps a real issue's range is cut into.")
        var realSteps = 10

        func validate() throws {
            try OptionRange.count(rounds, in: 1...Limits.maximumRounds, option: "--rounds")
            try OptionRange.count(realSteps, in: 1...GeniusImport.maximumRealSteps, option: "--real-steps")
        }

        func run() async throws {
            let imported = try geniusDomain.map { domain throws(ScenarioLoader.Failure) in
                try GeniusImport(rounds: rounds, realSteps: realSteps).read(domain: domain, buyer: buyer, seller: seller)
            } ?? GeniusWebImport(rounds: rounds).read(buyer: buyer, seller: seller)
            for warning in imported.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            try WireCodec().encode(imported.file, pretty: true).write(to: URL(fileURLWithPath: out))
            let scenario = imported.file.scenario
            print("\(out): \(scenario.issues.count) issues, \(OutcomeSpace(scenario)?.count ?? 0) outcomes, \(scenario.deadline.rounds ?? 0) rounds")
        }
    }
}

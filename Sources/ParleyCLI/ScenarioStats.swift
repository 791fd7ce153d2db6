import ArgumentParser
import Foundation
import ParleyAnalysis
import ParleyProtocol
import ParleyReports

extension ScenarioCommand {
    /// `parley scenario stats FILE…`: what each scenario offers both sides before anyone negotiates.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a scenario's outcomes, each side's best and worst, the Pareto frontier and its solution points.",
            discussion: """
                The Nash, Kalai–Smorodinsky, egalitarian and maximum-welfare points are chosen among frontier outcomes \
                acceptable to both sides (utility at least the reservation value), with the reservation values as the \
                disagreement point; ties go to the higher sum of utilities, then the earlier outcome. Opposition is the \
                distance from (1, 1) to the nearest outcome. The ParleyAnalysis documentation defines each exactly.
                """
        )

        @Argument(help: "Scenario files with both profiles, or GENIUS scenarios (genius:DOMAIN.xml,BUYER.xml,SELLER.xml).")
        var files: [String]

        @Flag(help: "Print JSON (one object per file, in an array), with every frontier point.")
        var json = false

        func run() async throws {
            var all: [(file: String, scenario: Scenario, statistics: ScenarioStatistics)] = []
            for file in files {
                let scenarioFile = try ScenarioArguments.load(file)
                all.append((file, scenarioFile.scenario, ScenarioStatistics(try Self.landscape(of: scenarioFile, named: file))))
            }
            if json {
                let entries = all.map { Entry(file: $0.file, scenario: $0.scenario.id, statistics: $0.statistics) }
                print(String(decoding: try WireCodec().encode(entries, pretty: true), as: UTF8.self))
                return
            }
            for (file, scenario, statistics) in all { print(Self.text(file: file, scenario: scenario, statistics)) }
        }

        /// The landscape of a scenario file with both profiles; a file without one is a ``MissingProfile``.
        static func landscape(of file: ScenarioFile, named name: String) throws -> OutcomeLandscape {
            guard let buyer = file.profile(for: .buyer) else { throw MissingProfile(file: name, role: .buyer) }
            guard let seller = file.profile(for: .seller) else { throw MissingProfile(file: name, role: .seller) }
            return try OutcomeLandscape(scenario: file.scenario, buyer: buyer, seller: seller)
        }

        /// A file without a profile the statistics need.
        struct MissingProfile: Error, CustomStringConvertible {
            var file: String
            var role: Role
            var description: String {
                "\(file) has no \(role.rawValue) profile ($.profiles.\(role.rawValue)); the statistics need both sides' profiles"
            }
        }

        /// One file's statistics in JSON.
        struct Entry: Encodable, Sendable, Hashable {
            var file: String
            var scenario: String
            var statistics: ScenarioStatistics
        }

        static func text(file: String, scenario: Scenario, _ statistics: ScenarioStatistics) -> String {
            func number(_ value: Double) -> String { String(format: "%.3f", value) }
            func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
            func side(_ name: String, _ side: ScenarioStatistics.Side) -> String {
                "  \(name) best \(number(side.best)), worst \(number(side.worst)), reservation \(number(side.reservation)), accepts \(percent(side.acceptableShare)) of outcomes"
                    + (side.discount.map { ", discount factor \($0)" } ?? "")
            }
            func point(_ name: String, _ point: OutcomePoint?) -> String {
                guard let point else { return "  \(name) none: no outcome is acceptable to both sides" }
                return "  \(name) buyer \(number(point.buyer)), seller \(number(point.seller)): \(point.terms)"
            }
            return [
                "\(file) (\(scenario.id)): \(statistics.outcomeCount) outcomes, \(scenario.issues.count) issues",
                side("buyer: ", statistics.buyer),
                side("seller:", statistics.seller),
                "  acceptable to both sides: \(percent(statistics.acceptableShare)) of outcomes",
                "  Pareto frontier: \(statistics.frontier.count) outcomes; opposition \(number(statistics.opposition))",
                point("Nash:               ", statistics.nash),
                point("Kalai–Smorodinsky:  ", statistics.kalaiSmorodinsky),
                point("egalitarian:        ", statistics.egalitarian),
                point("maximum welfare:    ", statistics.maximumWelfare),
            ].joined(separator: "\n")
        }
    }

    /// `parley scenario plot FILE --out F.svg`: the outcome space, the frontier and the solution points, as SVG.
    struct Plot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a scenario's outcome space as SVG: its outcomes, the Pareto frontier, both reservation values, and the Nash, Kalai–Smorodinsky, egalitarian and maximum-welfare points."
        )

        @Argument(help: "The scenario file, with both profiles.")
        var file: String

        @Option(help: "The SVG file to write.")
        var out: String

        func run() async throws {
            let scenarioFile = try ScenarioArguments.load(file)
            let landscape = try Stats.landscape(of: scenarioFile, named: file)
            try Data(ScenarioPlot(scenario: scenarioFile.scenario, landscape: landscape).svg().utf8).write(to: URL(fileURLWithPath: out))
            print("\(file) drawn in \(out).")
        }
    }
}

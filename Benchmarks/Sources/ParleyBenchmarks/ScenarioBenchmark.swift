import Foundation
import ParleyAgents
import ParleyAnalysis
import ParleyFormats
import ParleyProtocol

/// `parley-bench scenarios`: a generated 10⁶-outcome scenario (6 issues × 10 values): generating it, its statistics
/// (`parley scenario stats`), and a GENIUS export and import, three runs each.
enum ScenarioBenchmark {
    static func run() throws {
        print("a generated scenario of 10^6 outcomes (6 issues x 10 values, opposition 0.4):")
        for run in 1...3 {
            var random = SeededGenerator(seed: UInt64(run))
            let start = ContinuousClock.now
            let file = try ScenarioGenerator(issues: 6, values: 10, opposition: 0.4).generate(id: "bench", using: &random)
            let generated = ContinuousClock.now
            guard let buyer = file.profile(for: .buyer), let seller = file.profile(for: .seller) else { return }
            let statistics = ScenarioStatistics(try OutcomeLandscape(scenario: file.scenario, buyer: buyer, seller: seller))
            let analysed = ContinuousClock.now
            let exported = try GeniusExport.export(file, name: "bench.json")
            let written = ContinuousClock.now
            let imported = try GeniusImport().convert(
                domain: ("d.xml", Data(exported.domain.utf8)), buyer: ("b.xml", Data(exported.buyer.utf8)), seller: ("s.xml", Data(exported.seller.utf8))
            )
            let read = ContinuousClock.now
            precondition(imported.file.scenario.issues.count == 6 && statistics.outcomeCount == 1_000_000, "the scenario survives the round trip")
            print(String(
                format: "  run %d: generated in %.2f s (opposition %.3f), stats in %.2f s (frontier %d), GENIUS export %.3f s, import %.3f s",
                run, seconds(start.duration(to: generated)), statistics.opposition, seconds(generated.duration(to: analysed)), statistics.frontier.count,
                seconds(analysed.duration(to: written)), seconds(written.duration(to: read))
            ))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

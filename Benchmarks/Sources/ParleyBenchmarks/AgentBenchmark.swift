import Foundation
import ParleyAgents
import ParleyProtocol
import ParleyTesting

/// `parley-bench agents`: each reference agent and model-carrying built-in against `conceder`, in process, on the
/// reference scenario (10^4 outcomes) and on its issues with 1,000 prices (10^6), as µs per offer all in and as a
/// ratio to `boulware` against `conceder` measured in the same run; then each opponent model's cost per update and
/// per estimate at both sizes.
enum AgentBenchmark {
    static let agents = ["boulware", "micro", "hardheaded", "agentk", "nice-tit-for-tat", "cuhkagent", "boulware:model=frequency", "boulware:model=bayes"]

    static func run(runs: Int) async throws {
        let spaces = [("10^4", file), ("10^6", ReferenceScenarios.supply(prices: 1000))]
        for (label, scenario) in spaces {
            print("Against conceder, \(label) outcomes, 2,000 sessions per agent per run:")
            // Warm up: every agent's index and model tables built once.
            for agent in agents { _ = try await sessions(count: 20, buyer: agent, seller: "conceder", on: scenario) }
            for run in 1...runs {
                var line = "  run \(run):"
                var baseline = 0.0
                for agent in agents {
                    let result = try await sessions(count: 2_000, buyer: agent, seller: "conceder", on: scenario)
                    let perOffer = microseconds(result.duration) / Double(result.offers)
                    if agent == "boulware" { baseline = perOffer }
                    line += String(format: "  %@ %.2f µs (%.2f×)", agent, perOffer, perOffer / baseline)
                }
                print(line)
            }
        }
        for (label, scenario) in spaces {
            let space = OutcomeSpace(scenario.scenario)!
            let ordinals = (0..<100_000).map { ($0 &* 2_654_435_761) % space.count }
            var frequency = FrequencyModel(radices: space.radices)
            var bayes = BayesianModel(issues: space.issues)
            let frequencyUpdate = await measure { for (step, ordinal) in ordinals.enumerated() { frequency.observe(offer: ordinal, in: space, at: Double(step) / 1e5) } }
            let bayesUpdate = await measure { for (step, ordinal) in ordinals.enumerated() { bayes.observe(offer: ordinal, in: space, at: Double(step) / 1e5) } }
            var sink = 0.0
            let frequencyEstimate = await measure { for ordinal in ordinals { sink += frequency.estimatedUtility(of: ordinal, in: space) } }
            let bayesEstimate = await measure { for ordinal in ordinals { sink += bayes.estimatedUtility(of: ordinal, in: space) } }
            print(String(
                format: "Models at %@ outcomes, 100,000 updates and estimates: frequency %.0f ns per update, %.0f ns per estimate; bayes %.0f ns per update, %.0f ns per estimate (%.0f)",
                label, microseconds(frequencyUpdate) / 100, microseconds(frequencyEstimate) / 100, microseconds(bayesUpdate) / 100, microseconds(bayesEstimate) / 100,
                sink.truncatingRemainder(dividingBy: 1)
            ))
        }
    }
}

// Usage: swift run CustomStrategyExample [SCENARIO_FILE] [OPPONENT]
import ParleyRecords
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol

let arguments = CommandLine.arguments
let scenario = arguments.count > 1 ? arguments[1] : "Examples/Scenarios/reference-supply.json"
let opponent = arguments.count > 2 ? arguments[2] : "boulware"
let record = try await Example.run(scenarioPath: scenario, opponent: opponent, seed: 1, clock: ContinuousClock())
let settlement = record.settlement
print("anchored (buyer) vs \(opponent) (seller): \(settlement.outcome.typeName) after \(settlement.turns) turns")
if let analysis = settlement.analysis {
    print("utility: buyer \(analysis.buyer.utility), seller \(analysis.seller.utility); Pareto-optimal: \(analysis.paretoOptimal)")
}

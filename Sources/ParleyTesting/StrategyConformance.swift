import Foundation
import Logging
public import ParleyAgents
import ParleyArbiter
public import ParleyProtocol
import ParleyRecords

/// Checks the contract every ``ParleyAgents/Strategy`` must keep, by playing real sessions.
///
/// The strategy plays each side of a scenario file against each opponent, twice per seed, and the check reports:
/// - **nondeterminism**: the same seed gave a different transcript;
/// - **violations**: the arbiter refused one of its actions, or it threw;
/// - **mandate breaches**: it offered, or agreed to, terms worth less to it than its reservation value.
///
/// Use it in a test: `#expect(try await StrategyConformance.check(file: file, make: MyStrategy.init).isEmpty)`.
public enum StrategyConformance {
    /// Plays the sessions and returns every problem found; empty when the strategy conforms.
    public static func check(
        file: ScenarioFile,
        make: @escaping @Sendable (AgentContext) throws -> any Strategy,
        opponents: [String] = ["boulware", "conceder", "tit-for-tat", "random"],
        seeds: [UInt64] = [1, 2]
    ) async throws -> [String] {
        var registry = StrategyRegistry.builtIns
        registry.register(.init(name: "candidate", summary: "the strategy under test") { _, context in try make(context) })
        let candidate = try StrategySource(AgentSpec(strategy: "candidate"), registry: registry)
        var problems: [String] = []
        for opponent in opponents {
            let opponentAgent = try StrategySource(AgentSpec(parsing: opponent))
            for role in Role.allCases {
                for seed in seeds {
                    let label = "as \(role) against \(opponent), seed \(seed)"
                    let (buyer, seller) = role == .buyer ? (candidate, opponentAgent) : (opponentAgent, candidate)
                    func play() async throws -> SessionRecord {
                        let arbiter = Arbiter(
                            clock: ManualClock(), wallClock: { Date(timeIntervalSince1970: 0) },
                            logger: Logger(label: "conformance") { _ in SwiftLogNoOpLogHandler() }
                        )
                        return try await arbiter.play(Match(file: file, buyer: buyer, seller: seller, seed: seed))
                    }
                    let first = try await play()
                    if try await play() != first { problems.append("\(label): the same seed gave a different session") }
                    problems += try breaches(in: first, by: role, file: file).map { "\(label): \($0)" }
                }
            }
        }
        return problems
    }

    private static func breaches(in record: SessionRecord, by role: Role, file: ScenarioFile) throws -> [String] {
        let utility = try UtilityFunction(profile: file.profile(for: role)!, scenario: file.scenario)
        var problems: [String] = []
        for entry in record.transcript.entries where entry.by == role {
            if let violation = entry.violation { problems.append("turn \(entry.turn) broke a rule: \(violation)") }
            if let terms = entry.action.offeredTerms, let value = utility.utility(of: terms), value < utility.reservation {
                problems.append("turn \(entry.turn) offered terms below its reservation value")
            }
        }
        switch record.settlement.outcome {
        case .agreement(let agreement):
            if let value = utility.utility(of: agreement.terms), value < utility.reservation {
                problems.append("it agreed to terms below its reservation value")
            }
        case .failure(role, let error):
            problems.append("it threw: \(error)")
        default:
            break
        }
        return problems
    }
}

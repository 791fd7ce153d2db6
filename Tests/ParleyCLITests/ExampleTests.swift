@testable import CustomStrategyExample
import Foundation
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Testing

@Suite("The custom strategy example")
struct ExampleTests {
    @Test(arguments: ["boulware", "conceder", "tit-for-tat", "hardliner"])
    func anchoredNegotiatesAndNeverGoesBelowItsReservation(opponent: String) async throws {
        let record = try await Example.run(
            scenarioPath: CLI.repository.appendingPathComponent("Examples/Scenarios/industrial-components.json").path,
            opponent: opponent, seed: 3, clock: ManualClock()
        )
        let analysis = try #require(record.settlement.analysis)
        #expect(analysis.buyer.utility >= analysis.buyer.reservation)
        #expect(record.transcript.entries.allSatisfy { $0.violation == nil })
        if opponent != "hardliner" {
            #expect(analysis.agreed, "anchored reaches agreement with \(opponent)")
        }
    }
}

@Suite("The custom strategy keeps the strategy contract")
struct ExampleConformanceTests {
    @Test func anchoredConforms() async throws {
        let data = try Data(contentsOf: CLI.repository.appendingPathComponent("Examples/Scenarios/industrial-components.json"))
        let file = try WireCodec().decode(ScenarioFile.self, from: data)
        let problems = try await StrategyConformance.check(file: file) { try Anchored(context: $0) }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func assembledConforms() async throws {
        let data = try Data(contentsOf: CLI.repository.appendingPathComponent("Examples/Scenarios/industrial-components.json"))
        let file = try WireCodec().decode(ScenarioFile.self, from: data)
        let problems = try await StrategyConformance.check(file: file) { try assembled(context: $0) }
        #expect(problems.isEmpty, "\(problems)")
    }
}

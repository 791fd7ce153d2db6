import ParleyAgents
import ParleyAnalysis
import ParleyProtocol
import Testing

@Suite("Scenario generator")
struct ScenarioGeneratorTests {
    static func generate(_ issues: Int, _ values: Int, _ opposition: Double, seed: UInt64) throws(ScenarioGenerator.Failure) -> ScenarioFile {
        var random = SeededGenerator(seed: seed)
        return try ScenarioGenerator(issues: issues, values: values, opposition: opposition).generate(id: "g", using: &random)
    }

    static func statistics(_ file: ScenarioFile) throws -> ScenarioStatistics {
        ScenarioStatistics(try OutcomeLandscape(scenario: file.scenario, buyer: try #require(file.profile(for: .buyer)), seller: try #require(file.profile(for: .seller))))
    }

    @Test(arguments: [(0.05, 1 as UInt64), (0.2, 2), (0.35, 3), (0.45, 4)])
    func theOppositionIsReachedAndTheScenarioIsValid(target: Double, seed: UInt64) throws {
        let file = try Self.generate(3, 8, target, seed: seed)
        #expect(file.validate().isEmpty)
        #expect(OutcomeSpace(file.scenario)?.count == 512)
        let statistics = try Self.statistics(file)
        #expect(abs(statistics.opposition - target) <= ScenarioGenerator.tolerance)
        #expect(statistics.buyer.best == 1 && statistics.seller.best == 1)
    }

    @Test func theSameSeedGivesTheSameScenario() throws {
        let first = try Self.generate(2, 12, 0.3, seed: 42)
        #expect(try Self.generate(2, 12, 0.3, seed: 42) == first)
        #expect(try Self.generate(2, 12, 0.3, seed: 43) != first)
    }

    @Test func impossibleRequestsAreRefusedWithTheReason() {
        func reason(_ issues: Int, _ values: Int, _ opposition: Double) -> String? {
            do {
                _ = try Self.generate(issues, values, opposition, seed: 1)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(reason(2, 5, 1.3)?.contains("reaches oppositions from") == true)
        #expect(reason(12, 1_000, 0.3)?.contains("more than the") == true)
        #expect(reason(0, 5, 0.3)?.contains("issues must be from 1 to 12") == true)
        #expect(reason(2, 1, 0.3)?.contains("values per issue must be from 2 to 1000") == true)
        #expect(reason(2, 5, .nan)?.contains("opposition must be") == true)
        #expect(reason(2, 5, -1)?.contains("opposition must be") == true)
    }
}

import Foundation
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import PropertyBased
import Testing

/// Scenario files across the full range of every field: each is either rejected with typed problems at their
/// paths, or plays a whole session to a typed outcome. None may trap.
///
/// A failure names its seed (`.fixedSeed(…)` replays it); should a case ever trap, the case being played is in
/// `$TMPDIR/parley-fuzz-scenario.json`.
@Suite("Hostile scenario files")
struct HostileScenarioTests {
    static let cases = 1_500
    static let lastCase = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fuzz-scenario.json")

    @Test func everyFileIsRejectedWithTypedProblemsOrPlaysToAnOutcome() async throws {
        let tally = Tally()
        let documents = Gen.uint64(in: .min ... .max).map { seed in
            var values = HostileValues(seed: seed)
            return values.scenarioFile()
        }
        await propertyCheck(count: Self.cases, input: documents, Gen.uint64(in: .min ... .max), Gen.int(in: 0...5)) { json, seed, strategy in
            try? Data(json.utf8).write(to: Self.lastCase)
            let decoded = Result { () throws(ScenarioLoader.Failure) in try ParleyScenarioFormat().decode(path: "fuzz.json", data: Data(json.utf8)) }
            guard case .success(let file) = decoded else {
                if case .failure(let error) = decoded {
                    #expect(!error.problems.isEmpty && error.problems.allSatisfy { !$0.code.isEmpty && $0.path.hasPrefix("$") })
                }
                await tally.count(\.undecodable)
                return
            }
            let problems = file.validate()
            guard problems.isEmpty else {
                #expect(problems.allSatisfy { !$0.code.isEmpty && $0.path.hasPrefix("$") })
                await tally.count(\.invalid)
                return
            }
            let record = try await Self.play(file, buyer: StrategyRegistry.builtIns.names[strategy], seed: seed)
            #expect(record.transcript.entries.count <= file.scenario.deadline.maximumTurns)
            var rules = AlternatingOffers(scenario: file.scenario)
            for entry in record.transcript.entries where entry.violation == nil { try rules.apply(entry.action, by: entry.by) }
            if case .agreement = record.settlement.outcome { #expect(rules.outcome == record.settlement.outcome) }
            await tally.count(\.played)
        }
        let counts = await tally.counts
        print("hostile scenario files: \(counts.undecodable) undecodable, \(counts.invalid) invalid, \(counts.played) played")
        // The generator must reach all three ends, or the property says little.
        #expect(counts.undecodable > 0 && counts.invalid > 0 && counts.played > Self.cases / 10)
    }

    @Test func aWallClockOnlyDeadlineEndsAtTheTurnCap() async throws {
        var file = try Support.file()
        file.scenario.deadline = Deadline(seconds: Limits.maximumSeconds)
        let record = try await Self.play(file, buyer: "hardliner", seller: "hardliner", seed: 1)
        #expect(record.settlement.outcome == .deadline)
        #expect(record.transcript.entries.count == 2 * Limits.maximumRounds)
    }

    static func play(_ file: ScenarioFile, buyer: String, seller: String = "random", seed: UInt64) async throws -> SessionRecord {
        let match = Match(
            file: file, buyer: try StrategySource(AgentSpec(parsing: buyer)), seller: try StrategySource(AgentSpec(parsing: seller)), seed: seed,
            landscape: try OutcomeLandscape(file: file)
        )
        return try await Support.arbiter(ManualClock()).play(match)
    }

    actor Tally {
        struct Counts { var undecodable = 0, invalid = 0, played = 0 }
        var counts = Counts()
        func count(_ field: WritableKeyPath<Counts, Int>) { counts[keyPath: field] += 1 }
    }
}

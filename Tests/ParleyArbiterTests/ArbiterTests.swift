import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Synchronization
import Testing

@Suite("Arbiter")
struct ArbiterTests {
    /// The reference scenario with a 5-second turn limit.
    func timedFile() throws -> ScenarioFile {
        var file = try Support.file()
        file.scenario.turnTimeLimit = 5
        return file
    }

    @Test func boulwareAgainstConcederReachesAnAnalysedAgreement() async throws {
        let file = try Support.file()
        let record = await Support.arbiter(ManualClock()).run(
            try Support.setup(file, buyer: "boulware", seller: "conceder"),
            buyer: try Support.agent("boulware", .buyer, file), seller: try Support.agent("conceder", .seller, file)
        )
        let agreement = try #require(record.settlement.outcome.agreement)
        let analysis = try #require(record.settlement.analysis)
        #expect(analysis.agreed)
        #expect(analysis.buyer.utility >= 0 && analysis.seller.utility >= 0)
        #expect(analysis.nash != nil && analysis.kalaiSmorodinsky != nil && analysis.egalitarian != nil)
        #expect(record.settlement.turns == record.transcript.entries.count)
        #expect(agreement.turns == record.settlement.turns)

        // The transcript replays through the rules to the same outcome.
        var rules = AlternatingOffers(scenario: file.scenario)
        for entry in record.transcript.entries {
            #expect(entry.violation == nil)
            #expect(entry.turn == rules.turns + 1 && entry.round == rules.round)
            try rules.apply(entry.action, by: entry.by)
        }
        #expect(rules.outcome == record.settlement.outcome)
    }

    @Test func sameSeedGivesTheSameSession() async throws {
        let file = try Support.file("industrial-components")
        func run() async throws -> SessionRecord {
            await Support.arbiter(ManualClock()).run(
                try Support.setup(file, buyer: "random", seller: "tit-for-tat", seed: 42),
                buyer: try Support.agent("random", .buyer, file, seed: 42), seller: try Support.agent("tit-for-tat", .seller, file, seed: 42)
            )
        }
        let first = try await run()
        #expect(try await run() == first)
        #expect(first.transcript.entries.count > 2)
    }

    @Test func aThrowingStrategyEndsItsSessionWithFailure() async throws {
        let file = try Support.file()
        let record = await Support.arbiter(ManualClock()).run(
            try Support.setup(file, buyer: "boulware", seller: "throwing"),
            buyer: try Support.agent("boulware", .buyer, file), seller: ThrowingStrategy()
        )
        #expect(record.settlement.outcome == .failure(by: .seller, error: "the model fell over"))
        #expect(record.transcript.entries.count == 1)
        #expect(record.settlement.analysis?.agreed == false)
    }

    @Test func aHangingStrategyTimesOutItsTurn() async throws {
        let file = try timedFile()
        let clock = ManualClock()
        let session = Task {
            await Support.arbiter(clock).run(
                try Support.setup(file, buyer: "hanging", seller: "conceder"),
                buyer: HangingStrategy(clock: clock), seller: try Support.agent("conceder", .seller, file)
            )
        }
        await clock.waitForSleepers(count: 2)  // the arbiter's timer and the hanging strategy
        clock.advance(by: .seconds(5))
        let record = try await session.value
        #expect(record.settlement.outcome == .turnTimeout(by: .buyer))
        #expect(record.transcript.entries.isEmpty)
        #expect(record.transcript.elapsed == 5)
    }

    @Test func aSlowAnswerPastTheLimitIsATimeout() async throws {
        let file = try timedFile()
        let clock = ManualClock()
        let record = await Support.arbiter(clock).run(
            try Support.setup(file, buyer: "conceder", seller: "slow"),
            buyer: try Support.agent("conceder", .buyer, file), seller: LateStrategy(clock: clock, delay: .seconds(6))
        )
        #expect(record.settlement.outcome == .turnTimeout(by: .seller))
        #expect(record.transcript.entries.count == 1, "the late answer is not applied")
    }

    @Test func aHangingStrategyMeetsTheWallClockDeadline() async throws {
        var file = try Support.file()
        file.scenario.deadline = Deadline(rounds: 100, seconds: 30)
        let clock = ManualClock()
        let session = Task {
            await Support.arbiter(clock).run(
                try Support.setup(file, buyer: "linear", seller: "hanging"),
                buyer: try Support.agent("linear", .buyer, file), seller: HangingStrategy(clock: clock)
            )
        }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(30))
        let record = try await session.value
        #expect(record.settlement.outcome == .deadline)
    }

    @Test(arguments: [
        (Action.offer(["price": .integer(15000)]), ViolationCode.missingIssue),
        (Action.accept, ViolationCode.noStandingOffer),
        (Action.offer(["price": .integer(10050), "quantity": .integer(10), "delivery_days": .integer(1)]), ViolationCode.valueOutOfDomain),
    ])
    func aRuleBreakerEndsItsSessionWithAViolation(action: Action, code: ViolationCode) async throws {
        let file = try Support.file()
        let record = await Support.arbiter(ManualClock()).run(
            try Support.setup(file, buyer: "fixed", seller: "boulware"),
            buyer: FixedStrategy(action), seller: try Support.agent("boulware", .seller, file)
        )
        #expect(record.settlement.outcome == .violation(by: .buyer, code: code))
        let entry = try #require(record.transcript.entries.last)
        #expect(entry.violation?.code == code)
        #expect(entry.action == action)
    }

    @Test func oneBadSessionLeavesConcurrentSessionsAlone() async throws {
        let file = try timedFile()
        let clock = ManualClock()
        let arbiter = Support.arbiter(clock)
        let hanging = Task {
            await arbiter.run(try Support.setup(file, buyer: "hanging", seller: "linear"), buyer: HangingStrategy(clock: clock), seller: try Support.agent("linear", .seller, file))
        }
        async let throwing = arbiter.run(try Support.setup(file, buyer: "throwing", seller: "linear"), buyer: ThrowingStrategy(), seller: try Support.agent("linear", .seller, file))
        async let healthy = arbiter.run(
            try Support.setup(file, buyer: "boulware", seller: "conceder"),
            buyer: try Support.agent("boulware", .buyer, file), seller: try Support.agent("conceder", .seller, file)
        )
        #expect(try await healthy.settlement.outcome.agreement != nil)
        #expect(try await throwing.settlement.outcome == .failure(by: .buyer, error: "the model fell over"))
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(5))
        #expect(try await hanging.value.settlement.outcome == .turnTimeout(by: .buyer))
    }

    @Test func bothSidesHearTheOutcome() async throws {
        let file = try Support.file()
        let heard = OutcomeRecorder.Heard()
        let record = await Support.arbiter(ManualClock()).run(
            try Support.setup(file, buyer: "listening", seller: "listening", analyse: false),
            buyer: OutcomeRecorder(heard: heard), seller: OutcomeRecorder(heard: heard)
        )
        #expect(record.settlement.outcome == .walkAway(by: .buyer, reason: "done"))
        #expect(heard.all == [record.settlement.outcome, record.settlement.outcome])
        #expect(record.settlement.analysis == nil)
    }

    @Test func missingProfileIsAClearSetupError() throws {
        var file = try Support.file()
        file.profiles[.seller] = nil
        #expect(throws: SessionSetupError.missingProfile(.seller)) {
            try Support.agent("boulware", .seller, file)
        }
    }
}

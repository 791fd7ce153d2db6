import Foundation
import Logging
import ParleyAgents
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Testing

@Suite("The misbehaving strategies misbehave exactly as their names say")
struct DoubleTests {
    static func setup(turnLimit: Double? = nil) -> (SessionSetup, ScenarioFile) {
        var file = ReferenceScenarios.reference
        file.scenario.turnTimeLimit = turnLimit
        let agent = AgentDescriptor(strategy: "double", spec: "double")
        return (SessionSetup(id: SessionID(rawValue: "d"), scenario: file.scenario, buyer: agent, seller: agent, seed: 1, landscape: nil), file)
    }

    static func arbiter(_ clock: ManualClock) -> Arbiter<ManualClock> {
        Arbiter(clock: clock, wallClock: { Date(timeIntervalSince1970: 0) }, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    @Test("ThrowingStrategy ends its session as a failure naming its side")
    func throwing() async {
        let (setup, _) = Self.setup()
        let record = await Self.arbiter(ManualClock()).run(setup, buyer: ThrowingStrategy(), seller: FixedStrategy(.walkAway()))
        #expect(record.settlement.outcome == .failure(by: .buyer, error: "the model fell over"))
    }

    @Test("HangingStrategy never answers, so a turn limit ends it as a turn time-out")
    func hanging() async {
        let (setup, _) = Self.setup(turnLimit: 5)
        let clock = ManualClock()
        async let record = Self.arbiter(clock).run(setup, buyer: HangingStrategy(clock: clock), seller: FixedStrategy(.walkAway()))
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(5))
        #expect(await record.settlement.outcome == .turnTimeout(by: .buyer))
    }

    @Test("LateStrategy answers after its delay, which past the turn limit is a time-out, and within it is a move")
    func late() async {
        let (limited, _) = Self.setup(turnLimit: 5)
        let clock = ManualClock()
        let tooLate = await Self.arbiter(clock).run(limited, buyer: LateStrategy(clock: clock, delay: .seconds(6)), seller: FixedStrategy(.walkAway()))
        #expect(tooLate.settlement.outcome == .turnTimeout(by: .buyer))
        #expect(clock.now == ManualClock.Instant(offset: .seconds(6)))
        let (unlimited, _) = Self.setup()
        let inTime = await Self.arbiter(ManualClock()).run(unlimited, buyer: LateStrategy(clock: ManualClock(), delay: .seconds(6)), seller: FixedStrategy(.walkAway()))
        #expect(inTime.settlement.outcome == .walkAway(by: .buyer, reason: "late"))
    }

    @Test("FixedStrategy takes its one action every turn, and the arbiter judges it")
    func fixed() async {
        let (setup, _) = Self.setup()
        let record = await Self.arbiter(ManualClock()).run(setup, buyer: FixedStrategy(.accept), seller: FixedStrategy(.walkAway()))
        #expect(record.transcript.entries.first?.action == .accept)
        #expect(record.settlement.outcome.kind == .violation)
        #expect(record.settlement.outcome.causedBy == .buyer)
    }

    @Test("OutcomeRecorder hears the outcome of its session, once on each side")
    func recorder() async {
        let (setup, _) = Self.setup()
        let heard = OutcomeRecorder.Heard()
        let record = await Self.arbiter(ManualClock()).run(setup, buyer: OutcomeRecorder(heard: heard), seller: OutcomeRecorder(heard: heard))
        #expect(record.settlement.outcome == .walkAway(by: .buyer, reason: "done"))
        #expect(heard.all == [record.settlement.outcome, record.settlement.outcome])
    }
}

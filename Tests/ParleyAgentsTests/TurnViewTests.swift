import ParleyAgents
import ParleyProtocol
import ParleyTesting
import Testing

@Suite("Turn view")
struct TurnViewTests {
    static func view(rounds: Int?, seconds: Double, turn: Int, elapsed: Duration) -> TurnView {
        var scenario = ReferenceScenarios.reference.scenario
        scenario.deadline = Deadline(rounds: rounds, seconds: seconds)
        return TurnView(scenario: scenario, role: .buyer, turn: turn, history: [], elapsed: elapsed)
    }

    @Test func wallClockProgressMovesInThousandthsOfTheDeadline() {
        #expect(Self.view(rounds: 60, seconds: 120, turn: 1, elapsed: .milliseconds(90)).progress == 0, "jitter below a step changes nothing")
        #expect(Self.view(rounds: 60, seconds: 120, turn: 1, elapsed: .milliseconds(130)).progress == 0.001)
        #expect(Self.view(rounds: nil, seconds: 10, turn: 1, elapsed: .seconds(5)).progress == 0.5)
        #expect(Self.view(rounds: nil, seconds: 10, turn: 1, elapsed: .seconds(11)).progress == 1)
    }

    @Test func roundsProgressWinsWhenFurther() {
        #expect(Self.view(rounds: 11, seconds: 1000, turn: 11, elapsed: .milliseconds(1)).progress == 0.5)
    }

    /// Discount time is GENIUS's: round / rounds (turn 11 is round 6), not the strategy's progress; the wall clock
    /// counts only without a rounds limit.
    @Test func discountTimeIsTheRoundOverTheRoundsOrTheWallClockWithoutThem() {
        let view = Self.view(rounds: 10, seconds: 1000, turn: 11, elapsed: .seconds(900))
        #expect(view.discountTime == 0.6 && view.nextRoundDiscountTime == 0.7)
        #expect(Self.view(rounds: nil, seconds: 10, turn: 3, elapsed: .seconds(4)).discountTime == 0.4)
    }

    /// A strategy that keeps one counter sees each standing offer once, and never its own offers or an accept.
    @Test func aNewStandingOfferIsSeenOnce() {
        let scenario = ReferenceScenarios.reference.scenario
        let terms: Terms = ["price": .integer(10_000), "quantity": .integer(100), "delivery_days": .integer(1)]
        let offer = TranscriptEntry(turn: 2, round: 1, by: .seller, action: .offer(terms), elapsed: 0)
        var seen = 0
        let view = TurnView(scenario: scenario, role: .buyer, turn: 3, history: [offer], elapsed: .zero)
        #expect(view.newStandingOffer(since: &seen) == terms && seen == 2)
        #expect(view.newStandingOffer(since: &seen) == nil, "the same offer again is not new")
        let own = TurnView(scenario: scenario, role: .seller, turn: 3, history: [offer], elapsed: .zero)
        var fresh = 0
        #expect(own.newStandingOffer(since: &fresh) == nil && fresh == 0, "its own offer is not the opponent's")
    }
}

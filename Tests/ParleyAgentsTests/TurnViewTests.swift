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
}

@testable import ParleyCLI
import ParleyTournament
import Testing

@Suite("Tournament progress line")
struct ProgressDisplayTests {
    static let midway = TournamentProgress(total: 5000, resumed: 1000, played: 1200, stored: 1100, failures: 3, elapsed: 0.5)

    @Test func theLineShowsDoneTotalRateETAAndFailures() {
        #expect(ProgressDisplay.line(Self.midway) == "2200/5000 sessions · 2400/s · ETA 2s · 3 failures")
        var slow = Self.midway
        slow.elapsed = 600
        #expect(ProgressDisplay.line(slow) == "2200/5000 sessions · 2/s · ETA 23m20s · 3 failures")
    }

    @Test func theSummaryMentionsAResume() {
        let summary = ProgressDisplay.summary(Self.midway, store: "x.sqlite")
        #expect(summary == "Played 1200 sessions in 0.50 s (2400 sessions/s), resumed after 1000 already stored; 3 ended by an agent fault; 2200 of 5000 stored in x.sqlite.")
    }
}

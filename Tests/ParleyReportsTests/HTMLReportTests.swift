import Foundation
import ParleyLedger
import ParleyReports
import ParleyTournament
import Testing

@Suite("The HTML report's page")
struct HTMLReportTests {
    /// Every session is listed and replayable in a small tournament; past the limits the page lists the first
    /// repetitions of every scenario and pairing, replays a spread of them, and says so, while the leaderboard still
    /// counts every session.
    @Test func aLargeTournamentIsSampledAndThePageSaysSo() async throws {
        let plan = try ReportsSupport.plan(agents: "boulware,conceder,linear", repetitions: 4)
        let store = ReportsSupport.store()
        let report = try await ReportsSupport.run(plan, store: store)
        let whole = try HTMLReport(report: report).html(store: store)
        #expect(Self.count("<tr data-scenario=", in: whole) == plan.total && plan.total == 24)
        #expect(Self.count("data-replay=", in: whole) == plan.total)
        #expect(!whole.contains("This page lists"))

        var sampled = HTMLReport(report: report)
        sampled.sessionLimit = 12
        sampled.replayLimit = 3
        let page = try sampled.html(store: store)
        // 6 pairings: 2 of each pairing's 4 repetitions listed; one pairing in two replayed.
        #expect(Self.count("<tr data-scenario=", in: page) == 12)
        #expect(Self.count("data-replay=", in: page) == 3)
        #expect(page.contains("This page lists 12 of the 24 sessions") && page.contains("Replays are embedded for 3 of the 24 sessions"))
        #expect(page.contains("<td data-column=\"sessions\" data-value=\"16\">16</td>"), "each agent's 16 sessions still counted")
    }

    /// Text from agents and scenarios cannot end the data's script element or inject markup.
    @Test func textCannotEscapeItsPlace() async throws {
        let plan = try ReportsSupport.plan(agents: "boulware,conceder")
        let store = ReportsSupport.store()
        let page = try HTMLReport(report: try await ReportsSupport.run(plan, store: store)).html(store: store)
        let data = try #require(page.range(of: "<script type=\"application/json\" id=\"report-data\">"))
        let end = try #require(page.range(of: "</script>", range: data.upperBound..<page.endIndex))
        #expect(!page[data.upperBound..<end.lowerBound].contains("</"), "no closing tag inside the data")
        #expect(page.hasPrefix("<!doctype html>") && page.contains("<html lang=\"en\">"))
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
}

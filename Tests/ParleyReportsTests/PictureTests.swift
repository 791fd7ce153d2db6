import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyLedger
import ParleyReports
import ParleyTesting
import ParleyTournament
import Testing

/// Counts the elements of an SVG document, failing on anything that is not well-formed XML.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var titles: [String] = []
    private var inTitle = false

    static func count(_ svg: String) throws -> ElementCounter {
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = counter
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return counter
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        if name == "title" {
            inTitle = true
            titles.append("")
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { titles[titles.count - 1] += string }
    }
}

@Suite("Pictures")
struct PictureTests {
    @Test func aSessionPlotShowsEveryOfferTheFrontierNashKalaiAndTheAgreement() async throws {
        let plan = try ReportsSupport.plan(agents: "boulware,conceder", repetitions: 1)
        let store = ReportsSupport.store()
        _ = try await ReportsSupport.run(plan, store: store)
        let (record, profiles) = try store.record(of: store.session("1"))
        let svg = try SessionPlot(record: record, profiles: profiles).svg()
        #expect(svg.hasPrefix("<?xml") && svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!svg.contains("<script") && !svg.contains("href"), "self-contained")
        let elements = try ElementCounter.count(svg)
        let offers = record.transcript.entries.filter { $0.action.offeredTerms != nil }.count
        #expect(elements.titles.filter { $0.contains(" offer: ") }.count == offers)
        #expect(elements.titles.contains { $0.hasPrefix("Nash point") })
        #expect(elements.titles.contains { $0.hasPrefix("Kalai–Smorodinsky point") })
        #expect(elements.titles.contains { $0.hasPrefix("egalitarian point") })
        #expect(elements.titles.contains { $0.hasPrefix("agreement: ") } == (record.settlement.outcome.agreement != nil))
        #expect((elements.counts["polyline"] ?? 0) >= 3, "the frontier and both sides' paths")
    }

    @Test func aSessionWithoutProfilesCannotBePlotted() throws {
        let (record, _) = try Self.anyRecord()
        #expect {
            try SessionPlot(record: record, profiles: [:]).svg()
        } throws: { ($0 as? ReportError)?.code == .missingProfiles }
    }

    @Test func theTournamentChartHasEveryAgentAndEveryPairing() async throws {
        let plan = try ReportsSupport.plan(agents: "boulware,linear,conceder", repetitions: 1)
        let store = ReportsSupport.store()
        let report = try await ReportsSupport.run(plan, store: store)
        let svg = TournamentChart(leaderboard: report.leaderboard, title: "A <title> & more").svg()
        let elements = try ElementCounter.count(svg)
        #expect(svg.contains("A &lt;title&gt; &amp; more"))
        #expect(elements.titles.filter { $0.contains(" against ") }.count == 6, "three agents, six ordered pairings")
        #expect(elements.titles.filter { $0.contains("never met") }.count == 3, "the diagonal without self-play")
        #expect(elements.titles.filter { $0.contains("% agreement") || $0.contains("agreement ") }.count >= 3)
    }

    static func anyRecord() throws -> (SessionRecord, [Role: Profile]) {
        let file = try ReportsSupport.file("reference-supply")
        let header = Transcript.Header(
            sessionID: SessionID(rawValue: "s-1"), scenario: file.scenario, buyer: AgentDescriptor(strategy: "x", spec: "x"),
            seller: AgentDescriptor(strategy: "y", spec: "y"), seed: 1, startedAt: Date(timeIntervalSince1970: 0)
        )
        let transcript = Transcript(header: header, entries: [], outcome: .deadline, elapsed: 0)
        return (SessionRecord(transcript: transcript, settlement: Settlement(outcome: .deadline, turns: 0, rounds: 0, elapsed: 0, analysis: nil)), file.profiles)
    }
}

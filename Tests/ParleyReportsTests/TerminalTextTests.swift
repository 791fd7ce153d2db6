import Foundation
import ParleyProtocol
import ParleyRecords
import ParleyReports
import Testing

/// Text that came from agents reaches a terminal with its control characters escaped.
@Suite("Text for terminals")
struct TerminalTextTests {
    @Test func notesReasonsAndFailuresArePrintedWithTheirControlCharactersEscaped() throws {
        var (record, _) = try PictureTests.anyRecord()
        let terms = try #require(OutcomeSpace(record.transcript.header.scenario)).terms(at: 0)
        record.transcript.entries = [
            TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .offer(terms, note: "hi\u{1B}[2J\u{1B}]0;owned\u{07}"), elapsed: 0),
            TranscriptEntry(turn: 2, round: 1, by: .seller, action: .walkAway(reason: "bye\r\nturn 3 round 2 buyer accept"), elapsed: 0),
        ]
        record.settlement.outcome = .failure(by: .seller, error: "crashed\u{1B}[31m")
        let text = ReadableReport(record: record, landscape: nil).text
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(text.contains(#"“hi\u{1B}["#), "the note, escaped (the action column then cuts it to width)")
        #expect(text.contains(#"bye\u{D}\u{A}turn 3 round 2 buyer accept"#), "a reason cannot forge a line of its own")
        #expect(text.contains(#"crashed\u{1B}[31m"#))
    }
}

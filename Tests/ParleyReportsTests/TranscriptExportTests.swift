import Foundation
import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyReports
import Testing

@Suite("Transcript exports: JSON, JSON Lines that re-verify on their own, CSV")
struct TranscriptExportTests {
    static func exported(_ format: TranscriptExport.Format) async throws -> (text: String, sessions: [StoredSession], store: any TranscriptStore) {
        let store = ReportsSupport.store()
        _ = try await ReportsSupport.run(try ReportsSupport.plan(agents: "boulware,conceder"), store: store)
        let sessions = try store.sessions().reversed().map { $0 }
        var data = Data()
        try TranscriptExport(store: store).write(sessions, as: format) { data += $0 }
        return (String(decoding: data, as: UTF8.self), sessions, store)
    }

    @Test("JSON Lines carry each record's canonical bytes verbatim, so the chain recomputes from the export alone")
    func jsonLines() async throws {
        let (text, sessions, store) = try await Self.exported(.jsonl)
        let lines = text.split(separator: "\n").map(String.init)
        let links = try sessions.flatMap { try store.links(of: $0) }
        #expect(lines.count == links.count)
        for (line, link) in zip(lines, links) {
            #expect(line.hasPrefix(#"{"body":"# + link.body + #","hash":""# + link.hash + "\""))
        }
        var bySession: [Int: [String]] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let session = try #require(object["session"] as? Int)
            let bodyStart = try #require(line.range(of: #"{"body":"#)).upperBound
            let bodyEnd = try #require(line.range(of: #","hash":""#, options: .backwards)).lowerBound
            bySession[session, default: []].append(String(line[bodyStart..<bodyEnd]))
        }
        for stored in sessions {
            let recomputed = HashChain.link(try #require(bySession[stored.number]))
            #expect(recomputed.last?.hash == stored.finalHash)
        }
    }

    @Test("JSON holds every session's transcript, settlement and profiles")
    func json() async throws {
        let (text, sessions, store) = try await Self.exported(.json)
        struct Document: Decodable { var `protocol`: String; var sessions: [TranscriptExport.ExportedSession] }
        let document = try WireCodec().decode(Document.self, from: Data(text.utf8))
        #expect(document.protocol == "parley/1")
        #expect(document.sessions.map(\.number) == sessions.map(\.number))
        for (exported, stored) in zip(document.sessions, sessions) {
            let (record, profiles) = try store.record(of: stored)
            #expect(exported.transcript == record.transcript && exported.settlement == record.settlement)
            #expect(exported.profiles["buyer"] == profiles[.buyer])
        }
    }

    @Test("CSV has a header and one row per session with its summary")
    func csv() async throws {
        let (text, sessions, _) = try await Self.exported(.csv)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == TranscriptExport.csvColumns)
        #expect(rows.count == sessions.count + 1)
        for (row, stored) in zip(rows.dropFirst(), sessions) {
            #expect(row[0] == String(stored.number) && row[1] == stored.sessionID.rawValue && row[7] == stored.outcome.rawValue)
            #expect(row[10] == stored.finalHash)
        }
    }
}

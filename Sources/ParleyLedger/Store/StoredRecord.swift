import Foundation
import ParleyProtocol
import ParleyRecords

/// Reads a session back from its chain records: the header (with the profiles), the events, the settlement.
enum StoredRecord {
    /// Decodes a session from its chain records; throws ``StoreError/Code/unreadableRecord`` when one cannot be read.
    static func decode(_ links: [ChainLink], of session: StoredSession) throws(StoreError) -> (record: SessionRecord, profiles: [Role: Profile]) {
        let codec = WireCodec()
        do {
            guard let first = links.first, first.kind == .header, let last = links.last, last.kind == .settlement else {
                throw StoreError(.unreadableRecord, "session \(session.number) is missing its header or settlement record")
            }
            let header = try codec.decode(ChainedHeader.self, from: Data(first.body.utf8))
            let settlement = try codec.decode(Settlement.self, from: Data(last.body.utf8))
            let entries = try links.dropFirst().dropLast().map { try codec.decode(TranscriptEntry.self, from: Data($0.body.utf8)) }
            let transcript = Transcript(header: header.header, entries: entries, outcome: settlement.outcome, elapsed: settlement.elapsed)
            var profiles: [Role: Profile] = [:]
            for (role, profile) in header.profiles { if let role = Role(rawValue: role) { profiles[role] = profile } }
            return (SessionRecord(transcript: transcript, settlement: settlement), profiles)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unreadableRecord, "session \(session.number) has a record that cannot be read: \(error)")
        }
    }

}

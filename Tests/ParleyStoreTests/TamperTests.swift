import Foundation
import GRDB
import ParleyStore
import Testing

/// Each test changes one stored value with raw SQL, as someone with the `sqlite3` tool could, and checks that
/// verification fails and names the place.
@Suite("Tampering is detected")
struct TamperTests {
    func tampered(_ sql: String) async throws -> [VerificationFailure] {
        let path = try Support.storePath()
        let store = try TranscriptStore(path: path)
        let (record, profiles) = try await Support.session()
        try store.save(record, profiles: profiles)
        try store.save(record, profiles: profiles)
        #expect(try store.verifyAll().failures.isEmpty)
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
        return try store.verifyAll().failures
    }

    @Test func anEditedEventNamesItsRecord() async throws {
        let failures = try await tampered(#"UPDATE records SET body = replace(body, '"by":"seller"', '"by":"buyer"') WHERE session = 1 AND idx = 4"#)
        #expect(failures.map(\.session) == [1])
        #expect(failures.first?.record == 4)
    }

    @Test func anEditedProfileInTheHeaderIsDetected() async throws {
        let failures = try await tampered(#"UPDATE records SET body = replace(body, '"reservation":0', '"reservation":0.5') WHERE session = 2 AND idx = 0"#)
        #expect(failures.map(\.session) == [2])
        #expect(failures.first?.record == 0)
    }

    @Test func aRecomputedHashBreaksTheNextRecord() async throws {
        let failures = try await tampered("UPDATE records SET hash = 'ab' || substr(hash, 3) WHERE session = 1 AND idx = 2")
        #expect(failures.first?.record == 2)
    }

    @Test func aRemovedRecordIsNamed() async throws {
        let failures = try await tampered("DELETE FROM records WHERE session = 1 AND idx = 3")
        #expect(failures.first?.record == 3)
        #expect(failures.first?.reason.contains("missing or out of order") == true)
    }

    @Test func reorderedRecordsAreDetected() async throws {
        let failures = try await tampered("""
            UPDATE records SET idx = -1 WHERE session = 1 AND idx = 1;
            UPDATE records SET idx = 1 WHERE session = 1 AND idx = 2;
            UPDATE records SET idx = 2 WHERE session = 1 AND idx = -1;
            """)
        #expect(failures.first?.record == 1)
    }

    @Test func anEditedSessionRowIsDetected() async throws {
        let failures = try await tampered("UPDATE sessions SET outcome = 'walkAway' WHERE number = 2")
        #expect(failures.map(\.session) == [2])
        #expect(failures.first?.reason.contains("outcome") == true)
    }

    @Test func anEditedFinalHashIsDetected() async throws {
        let failures = try await tampered("UPDATE sessions SET final_hash = 'ff' || substr(final_hash, 3) WHERE number = 1")
        #expect(failures.first?.reason.contains("final hash") == true)
    }
}

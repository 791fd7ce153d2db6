import Foundation
import GRDB
import ParleyLedger
import ParleyStore
import Testing

/// Each test changes stored values with raw SQL, as someone with the `sqlite3` tool could, and checks that
/// verification fails and names the place.
@Suite("Tampering is detected")
struct TamperTests {
    func tampered(_ edit: @escaping @Sendable (Database) throws -> Void) async throws -> [VerificationFailure] {
        let path = try Support.storePath()
        let store = try SQLiteStore(path: path)
        let (record, profiles) = try await Support.session()
        try store.save(record, profiles: profiles)
        try store.save(record, profiles: profiles)
        #expect(try store.verifyAll().failures.isEmpty)
        try await DatabaseQueue(path: path).write { db in try edit(db) }
        return try store.verifyAll().failures
    }

    func tampered(_ sql: String) async throws -> [VerificationFailure] {
        try await tampered { db in try db.execute(sql: sql) }
    }

    /// Rewrites one session's record lines with plain SQL, leaving its hashes alone.
    func tampered(session: Int, lines edit: @escaping @Sendable (inout [String]) -> Void) async throws -> [VerificationFailure] {
        try await tampered { db in
            var lines = try String.fetchOne(db, sql: "SELECT records FROM chains WHERE session = ?", arguments: [session])!
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            edit(&lines)
            try db.execute(sql: "UPDATE chains SET records = ? WHERE session = ?", arguments: [lines.joined(separator: "\n"), session])
        }
    }

    @Test func anEditedEventNamesItsRecord() async throws {
        let failures = try await tampered(session: 1) { lines in
            lines[4] = lines[4].replacingOccurrences(of: #""by":"seller""#, with: #""by":"buyer""#)
        }
        #expect(failures.map(\.session) == [1])
        #expect(failures.first?.record == 4)
        #expect(failures.first?.code == .brokenChain)
    }

    /// Reading a session back with its verification gives the record and verify's own finding, intact or not.
    @Test func aRecordReadWithItsVerificationCarriesVerifysFinding() async throws {
        let path = try Support.storePath()
        let store = try SQLiteStore(path: path)
        let (record, profiles) = try await Support.session()
        let stored = try store.save(record, profiles: profiles)
        let intact = try store.verifiedRecord(of: stored)
        #expect(intact.record == record && intact.profiles == profiles && intact.failure == nil)
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE sessions SET turns = turns + 1 WHERE number = 1") }
        let edited = try store.session("1")
        let found = try store.verifiedRecord(of: edited)
        #expect(found.record == record, "the chain itself is intact")
        #expect(found.failure == (try store.verify(edited)) && found.failure?.code == .summaryMismatch)
    }

    @Test func anEditedProfileInTheHeaderIsDetected() async throws {
        let failures = try await tampered(#"UPDATE chains SET records = replace(records, '"reservation":0', '"reservation":0.5') WHERE session = 2"#)
        #expect(failures.map(\.session) == [2])
        #expect(failures.first?.record == 0)
    }

    @Test func anEditedHashIsNamed() async throws {
        let failures = try await tampered("UPDATE chains SET hashes = CAST(substr(hashes, 1, 64) || zeroblob(32) || substr(hashes, 97) AS BLOB) WHERE session = 1")
        #expect(failures.first?.record == 2)
    }

    @Test func aRemovedRecordIsNamed() async throws {
        let failures = try await tampered(session: 1) { lines in lines.remove(at: 3) }
        #expect(failures.first?.record == 3)
        #expect(failures.first?.reason.contains("removed") == true)
    }

    @Test func aRemovedRecordWithItsHashIsNamed() async throws {
        let failures = try await tampered { db in
            let lines = try String.fetchOne(db, sql: "SELECT records FROM chains WHERE session = 1")!.split(separator: "\n")
            try db.execute(
                sql: "UPDATE chains SET records = ?, hashes = CAST(substr(hashes, 1, 96) || substr(hashes, 129) AS BLOB) WHERE session = 1",
                arguments: [(lines[..<3] + lines[4...]).joined(separator: "\n")]
            )
        }
        #expect(failures.first?.record == 3)
    }

    @Test func reorderedRecordsAreDetected() async throws {
        let failures = try await tampered(session: 1) { lines in lines.swapAt(1, 2) }
        #expect(failures.first?.record == 1)
    }

    @Test func anEditedSessionRowIsDetected() async throws {
        let failures = try await tampered("UPDATE sessions SET outcome = 'walkAway' WHERE number = 2")
        #expect(failures.map(\.session) == [2])
        #expect(failures.first?.code == .summaryMismatch)
        #expect(failures.first?.reason.contains("outcome") == true)
    }

    @Test("A session row edited to a value no session can have is refused with a typed error naming the session and column")
    func anImpossibleSessionRowIsUnreadable() async throws {
        await #expect {
            _ = try await tampered("UPDATE sessions SET outcome = 'victory' WHERE number = 2")
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .unreadableRecord && error.message.contains("session 2") && error.message.contains("outcome")
        }
    }

    @Test func anEditedFinalHashIsDetected() async throws {
        let failures = try await tampered("UPDATE sessions SET final_hash = 'ff' || substr(final_hash, 3) WHERE number = 1")
        #expect(failures.first?.reason.contains("final hash") == true)
        #expect(failures.first?.code == .finalHashMismatch)
    }

    @Test func aDeletedChainIsDetected() async throws {
        let failures = try await tampered("DELETE FROM chains WHERE session = 2")
        #expect(failures.map(\.session) == [2])
    }
}

import Foundation
import GRDB
import Testing

@Suite("parley transcripts, end to end")
struct TranscriptsCommandTests {
    static let reference = "Examples/Scenarios/reference-supply.json"

    /// A store with two sessions written by `parley run`.
    func storeWithTwoSessions() throws -> String {
        let store = try CLI.temporaryPath("runs.sqlite")
        let first = try CLI.run("run", "--scenario", Self.reference, "--buyer", "boulware", "--seller", "conceder", "--store", store)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Stored as session 1 in \(store)"))
        let second = try CLI.run("run", "--scenario", "Examples/Scenarios/industrial-components.json", "--buyer", "hardliner", "--seller", "linear", "--store", store, "--json")
        #expect(second.status == 0)
        #expect(second.errors.contains("Stored as session 2"))
        return store
    }

    @Test func runThenVerifySucceeds() throws {
        let store = try storeWithTwoSessions()
        let verify = try CLI.run("transcripts", "verify", "--all", "--store", store)
        #expect(verify.status == 0)
        #expect(verify.output.contains("verified 2 sessions"))
    }

    @Test func aValueChangedWithRawSQLFailsVerificationAndNamesTheRecord() async throws {
        let store = try storeWithTwoSessions()
        try await DatabaseQueue(path: store).write { db in
            try db.execute(sql: #"UPDATE chains SET records = replace(records, '"round":2', '"round":3') WHERE session = 1"#)
        }
        let verify = try CLI.run("transcripts", "verify", "--store", store)
        #expect(verify.status == 1)
        #expect(verify.output.contains("BROKEN session 1, record 3"))
        #expect(try CLI.run("transcripts", "verify", "2", "--store", store).status == 0, "the other session is intact")
    }

    @Test func listFiltersAndShowReadsBack() throws {
        let store = try storeWithTwoSessions()
        let all = try CLI.run("transcripts", "list", "--store", store)
        #expect(all.output.contains("2 sessions"))
        let filtered = try CLI.run("transcripts", "list", "--store", store, "--scenario", "industrial-components", "--agent", "hardliner")
        #expect(filtered.output.contains("1 session"))
        #expect(filtered.output.contains("hardliner"))
        let show = try CLI.run("transcripts", "show", "1", "--store", store)
        #expect(show.status == 0)
        #expect(show.output.contains("Stored session 1 · final hash"))
        #expect(show.output.contains("Outcome: agreement"))
        #expect(show.output.contains("Nash point"))
    }

    @Test func exportsAreStableJSONAndJSONLines() throws {
        let store = try storeWithTwoSessions()
        let json = try CLI.run("transcripts", "export", "--all", "--format", "json", "--store", store)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(root["protocol"] as? String == "parley/1")
        let sessions = try #require(root["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["number"] as? Int } == [1, 2])
        #expect(sessions.allSatisfy { $0["transcript"] != nil && $0["settlement"] != nil && $0["finalHash"] is String })

        let lines = try CLI.run("transcripts", "export", "1", "--format", "jsonl", "--store", store).output.split(separator: "\n")
        let records = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(records.first?["kind"] as? String == "header")
        #expect(records.last?["kind"] as? String == "settlement")
        #expect(records.map { $0["index"] as? Int } == Array(0..<records.count).map { Optional($0) })
    }

    @Test func badStoresGetClearErrors() throws {
        let notAStore = try CLI.temporaryFile("this is not a database")
        let run = try CLI.run("run", "--scenario", Self.reference, "--buyer", "linear", "--seller", "linear", "--store", notAStore)
        #expect(run.status != 0)
        #expect(run.errors.contains("is not a Parley store"))
        let missing = try CLI.run("transcripts", "list", "--store", try CLI.temporaryPath("none.sqlite"))
        #expect(missing.status != 0)
        #expect(missing.errors.contains("there is no store at"))
    }

    @Test func noStoreWritesNothing() throws {
        let folder = try CLI.temporaryPath("unused.sqlite")
        let result = try CLI.run("run", "--scenario", Self.reference, "--buyer", "linear", "--seller", "linear", "--no-store", "--store", folder)
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

@Suite("parley keys and signed runs, end to end")
struct SigningCommandTests {
    @Test func generateSignAndVerify() throws {
        let base = try CLI.temporaryPath("arbiter")
        let other = try CLI.temporaryPath("other")
        #expect(try CLI.run("keys", "generate", "--out", base).status == 0)
        #expect(try CLI.run("keys", "generate", "--out", other).status == 0)
        let permissions = try FileManager.default.attributesOfItem(atPath: base + ".key")[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try CLI.run("keys", "generate", "--out", base).status != 0, "existing keys are not overwritten")

        let store = try CLI.temporaryPath("signed.sqlite")
        let run = try CLI.run("run", "--scenario", "Examples/Scenarios/reference-supply.json", "--buyer", "linear", "--seller", "conceder", "--store", store, "--signing-key", base + ".key")
        #expect(run.status == 0)
        #expect(run.output.contains("signed)."))
        let good = try CLI.run("transcripts", "verify", "--store", store, "--public-key", base + ".pub")
        #expect(good.status == 0)
        #expect(good.output.contains("signed by"))
        let wrong = try CLI.run("transcripts", "verify", "--store", store, "--public-key", other + ".pub")
        #expect(wrong.status == 1)
        #expect(wrong.output.contains("signed by another key"))
    }

    @Test func signingNeedsAStore() throws {
        let result = try CLI.run("run", "--scenario", "Examples/Scenarios/reference-supply.json", "--buyer", "linear", "--seller", "linear", "--no-store", "--signing-key", "x.key")
        #expect(result.status != 0)
        #expect(result.errors.contains("cannot be used with --no-store"))
    }
}

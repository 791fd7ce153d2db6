import Foundation
import GRDB
import ParleyLedger
import ParleyStore
import ParleyTournament
import Testing

/// Edits of what the leaderboard is computed from, made with raw SQL as someone with the `sqlite3` tool could:
/// whole sessions removed or duplicated, and tournament rows and entries deleted, moved, redirected or doubled.
/// Verification must fail and name the place.
@Suite("Tampering with sessions and tournaments is detected")
struct TournamentTamperTests {
    /// A finished tournament in a fresh store, verified intact, then edited; returns what verification finds.
    func tampered(expecting head: Bool = false, _ sql: String) async throws -> (failures: [VerificationFailure], plan: TournamentPlan) {
        let plan = try TournamentSupport.plan(agents: "boulware,conceder", repetitions: 2)
        let store = try TournamentSupport.store()
        _ = try await TournamentSupport.run(plan, store: store)
        let intact = try store.verifyAll()
        #expect(intact.failures.isEmpty && intact.checked == plan.total)
        // As the sqlite3 tool does by default: foreign keys are not enforced, so nothing cascades.
        try await DatabaseQueue(path: store.path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
        }
        return (try store.verifyAll(expecting: head ? intact.head : nil).failures, plan)
    }

    @Test func aSessionRemovedFromTheMiddleBreaksTheSequence() async throws {
        let (failures, _) = try await tampered("DELETE FROM sessions WHERE number = 2; DELETE FROM chains WHERE session = 2")
        #expect(failures.contains { $0.code == .brokenSequence && $0.session == 3 })
        #expect(failures.contains { $0.code == .orphanEntry }, "its entry now points at nothing")
    }

    @Test func theNewestSessionRemovedIsSeenAgainstTheHead() async throws {
        let (failures, plan) = try await tampered(
            expecting: true, "DELETE FROM tournament_sessions WHERE session = (SELECT max(number) FROM sessions); DELETE FROM sessions WHERE number = (SELECT max(number) FROM sessions)"
        )
        #expect(failures.map(\.code) == [.headMismatch])
        #expect(failures.first?.reason == "the store holds \(plan.total - 1) sessions, fewer than the \(plan.total) of the expected head: sessions were removed from its end")
    }

    @Test func aDuplicatedSessionBreaksTheSequence() async throws {
        let (failures, _) = try await tampered("""
            INSERT INTO sessions (session_id, scenario_id, buyer, seller, seed, started_at, outcome, caused_by, turns, final_hash, signature, public_key, link)
                SELECT session_id, scenario_id, buyer, seller, seed, started_at, outcome, caused_by, turns, final_hash, signature, public_key, link FROM sessions WHERE number = 1;
            INSERT INTO chains (session, records, hashes) SELECT (SELECT max(number) FROM sessions), records, hashes FROM chains WHERE session = 1;
            """)
        #expect(failures.map(\.code) == [.brokenSequence])
    }

    /// An entry whose column holds a value of the wrong type is read without a trap (SQLite converts it, as it
    /// converts any column), and verification names the entry as changed.
    @Test(arguments: [
        "buyer_utility = 'high'", "agreed = 'maybe'", "welfare = x'00ff'", "rounds = 'many'", "seller_discounted_utility = 0.5",
        "buyer_discounted_utility = 'late'", "buyer_model_pearson = 0.9, buyer_model_kendall = 0.8",
        #"seller_model_usage = '{"requests": 1}'"#, "buyer_model_usage = 'not json'",
    ])
    func anEntryWithAWrongTypeIsReadAndCaughtByVerification(change: String) async throws {
        let (failures, _) = try await tampered("UPDATE tournament_sessions SET \(change) WHERE idx = 2")
        #expect(!failures.isEmpty)
    }

    @Test func aDeletedEntryBreaksTheSequence() async throws {
        let (failures, _) = try await tampered("DELETE FROM tournament_sessions WHERE idx = 1")
        #expect(failures.map(\.code) == [.brokenSequence])
    }

    @Test func anEntryMovedToAnotherPositionBreaksTheSequence() async throws {
        let (failures, _) = try await tampered("UPDATE tournament_sessions SET idx = 1000 WHERE idx = 1")
        #expect(Set(failures.map(\.code)) == [.brokenSequence, .orphanEntry])
    }

    @Test func aSecondEntryForOneSessionIsNamed() async throws {
        let (failures, plan) = try await tampered("""
            INSERT INTO tournament_sessions SELECT tournament, 5000, session, scenario_id, buyer, seller, repetition, seed, outcome, caused_by, turns,
                rounds, agreed, buyer_utility, seller_utility, buyer_advantage, seller_advantage, welfare, distance_to_nash, distance_to_pareto,
                session_id, started_at, buyer_discounted_utility, seller_discounted_utility, buyer_model_pearson, buyer_model_kendall,
                seller_model_pearson, seller_model_kendall, buyer_model_usage, seller_model_usage FROM tournament_sessions WHERE idx = 0
            """)
        #expect(failures.contains { $0.code == .orphanEntry && $0.tournament == plan.id }, "position 5000 lies outside the plan")
    }

    @Test func anEntryRedirectedToAnotherSessionIsNamed() async throws {
        let (failures, _) = try await tampered("UPDATE tournament_sessions SET session = (SELECT session FROM tournament_sessions WHERE idx = 0) WHERE idx = 1")
        #expect(failures.contains { $0.code == .duplicateEntry })
        #expect(failures.contains { $0.code == .brokenSequence })
    }

    @Test(arguments: ["UPDATE tournaments SET total = total + 1", #"UPDATE tournaments SET plan = replace(plan, '"repetitions":2', '"repetitions":3')"#])
    func anEditedTournamentRowIsNamed(_ sql: String) async throws {
        let (failures, plan) = try await tampered(sql)
        #expect(failures.map(\.code) == [.tournamentMismatch])
        #expect(failures.first?.tournament == plan.id)
    }
}

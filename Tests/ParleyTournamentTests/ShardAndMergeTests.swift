import Foundation
import GRDB
import ParleyLedger
import ParleyReports
import ParleyStore
import ParleyTesting
import ParleyTournament
import Testing

@Suite("Sharded tournaments and merged stores")
struct ShardAndMergeTests {
    @Test func shardsAreParsedAndBadOnesRefused() {
        #expect(TournamentShard("2/4") == TournamentShard(number: 2, of: 4))
        #expect(TournamentShard("2/4")?.description == "2/4")
        for bad in ["0/4", "5/4", "1/0", "-1/2", "a/b", "3", "1/2/3", "", "/", "1/", "1/100001", "99999999999999999999/2"] {
            #expect(TournamentShard(bad) == nil, "\(bad)")
        }
    }

    /// Every position of every tournament size belongs to exactly one shard, and each shard's size counts its own.
    @Test func theShardsOfATournamentPartitionItsPositions() {
        for total in 0...60 {
            for count in 1...9 {
                let shards = (1...count).map { TournamentShard(number: $0, of: count)! }
                for position in 0..<total {
                    #expect(shards.count { $0.contains(position) } == 1, "position \(position) of \(total), \(count) shards")
                }
                for shard in shards {
                    #expect(shard.size(of: total) == (0..<total).count { shard.contains($0) }, "\(shard) of \(total)")
                }
            }
        }
    }

    /// Three shards run into three stores and merged give the unsharded run's leaderboard, and the merged store
    /// verifies; merging again adds nothing.
    @Test func mergedShardsGiveTheUnshardedLeaderboard() async throws {
        let plan = try TournamentSupport.plan()
        let whole = try await TournamentSupport.run(plan, store: TournamentSupport.store())
        var shardStores: [SQLiteStore] = []
        for number in 1...3 {
            let store = try TournamentSupport.store()
            var runner = TournamentRunner(plan: plan, jobs: 2, logger: TournamentSupport.quiet)
            runner.shard = TournamentShard(number: number, of: 3)
            let progress = try await runner.run(store: store)
            #expect(progress.total == TournamentShard(number: number, of: 3)!.size(of: plan.total) && progress.done == progress.total)
            #expect(try store.count() == progress.total)
            shardStores.append(store)
        }
        let merged = try TournamentSupport.store()
        let merge = try await merged.merge(shardStores)
        #expect(merge.copied == plan.total && merge.alreadyStored == 0)
        #expect(merge.verification.checked == plan.total && merge.verification.failures.isEmpty)
        #expect(merge.tournaments.map(\.id) == [plan.id] && merge.tournaments.first?.completed == plan.total)
        let report = try TournamentReport(store: merged, tournament: plan.id)
        #expect(report.leaderboard == whole.leaderboard)
        #expect(report.leaderboard.markdown == whole.leaderboard.markdown)

        let again = try await merged.merge(shardStores)
        #expect(again.copied == 0 && again.alreadyStored == plan.total)
        #expect(try merged.count() == plan.total)
    }

    /// A shard's signatures travel with its sessions, and the merged store verifies against the signer's key.
    @Test func signaturesAreKeptAcrossTheMerge() async throws {
        let plan = try TournamentSupport.plan(agents: "boulware,conceder", repetitions: 1)
        let key = SigningKey()
        let source = try TournamentSupport.store()
        var runner = TournamentRunner(plan: plan, jobs: 1, signer: key, logger: TournamentSupport.quiet)
        runner.shard = TournamentShard(number: 1, of: 1)
        try await runner.run(store: source)
        let merged = InMemoryStore()
        _ = try await merged.merge([source])
        #expect(try merged.verifyAll(trusting: key.publicKey).failures.isEmpty)
        #expect(try merged.sessions().allSatisfy { $0.publicKey == key.publicKey.rawValue && $0.signature != nil })
        #expect(try !merged.verifyAll(trusting: SigningKey().publicKey).failures.isEmpty, "another key is not trusted")
    }

    /// A source that fails verification is refused with its reason, and nothing of any source is copied.
    @Test func aTamperedSourceIsRefusedAndNothingIsCopied() async throws {
        let plan = try TournamentSupport.plan(agents: "boulware,conceder", repetitions: 1)
        let good = try TournamentSupport.store()
        _ = try await TournamentSupport.run(plan, store: good)
        let bad = try TournamentSupport.store()
        _ = try await TournamentSupport.run(plan, store: bad)
        try await DatabaseQueue(path: bad.path).write { db in
            try db.execute(sql: "UPDATE tournament_sessions SET buyer_utility = 0.99 WHERE idx = 1")
        }
        let merged = try TournamentSupport.store()
        let error = await #expect(throws: StoreError.self) { try await merged.merge([good, bad]) }
        #expect(error?.code == .failsVerification)
        #expect(error?.message.contains(bad.path) == true, "\(error?.message ?? "")")
        #expect(try merged.count() == 0 && merged.tournaments().isEmpty)
    }
}

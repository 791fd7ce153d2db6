import Foundation
import Testing

@Suite("parley tournament --shard and parley store merge")
struct ShardCommandTests {
    /// Two shards run by two processes into two stores, merged by `parley store merge`: `tournament report` on the
    /// merged store prints the unsharded run's leaderboard, and `transcripts verify` passes.
    @Test func mergedShardsReportTheUnshardedLeaderboard() throws {
        let arguments = [
            "tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--agents", "boulware,linear,conceder,random", "--repetitions", "5", "--seed", "3",
        ]
        let whole = try CLI.temporaryPath("whole.sqlite")
        #expect(try CLI.run(arguments + ["--store", whole]).status == 0)
        let shards = try (1...2).map { number in
            let store = try CLI.temporaryPath("shard-\(number).sqlite")
            let run = try CLI.run(arguments + ["--store", store, "--shard", "\(number)/2"])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("Shard \(number)/2 of tournament") && run.output.contains("holds 30 of its 60 sessions"), "\(run.output)")
            return store
        }
        let merged = try CLI.temporaryPath("merged.sqlite")
        let merge = try CLI.run(["store", "merge", "--into", merged] + shards)
        #expect(merge.status == 0, "\(merge.errors)")
        #expect(merge.output.contains("60 sessions copied, 0 already there") && merge.output.contains("60 of 60 sessions, complete"), "\(merge.output)")
        let expected = try CLI.run("tournament", "report", "--store", whole)
        let report = try CLI.run("tournament", "report", "--store", merged)
        #expect(report.status == 0 && expected.status == 0)
        #expect(report.output == expected.output)
        #expect(try CLI.run("transcripts", "verify", "--store", merged).status == 0)
    }

    @Test func badShardsAndMergesGetClearErrors() throws {
        let store = try CLI.temporaryPath("bad-shard.sqlite")
        for shard in ["0/2", "3/2", "1/0", "half"] {
            let run = try CLI.run("tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--store", store, "--shard", shard)
            #expect(run.status != 0 && run.errors.contains("--shard must be K/N"), "\(shard): \(run.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: store))
        let missing = try CLI.run("store", "merge", "--into", store, store + ".missing")
        #expect(missing.status != 0 && missing.errors.contains(".missing"), "\(missing.errors)")
        #expect(!FileManager.default.fileExists(atPath: store), "a merge from a missing store fails before it creates the target")
        let itself = try CLI.run("store", "merge", "--into", store, store)
        #expect(itself.status != 0 && itself.errors.contains("both the target and a source"))
    }
}

import ArgumentParser
import ParleyLedger

/// `parley store`: whole stores.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on whole stores: merge the stores of a sharded tournament.",
        subcommands: [Merge.self]
    )

    /// `parley store merge`.
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every session of the given stores into one store, with chains, signatures and tournament entries.",
            discussion: """
                Every store must pass `parley transcripts verify` first, or nothing is copied. Sessions the target already
                holds (the same final hash, or the same position of the same tournament) are left out, so merging again
                adds nothing. The target is created if missing and verified again at the end; its new head is printed.
                Shards of one tournament (`parley tournament --shard K/N`) merge into that tournament whole:
                `parley tournament report --store TARGET` then prints the unsharded run's leaderboard.
                """
        )

        @Option(help: "The store to merge into: an SQLite file (created if missing) or a PostgreSQL URL.")
        var into: String

        @Argument(help: "The stores to copy from: SQLite files or PostgreSQL URLs.")
        var sources: [String]

        func validate() throws {
            guard !sources.isEmpty else { throw ValidationError("name at least one store to merge from") }
            if sources.contains(into) { throw ValidationError("\(into) is both the target and a source") }
        }

        func run() async throws {
            let stores = try sources.map { try StoreLocation.open($0, readOnly: true) }  // before the target is created
            let target = try StoreLocation.open(into)
            let merge = try await target.merge(stores)
            print("merged \(sources.count) store\(sources.count == 1 ? "" : "s") into \(StoreLocation.display(into)): \(merge.copied) sessions copied, \(merge.alreadyStored) already there")
            for tournament in merge.tournaments {
                print("tournament \(tournament.id): \(tournament.completed) of \(tournament.total) sessions" + (tournament.completed == tournament.total ? ", complete" : ""))
            }
            print("verified \(merge.verification.checked) sessions; head \(merge.verification.head)")
        }
    }
}

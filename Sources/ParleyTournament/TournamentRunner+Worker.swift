public import Foundation
public import ParleyLedger

extension TournamentRunner {
    /// How a worker draws a tournament's sessions from a shared store.
    public struct Worker: Sendable, Hashable {
        /// The worker's name in its claims: unique among the workers (the default is the host name and process id).
        public var name: String
        /// How long a claimed block stays this worker's without news from it; every stored batch renews it.
        public var leaseSeconds: Double
        /// How many positions a block holds.
        public var blockSize: Int
        /// How long to wait before trying again when every unfinished block is leased to another worker.
        public var pollInterval: Duration

        /// A worker; see each property.
        public init(name: String, leaseSeconds: Double = 300, blockSize: Int = 64, pollInterval: Duration = .seconds(1)) {
            self.name = name
            self.leaseSeconds = leaseSeconds
            self.blockSize = max(1, blockSize)
            self.pollInterval = pollInterval
        }

        /// `HOST-PID`.
        public static var defaultName: String { "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)" }
    }

    /// Plays the plan as one of any number of workers sharing `store`, on this machine or others: any worker may be
    /// the first (it registers the plan and its blocks), each claims a block at a time under a lease, plays the
    /// positions of it not yet stored, stores them (leaving out any another worker stored meanwhile) and marks the
    /// block done. When every unfinished block is leased to others it waits and tries again, so a block whose worker
    /// died is played once its lease expires; it returns when every block is done. The progress is the
    /// tournament's: `resumed` is refreshed after every stored batch to what all workers have stored.
    @discardableResult
    public func run(
        asWorker worker: Worker, store: some TournamentClaims, clock: some Clock<Duration> = ContinuousClock(), now: Date = Date(),
        report: @escaping @Sendable (TournamentProgress) -> Void = { _ in }
    ) async throws -> TournamentProgress {
        let id = plan.id
        let player = try SessionPlayer(plan: plan, tournament: id, factory: factory, clock: clock, logger: logger)
        try store.register(tournament: id, total: plan.total, plan: plan.planJSON, at: now)
        try store.prepareBlocks(of: id, total: plan.total, blockSize: worker.blockSize)
        var completed = try store.completedSessions(of: id, total: plan.total)
        var progress = TournamentProgress(total: plan.total, resumed: completed.members, played: 0, stored: 0, failures: 0, elapsed: 0)
        let size = worker.blockSize
        // The tournament's progress: what every worker has stored, plus what this one has played and not yet stored.
        func refresh(_ progress: inout TournamentProgress) throws {
            progress.resumed = max(0, try store.tournament(id).completed - progress.stored)
        }
        while true {
            // The positions of the blocks this worker holds that it still has to play, and how many of each block's
            // positions are still to be stored.
            var queue: [Int] = []
            var cursor = 0
            var unstored: [Int: Int] = [:]
            func next() throws -> Int? {
                while cursor == queue.count {
                    guard let block = try store.claimBlock(of: id, worker: worker.name, leaseSeconds: worker.leaseSeconds) else { return nil }
                    let fresh = block.filter { !completed.contains($0) }
                    if fresh.isEmpty {
                        try store.finishBlock(of: id, at: block.lowerBound, worker: worker.name)
                        continue
                    }
                    unstored[block.lowerBound] = fresh.count
                    (queue, cursor) = (fresh, 0)
                }
                cursor += 1
                return queue[cursor - 1]
            }
            try await play(
                player: player, clock: clock, progress: &progress, remaining: max(size, 8 * batchSize), next: next,
                save: { batch, signer in try await store.saveClaimed(batch.map { ($0.session, $0.entry) }, signer: signer) },
                afterSave: { batch, progress in
                    for session in batch {
                        let start = session.entry.index / size * size
                        guard let left = unstored[start] else { continue }
                        if left <= 1 {
                            unstored[start] = nil
                            try store.finishBlock(of: id, at: start, worker: worker.name)
                        } else {
                            unstored[start] = left - 1
                        }
                    }
                    try store.renewLeases(of: id, worker: worker.name, leaseSeconds: worker.leaseSeconds)
                    try refresh(&progress)
                },
                report: report
            )
            guard try store.unfinishedBlocks(of: id) > 0 else { break }
            try await clock.sleep(for: worker.pollInterval)
            completed = try store.completedSessions(of: id, total: plan.total)
            try refresh(&progress)
            report(progress)
        }
        return progress
    }
}

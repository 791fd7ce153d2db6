public import Foundation
public import Logging
import ParleyAgents
import ParleyAnalysis
public import ParleyAssembly
public import ParleyLedger
import ParleyProtocol

/// Runs a tournament's sessions in parallel and streams them into the store.
///
/// Up to `jobs` workers play sessions of in-process agents (and compute their hash chains) at once, and up to
/// `inFlight` sessions that seat a remote or LLM agent, which mostly wait on the network; finished sessions are written in
/// batches, each batch in one transaction on the store's own thread while the workers go on. Memory is bounded by
/// the sessions in flight and one batch, never by the tournament's size. Sessions already in the store for this
/// plan are skipped, so rerunning a killed tournament resumes it: nothing is played twice, nothing is lost.
public struct TournamentRunner: Sendable {
    /// The plan.
    public let plan: TournamentPlan
    /// How many sessions run at once whose agents all compute in this process.
    public var jobs: Int
    /// How many sessions run at once that seat an agent waiting on the network (a remote or LLM agent): such
    /// sessions spend nearly all their time waiting, so many can be in flight on few cores.
    public var inFlight = 32
    /// The most finished sessions written per transaction. Small tournaments use smaller batches, so that
    /// writing overlaps playing from the start.
    public var batchSize = 128
    /// Signs each stored settlement, when set.
    public var signer: SigningKey?
    /// The logger handed to the arbiter.
    public var logger: Logger
    /// Builds the agents: its registry names the strategies, its HTTP client and token reach remote agents.
    public var factory = AgentFactory()
    /// Plays only this slice of the plan, when set; the progress counts the slice's sessions.
    public var shard: TournamentShard?

    /// A runner; `jobs` defaults to the number of active cores.
    public init(plan: TournamentPlan, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, signer: SigningKey? = nil, logger: Logger) {
        self.plan = plan
        self.jobs = max(1, jobs)
        self.signer = signer
        self.logger = logger
    }

    /// Plays every session of the plan that the store does not have yet, storing each, and returns the final
    /// progress. `clock` times the sessions (their deadlines and turn limits) and the run; `now` dates a new
    /// tournament. `report` is called after every chunk of sessions and every stored batch.
    @discardableResult
    public func run(
        store: some TranscriptStore, clock: some Clock<Duration> = ContinuousClock(), now: Date = Date(),
        report: @escaping @Sendable (TournamentProgress) -> Void = { _ in }
    ) async throws -> TournamentProgress {
        let id = plan.id
        // Every agent is checked on every scenario before anything is stored.
        let player = try SessionPlayer(plan: plan, tournament: id, factory: factory, clock: clock, logger: logger)
        try store.register(tournament: id, total: plan.total, plan: plan.planJSON, at: now)
        let completed = try store.completedSessions(of: id, total: plan.total)
        // The plan's positions, or the shard's: every count-th from number − 1.
        let positions = stride(from: (shard?.number ?? 1) - 1, to: plan.total, by: shard?.count ?? 1)
        let planned = shard?.size(of: plan.total) ?? plan.total
        let resumed = shard == nil ? completed.members : positions.count { completed.contains($0) }
        var progress = TournamentProgress(total: planned, resumed: resumed, played: 0, stored: 0, failures: 0, elapsed: 0)
        var pending = positions.lazy.filter { !completed.contains($0) }.makeIterator()
        try await play(
            player: player, clock: clock, progress: &progress, remaining: planned - resumed, next: { pending.next() },
            save: { batch, signer in
                try await store.save(batch.map { ($0.session, $0.entry) }, signer: signer)
                return batch.count
            },
            report: report
        )
        return progress
    }

    /// Plays positions from `next` on `jobs` workers (and `inFlight` for sessions waiting on the network) and writes them in batches with `save`, which returns how many
    /// it stored; `remaining` (an estimate) sizes the batches. Memory is bounded by the sessions in flight and two
    /// batches, never by the tournament's size.
    func play<C: Clock<Duration>>(
        player: SessionPlayer<C>, clock: C, progress: inout TournamentProgress, remaining: Int, next: () throws -> Int?,
        save: @escaping @Sendable ([PlayedSession], SigningKey?) async throws -> Int,
        afterSave: ([PlayedSession], inout TournamentProgress) throws -> Void = { _, _ in },
        report: @escaping @Sendable (TournamentProgress) -> Void
    ) async throws {
        let start = clock.now
        let batchSize = max(1, min(self.batchSize, remaining / 8))
        // Positions handed out in chunks so that task overhead stays small; a session that waits on the network is a
        // chunk of its own, so that many can wait at once.
        let chunkSize = max(1, min(32, batchSize / jobs))
        var peeked: Int?
        func nextPosition() throws -> Int? {
            if let position = peeked {
                peeked = nil
                return position
            }
            return try next()
        }
        let signer = self.signer
        let jobs = self.jobs
        let inFlight = max(1, self.inFlight)
        try await withThrowingTaskGroup(of: FinishedWork.self) { group in
            var working = (computing: 0, waiting: 0)
            var writing = false
            var buffer: [PlayedSession] = []
            func startWork() throws {
                // Played sessions wait for the writer in a buffer of at most two batches (plus those in flight). A
                // position whose kind of slot is full waits for one to free (the positions behind it wait too).
                while buffer.count < 2 * batchSize, let position = try nextPosition() {
                    let network = player.waitsOnNetwork(position)
                    guard network ? working.waiting < inFlight : working.computing < jobs else {
                        peeked = position
                        return
                    }
                    var chunk = [position]
                    while !network, chunk.count < chunkSize, let next = try nextPosition() {
                        guard !player.waitsOnNetwork(next) else {
                            peeked = next
                            break
                        }
                        chunk.append(next)
                    }
                    if network { working.waiting += 1 } else { working.computing += 1 }
                    group.addTask { .played(try await player.play(chunk), waitedOnNetwork: network) }
                }
            }
            func startWrite(force: Bool) {
                guard !writing, !buffer.isEmpty, force || buffer.count >= batchSize else { return }
                let batch = Array(buffer.prefix(batchSize))
                buffer.removeFirst(batch.count)
                writing = true
                group.addTask { .stored(batch, try await save(batch, signer)) }
            }
            try startWork()
            while let finished = try await group.next() {
                switch finished {
                case .played(let sessions, let network):
                    if network { working.waiting -= 1 } else { working.computing -= 1 }
                    buffer += sessions
                    progress.played += sessions.count
                    progress.failures += sessions.count { $0.isFault }
                case .stored(let batch, let count):
                    writing = false
                    progress.stored += count
                    try afterSave(batch, &progress)
                }
                try startWork()
                startWrite(force: working.computing + working.waiting == 0)
                progress.elapsed = Self.seconds(start.duration(to: clock.now))
                report(progress)
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// What a tournament task hands back: sessions played, or a batch stored (and how many of it the store kept).
enum FinishedWork: Sendable {
    case played([PlayedSession], waitedOnNetwork: Bool)
    case stored([PlayedSession], Int)
}

/// One played tournament session, ready to store.
struct PlayedSession: Sendable {
    var session: ChainedSession
    var entry: TournamentEntry

    /// Whether an agent ended the session by a fault rather than by negotiating.
    var isFault: Bool { entry.outcome.isFault }
}

public import Foundation
public import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
public import ParleyAssembly
public import ParleyLedger
import ParleyProtocol
import ParleyRecords

/// Runs a multi-deal tournament's negotiations in parallel and stores each, with its edge sessions, at its position.
///
/// Up to `jobs` negotiations run at once (each plays its edge sessions in lockstep or in order, as its scenario
/// says); finished ones are chained on the worker that played them and written in batches, one transaction each.
/// Negotiations already in the store for this plan are skipped, so rerunning a killed tournament resumes it.
public struct MultiDealTournamentRunner: Sendable {
    /// The plan.
    public let plan: MultiDealTournamentPlan
    /// How many negotiations run at once.
    public var jobs: Int
    /// The most finished negotiations written per transaction.
    public var batchSize = 16
    /// Signs each stored negotiation and its edge sessions, when set.
    public var signer: SigningKey?
    /// The logger handed to the arbiter.
    public var logger: Logger
    /// Builds the agents and the centres.
    public var factory = AgentFactory()

    /// A runner; `jobs` defaults to the number of active cores.
    public init(plan: MultiDealTournamentPlan, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, logger: Logger) {
        self.plan = plan
        self.jobs = max(1, jobs)
        self.logger = logger
    }

    /// Plays every negotiation of the plan that the store does not have yet, storing each, and returns the final
    /// progress (counted in negotiations; `failures` counts negotiations in which an agent ended a session by a
    /// fault). Every centre and edge agent is built and checked, and every scenario's landscape computed, before
    /// anything is stored.
    @discardableResult
    public func run(
        store: some TranscriptStore, clock: some Clock<Duration> = ContinuousClock(), now: Date = Date(),
        report: @escaping @Sendable (TournamentProgress) -> Void = { _ in }
    ) async throws -> TournamentProgress {
        let id = plan.id
        // Every agent is built and preflighted once before anything is stored; each worker then gets a kit of its own.
        _ = try plan.centres.map { text throws(AgentSpecError) in try factory.centre(for: text) }
        _ = try await factory.preflightedSources(for: plan.edges)
        var kits: [Kit] = []
        for slot in 0..<min(jobs, max(1, plan.total)) { kits.append(try Kit(plan: plan, factory: slot == 0 ? factory : factory.withOwnIndexCache(), copying: slot > 0)) }
        try store.register(tournament: id, total: plan.total, plan: plan.planJSON, at: now)
        let completed = try store.completedMultiDeals(of: id, total: plan.total)
        var progress = TournamentProgress(total: plan.total, resumed: completed.members, played: 0, stored: 0, failures: 0, elapsed: 0)
        let start = clock.now
        let arbiter = Arbiter(clock: clock, logger: logger)
        var pending = (0..<plan.total).lazy.filter { !completed.contains($0) }.makeIterator()
        var batch: [ChainedMultiDeal] = []
        let signer = self.signer
        func save() throws(StoreError) {
            guard !batch.isEmpty else { return }
            try store.save(batch, signer: signer)
            progress.stored += batch.count
            batch = []
        }
        try await withThrowingTaskGroup(of: (slot: Int, played: ChainedMultiDeal).self) { group in
            // A negotiation runs with a free worker's kit: no two running negotiations share a kit's objects.
            func launch(on slot: Int) -> Bool {
                guard let index = pending.next() else { return false }
                let negotiation = plan.negotiation(at: index)
                let kit = kits[slot]
                let match = MultiDealMatch(
                    scenario: kit.scenarios[negotiation.scenario], centre: kit.centres[negotiation.centre], edges: negotiation.edges.map { kit.edges[$0] },
                    seed: negotiation.seed, landscape: kit.landscapes[negotiation.scenario]
                )
                let position = MultiDealPosition(tournament: id, index: index, repetition: negotiation.repetition)
                group.addTask { (slot, try ChainedMultiDeal(record: try await arbiter.play(match), position: position)) }
                return true
            }
            var running = 0
            for slot in kits.indices where launch(on: slot) { running += 1 }
            while let (slot, played) = try await group.next() {
                running -= 1
                progress.played += 1
                if played.summary.edges.contains(where: { Self.faults.contains($0.end) }) { progress.failures += 1 }
                batch.append(played)
                if launch(on: slot) { running += 1 }
                if batch.count >= batchSize || running == 0 { try save() }
                progress.elapsed = start.duration(to: clock.now).seconds
                report(progress)
            }
        }
        try save()
        return progress
    }

    /// What one worker plays with: the scenarios, their landscapes, the centres and the edge agents. Every worker but
    /// the first holds its own copies, so that negotiations on different cores share no object: reference counting
    /// on shared objects made two workers no faster than one (`parley-bench multideal`).
    struct Kit: Sendable {
        let scenarios: [MultiDealScenario]
        let landscapes: [MultiDealLandscape]
        let centres: [CentreSource]
        let edges: [any AgentSource]

        init(plan: MultiDealTournamentPlan, factory: AgentFactory, copying: Bool) throws {
            let codec = WireCodec()
            scenarios = try copying ? plan.scenarios.map { try codec.decode(MultiDealScenario.self, from: codec.encode($0)) } : plan.scenarios
            landscapes = try scenarios.map { scenario throws(LandscapeError) in try MultiDealLandscape(scenario: scenario) }
            centres = try plan.centres.map { text throws(AgentSpecError) in try factory.centre(for: text) }
            edges = try plan.edges.map(factory.source(for:))
        }
    }

    /// The ends of an edge session that an agent's fault caused.
    static let faults: Set<String> = [Outcome.Kind.failure.rawValue, Outcome.Kind.violation.rawValue, Outcome.Kind.turnTimeout.rawValue]
}

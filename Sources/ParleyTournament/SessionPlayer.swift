import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyLedger
import ParleyProtocol
import ParleyStore

/// Plays tournament sessions exactly as `parley run` would play them with the same seed: the same agents from
/// the same specs, the same arbiter, each side with its profile from the scenario file.
struct SessionPlayer<C: Clock>: Sendable where C.Duration == Duration {
    let plan: TournamentPlan
    let tournament: String
    let factory: AgentFactory
    let landscapes: [OutcomeLandscape]
    let chainers: [SessionChainer]
    let arbiter: Arbiter<C>

    /// Checks every agent against every scenario once, and builds each scenario's landscape and chainer once.
    init(plan: TournamentPlan, tournament: String, factory: AgentFactory, clock: C, logger: Logger) throws {
        self.plan = plan
        self.tournament = tournament
        self.factory = factory
        for file in plan.scenarios {
            for agent in plan.agents {
                for role in Role.allCases {
                    do {
                        _ = try factory.makeAgent(agent, role: role, file: file, sessionSeed: 0, session: SessionID(rawValue: "check"))
                    } catch {
                        throw TournamentError(.invalidAgent, "agent '\(agent)' cannot play the \(role) in '\(file.scenario.id)': \(error)")
                    }
                }
            }
        }
        landscapes = try plan.scenarios.map { try OutcomeLandscape(file: $0) }
        chainers = try plan.scenarios.map { try SessionChainer(scenario: $0.scenario, profiles: $0.profiles) }
        arbiter = Arbiter(clock: clock, logger: logger)
    }

    /// Plays the sessions at these positions, one after another, and chains each.
    func play(_ indexes: [Int]) async throws -> [PlayedSession] {
        var played: [PlayedSession] = []
        played.reserveCapacity(indexes.count)
        for index in indexes {
            let session = plan.session(at: index)
            let file = plan.scenarios[session.scenario]
            let buyer = plan.agents[session.buyer], seller = plan.agents[session.seller]
            let setup = SessionSetup(scenario: file.scenario, buyer: buyer, seller: seller, seed: session.seed, landscape: landscapes[session.scenario])
            let record = await arbiter.run(
                setup,
                buyer: try factory.makeAgent(buyer, role: .buyer, file: file, sessionSeed: session.seed, session: setup.id),
                seller: try factory.makeAgent(seller, role: .seller, file: file, sessionSeed: session.seed, session: setup.id)
            )
            let chain = try chainers[session.scenario].chain(record)
            played.append(PlayedSession(session: ChainedSession(record: record, chain: chain), entry: entry(for: session, record: record)))
        }
        return played
    }

    func entry(for session: TournamentSession, record: SessionRecord) -> TournamentEntry {
        TournamentEntry(tournament: tournament, index: session.index, repetition: session.repetition, record: record)
    }
}

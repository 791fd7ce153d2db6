import Foundation
import Logging
import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyAssembly
import ParleyLedger
import ParleyProtocol
import ParleyRecords

/// Plays tournament sessions exactly as `parley run` would play them with the same seed: the same agents from
/// the same specs, the same arbiter, each side with its profile from the scenario file.
struct SessionPlayer<C: Clock>: Sendable where C.Duration == Duration {
    let plan: TournamentPlan
    let tournament: String
    let agents: [any AgentSource]
    let landscapes: [OutcomeLandscape]
    let chainers: [SessionChainer]
    let arbiter: Arbiter<C>

    /// Checks every agent against every scenario once, and builds each scenario's landscape and chainer once.
    init(plan: TournamentPlan, tournament: String, factory: AgentFactory, clock: C, logger: Logger) throws {
        self.plan = plan
        self.tournament = tournament
        agents = try plan.agents.map { reference in
            do {
                return try factory.source(for: reference)
            } catch {
                throw TournamentError(.invalidAgent, "agent '\(reference)': \(error)")
            }
        }
        for file in plan.scenarios {
            for (reference, agent) in zip(plan.agents, agents) {
                for role in Role.allCases {
                    do {
                        _ = try agent.makeStrategy(
                            for: Seat(file: file, role: role, sessionSeed: 0, session: SessionID(rawValue: "check"), revealingOpponent: plan.revealsProfiles)
                        )
                    } catch {
                        throw TournamentError(.invalidAgent, "agent '\(reference)' cannot play the \(role) in '\(file.scenario.id)': \(error)")
                    }
                }
            }
        }
        landscapes = try plan.scenarios.map { try OutcomeLandscape(file: $0) }
        chainers = try plan.scenarios.map { try SessionChainer(scenario: $0.scenario, profiles: $0.profiles) }
        arbiter = Arbiter(clock: clock, logger: logger)
    }

    /// Whether the session at a position seats an agent whose turns wait on the network.
    func waitsOnNetwork(_ index: Int) -> Bool {
        let session = plan.session(at: index)
        return agents[session.buyer].waitsOnNetwork || agents[session.seller].waitsOnNetwork
    }

    /// Plays the sessions at these positions, one after another, and chains each.
    func play(_ indexes: [Int]) async throws -> [PlayedSession] {
        var played: [PlayedSession] = []
        played.reserveCapacity(indexes.count)
        for index in indexes {
            let session = plan.session(at: index)
            let match = Match(
                file: plan.scenarios[session.scenario], buyer: agents[session.buyer], seller: agents[session.seller], seed: session.seed,
                landscape: landscapes[session.scenario], revealsProfiles: plan.revealsProfiles
            )
            let record = try await arbiter.play(match)
            let chain = try chainers[session.scenario].chain(record)
            played.append(PlayedSession(session: ChainedSession(record: record, chain: chain), entry: entry(for: session, record: record)))
        }
        return played
    }

    func entry(for session: TournamentSession, record: SessionRecord) -> TournamentEntry {
        TournamentEntry(tournament: tournament, index: session.index, repetition: session.repetition, record: record)
    }
}

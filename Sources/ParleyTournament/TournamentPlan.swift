import Crypto
import Foundation
public import ParleyAgents
public import ParleyAssembly
import ParleyLedger
public import ParleyProtocol

/// What a tournament plays: every agent against every other, on every scenario, in both roles, N times.
///
/// Sessions are enumerated, not stored up front: ``session(at:)`` computes any session's coordinates and seed
/// from its position, so a tournament of millions needs no memory for its schedule. The plan's ``id`` is a
/// hash of everything that decides the results (scenario contents, agents in order, repetitions, self-play,
/// seed), which is how a rerun of the same command finds and resumes its tournament.
public struct TournamentPlan: Sendable {
    /// The scenarios, each with both profiles.
    public let scenarios: [ScenarioFile]
    /// The agents, in-process or remote; each plays the buyer against every other as seller, and the other way round.
    public let agents: [AgentReference]
    /// How many times each pairing is played.
    public let repetitions: Int
    /// Whether an agent also meets itself.
    public let selfPlay: Bool
    /// The seed every session's seed derives from.
    public let seed: UInt64
    /// The ordered (buyer, seller) pairs, as indexes into ``agents``.
    public let pairings: [(buyer: Int, seller: Int)]
    /// Whether each side's seat also holds the other side's profile, for oracle opponent models (an experiment).
    public let revealsProfiles: Bool

    /// The most sessions a plan may have (10⁹): session indexes, progress and the completed-session bitmap
    /// (125 MB at this size) stay well inside their types.
    public static let maximumSessions = 1_000_000_000

    /// A plan; throws when it has no sessions or more than ``maximumSessions``, or names an agent twice.
    public init(
        scenarios: [ScenarioFile], agents: [AgentReference], repetitions: Int = 1, selfPlay: Bool = false, seed: UInt64 = 1, revealsProfiles: Bool = false
    ) throws(TournamentError) {
        guard !scenarios.isEmpty else { throw TournamentError(.emptyPlan, "a tournament needs at least one scenario") }
        guard repetitions >= 1 else { throw TournamentError(.emptyPlan, "repetitions must be at least 1") }
        let pairingCount = agents.count * (selfPlay ? agents.count : agents.count - 1)
        let (perScenario, overflow) = repetitions.multipliedReportingOverflow(by: pairingCount)
        guard !overflow, perScenario <= Self.maximumSessions / scenarios.count else {
            throw TournamentError(.tooLarge, "the plan has more than \(Self.maximumSessions) sessions; use fewer repetitions, agents or scenarios")
        }
        guard agents.count >= (selfPlay ? 1 : 2) else {
            throw TournamentError(.emptyPlan, "a tournament needs at least two agents (or one with self-play)")
        }
        var seen: Set<String> = []
        for agent in agents where !seen.insert(agent.description).inserted {
            throw TournamentError(.duplicateAgent, "agent '\(agent)' is named twice; give the second one different parameters")
        }
        var scenarioIDs: Set<String> = []
        for file in scenarios where !scenarioIDs.insert(file.scenario.id).inserted {
            throw TournamentError(.duplicateScenario, "two scenarios have the id '\(file.scenario.id)'")
        }
        self.scenarios = scenarios
        self.agents = agents
        self.repetitions = repetitions
        self.selfPlay = selfPlay
        self.seed = seed
        self.revealsProfiles = revealsProfiles
        pairings = agents.indices.flatMap { buyer in
            agents.indices.compactMap { seller in buyer != seller || selfPlay ? (buyer, seller) : nil }
        }
    }

    /// A plan of in-process agents named by specs.
    public init(scenarios: [ScenarioFile], agents: [AgentSpec], repetitions: Int = 1, selfPlay: Bool = false, seed: UInt64 = 1) throws(TournamentError) {
        try self.init(scenarios: scenarios, agents: agents.map(AgentReference.strategy), repetitions: repetitions, selfPlay: selfPlay, seed: seed)
    }

    /// The number of sessions: scenarios × ordered pairings × repetitions.
    public var total: Int { scenarios.count * pairings.count * repetitions }

    /// The session at a position in `0..<total`: scenario-major, then pairing, then repetition.
    public func session(at index: Int) -> TournamentSession {
        precondition(index >= 0 && index < total, "session \(index) is outside the tournament")
        let repetition = index % repetitions
        let pairing = pairings[(index / repetitions) % pairings.count]
        let scenario = index / (repetitions * pairings.count)
        let file = scenarios[scenario]
        let buyer = agents[pairing.buyer], seller = agents[pairing.seller]
        return TournamentSession(
            index: index, scenario: scenario, buyer: pairing.buyer, seller: pairing.seller, repetition: repetition,
            seed: Self.sessionSeed(tournamentSeed: seed, scenario: file.scenario.id, buyer: buyer.description, seller: seller.description, repetition: repetition)
        )
    }

    /// A session's seed from the tournament's seed and the session's coordinates (FNV-1a of the coordinates,
    /// mixed with the seed by SplitMix64). Stable across Parley versions: stored seeds replay with `parley run`.
    public static func sessionSeed(tournamentSeed: UInt64, scenario: String, buyer: String, seller: String, repetition: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(scenario)|\(buyer)|\(seller)|\(repetition)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return SeededGenerator.derive(tournamentSeed, hash)
    }

    /// The plan as stored with the tournament: what decides its results, in a stable JSON form.
    public var description: Description {
        Description(
            scenarios: scenarios.map { Description.Scenario(id: $0.scenario.id, digest: Self.digest(of: $0)) },
            agents: agents.map(\.description), repetitions: repetitions, selfPlay: selfPlay, seed: String(seed), total: total,
            revealsProfiles: revealsProfiles ? true : nil
        )
    }

    /// The tournament's identifier: `t-` and 16 hex digits of the SHA-256 of ``description``.
    public var id: String { StoredTournament.id(ofPlan: planJSON) }

    /// ``description`` as the store keeps it: compact JSON with sorted keys.
    public var planJSON: String { String(decoding: (try? WireCodec().encode(description)) ?? Data(), as: UTF8.self) }

    private static func digest(of file: ScenarioFile) -> String {
        SHA256.hash(data: (try? WireCodec().encode(file)) ?? Data()).map { String(format: "%02x", $0) }.joined()
    }

    /// What is stored about a plan.
    public struct Description: Sendable, Hashable, Codable {
        /// A scenario by identifier and the SHA-256 of its file's JSON (sorted keys), so an edited file makes a new tournament.
        public struct Scenario: Sendable, Hashable, Codable {
            /// The scenario's identifier.
            public var id: String
            /// The SHA-256, in hex.
            public var digest: String
        }

        /// The scenarios in order.
        public var scenarios: [Scenario]
        /// The agents' specs in order.
        public var agents: [String]
        /// Repetitions per pairing.
        public var repetitions: Int
        /// Whether agents meet themselves.
        public var selfPlay: Bool
        /// The tournament seed (as text: 64-bit seeds exceed JSON's exact integers).
        public var seed: String
        /// The number of sessions.
        public var total: Int
        /// `true` when seats reveal the opponent's profile (oracle experiments); absent otherwise, so a plan without
        /// it keeps the identifier it had before the option existed.
        public var revealsProfiles: Bool?
    }
}

/// One session of a tournament: where it sits and its seed.
public struct TournamentSession: Sendable, Hashable {
    /// Its position in the enumeration.
    public var index: Int
    /// The scenario, as an index into the plan's scenarios.
    public var scenario: Int
    /// The buyer's agent, as an index into the plan's agents.
    public var buyer: Int
    /// The seller's agent, as an index into the plan's agents.
    public var seller: Int
    /// The repetition, from 0.
    public var repetition: Int
    /// The session seed.
    public var seed: UInt64
}

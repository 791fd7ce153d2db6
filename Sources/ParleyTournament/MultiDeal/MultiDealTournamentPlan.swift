import Crypto
import Foundation
public import ParleyAssembly
import ParleyLedger
public import ParleyProtocol

/// What a multi-deal tournament plays: every centre on every multi-deal scenario, against every rotation of the edge
/// agents over the scenario's edges, N times.
///
/// With edge agents `A, B, C` and a scenario of three edges, the rotations seat `A B C`, `B C A` and `C A B`: every edge
/// agent meets every centre at every edge once per repetition, so neither side's ranking depends on which supplier an
/// agent happened to play. With fewer agents than edges an agent plays several edges of one negotiation; with more,
/// each rotation seats the first ones after its start. Negotiations are enumerated, not stored up front, and the plan's
/// ``id`` is a hash of everything that decides the results, so rerunning the same command resumes its tournament.
public struct MultiDealTournamentPlan: Sendable {
    /// The scenarios, each with every edge's profiles and the centre's need.
    public let scenarios: [MultiDealScenario]
    /// The centres, as `RULE+AGENT` (see ``ParleyAssembly/AgentFactory/centre(for:)``).
    public let centres: [String]
    /// The edge agents, in-process, remote or LLM agents.
    public let edges: [AgentReference]
    /// How many times each negotiation is played.
    public let repetitions: Int
    /// The seed every negotiation's seed derives from.
    public let seed: UInt64

    /// The most negotiations a plan may have.
    public static let maximumNegotiations = 10_000_000

    /// A plan; throws when it has no negotiations or too many, or names a scenario, centre or edge agent twice.
    public init(scenarios: [MultiDealScenario], centres: [String], edges: [AgentReference], repetitions: Int = 1, seed: UInt64 = 1) throws(TournamentError) {
        guard !scenarios.isEmpty else { throw TournamentError(.emptyPlan, "a tournament needs at least one scenario") }
        guard !centres.isEmpty else { throw TournamentError(.emptyPlan, "a multi-deal tournament needs at least one centre") }
        guard !edges.isEmpty else { throw TournamentError(.emptyPlan, "a multi-deal tournament needs at least one edge agent") }
        guard repetitions >= 1 else { throw TournamentError(.emptyPlan, "repetitions must be at least 1") }
        let (total, overflow) = scenarios.count.multipliedReportingOverflow(by: centres.count * edges.count)
        guard !overflow, total <= Self.maximumNegotiations / repetitions else {
            throw TournamentError(.tooLarge, "the plan has more than \(Self.maximumNegotiations) negotiations; use fewer repetitions, agents or scenarios")
        }
        var ids = Set<String>()
        for scenario in scenarios where !ids.insert(scenario.id).inserted {
            throw TournamentError(.duplicateScenario, "two scenarios have the id '\(scenario.id)'")
        }
        var seen = Set<String>()
        for centre in centres where !seen.insert(centre).inserted {
            throw TournamentError(.duplicateAgent, "centre '\(centre)' is named twice")
        }
        seen = []
        for edge in edges where !seen.insert(edge.description).inserted {
            throw TournamentError(.duplicateAgent, "agent '\(edge)' is named twice; give the second one different parameters")
        }
        self.scenarios = scenarios
        self.centres = centres
        self.edges = edges
        self.repetitions = repetitions
        self.seed = seed
    }

    /// The number of negotiations: scenarios × centres × rotations (one per edge agent) × repetitions.
    public var total: Int { scenarios.count * centres.count * edges.count * repetitions }

    /// The negotiation at a position in `0..<total`: scenario-major, then centre, then rotation, then repetition.
    public func negotiation(at index: Int) -> MultiDealTournamentNegotiation {
        precondition(index >= 0 && index < total, "negotiation \(index) is outside the tournament")
        let repetition = index % repetitions
        let rotation = (index / repetitions) % edges.count
        let centre = (index / (repetitions * edges.count)) % centres.count
        let scenario = index / (repetitions * edges.count * centres.count)
        let seats = scenarios[scenario].edges.indices.map { (rotation + $0) % edges.count }
        let seed = TournamentPlan.sessionSeed(
            tournamentSeed: self.seed, scenario: scenarios[scenario].id, buyer: centres[centre],
            seller: seats.map { edges[$0].description }.joined(separator: ","), repetition: repetition
        )
        return MultiDealTournamentNegotiation(index: index, scenario: scenario, centre: centre, edges: seats, repetition: repetition, seed: seed)
    }

    /// The plan as stored with the tournament: what decides its results, in a stable JSON form.
    public var description: Description {
        Description(
            scenarios: scenarios.map { TournamentPlan.Description.Scenario(id: $0.id, digest: Self.digest(of: $0)) }, centres: centres,
            edges: edges.map(\.description), repetitions: repetitions, seed: String(seed), total: total
        )
    }

    /// The tournament's identifier: `t-` and 16 hex digits of the SHA-256 of ``description``.
    public var id: String { StoredTournament.id(ofPlan: planJSON) }

    /// ``description`` as the store keeps it: compact JSON with sorted keys.
    public var planJSON: String { String(decoding: (try? WireCodec().encode(description)) ?? Data(), as: UTF8.self) }

    private static func digest(of scenario: MultiDealScenario) -> String {
        SHA256.hash(data: (try? WireCodec().encode(scenario)) ?? Data()).map { String(format: "%02x", $0) }.joined()
    }

    /// What is stored about a plan.
    public struct Description: Sendable, Hashable, Codable {
        /// Always `multi-deal`: how a stored plan is told from a bilateral one.
        public var kind = MultiDealScenario.kind
        /// The scenarios by identifier and digest, in order.
        public var scenarios: [TournamentPlan.Description.Scenario]
        /// The centres in order.
        public var centres: [String]
        /// The edge agents in order.
        public var edges: [String]
        /// Repetitions per negotiation.
        public var repetitions: Int
        /// The tournament seed, as text.
        public var seed: String
        /// The number of negotiations.
        public var total: Int

        /// Whether a stored plan's JSON describes a multi-deal tournament.
        public static func describes(plan json: String) -> Bool {
            (try? JSONDecoder().decode(Kind.self, from: Data(json.utf8)))?.kind == MultiDealScenario.kind
        }

        private struct Kind: Decodable {
            var kind: String?
        }
    }
}

/// One negotiation of a multi-deal tournament: where it sits, who sits where, and its seed.
public struct MultiDealTournamentNegotiation: Sendable, Hashable {
    /// Its position in the enumeration.
    public var index: Int
    /// The scenario, as an index into the plan's scenarios.
    public var scenario: Int
    /// The centre, as an index into the plan's centres.
    public var centre: Int
    /// The agent at each edge, as indexes into the plan's edge agents, in the scenario's edge order.
    public var edges: [Int]
    /// The repetition, from 0.
    public var repetition: Int
    /// The negotiation's seed.
    public var seed: UInt64
}

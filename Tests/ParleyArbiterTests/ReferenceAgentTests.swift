import Foundation
import ParleyAgents
import ParleyAnalysis
import ParleyProtocol
import ParleyRecords
import Testing

/// The behaviour each reference agent's paper describes, checked on real sessions.
@Suite("Reference agents")
struct ReferenceAgentTests {
    /// The agent's own offers in a session, as its utilities.
    static func offers(of role: Role, in record: SessionRecord, file: ScenarioFile) throws -> [Double] {
        let utility = try UtilityFunction(profile: try #require(file.profile(for: role)), scenario: file.scenario)
        return record.transcript.entries.filter { $0.by == role }.compactMap { $0.action.offeredTerms.flatMap(utility.utility(of:)) }
    }

    /// MiCRO never makes more distinct proposals than one more than the distinct offers it has received.
    @Test(arguments: ["boulware", "hardliner", "random", "micro"])
    func microConcedesOnlyAsTheOpponentMakesNewOffers(opponent: String) async throws {
        let file = try Support.file("reference-supply")
        let record = try await HostileScenarioTests.play(file, buyer: "micro", seller: opponent, seed: 4)
        var (proposed, received) = (Set<Terms>(), Set<Terms>())
        for entry in record.transcript.entries {
            guard let terms = entry.action.offeredTerms else { continue }
            if entry.by == .buyer {
                proposed.insert(terms)
                #expect(proposed.count <= received.count + 1, "turn \(entry.turn)")
            } else {
                received.insert(terms)
            }
        }
        if opponent == "hardliner" { #expect(proposed.count <= 2, "one new offer from the hardliner, so at most two proposals") }
    }

    /// HardHeaded never offers less than its minimum utility.
    @Test(arguments: [("hardheaded", 0.6), ("hardheaded:min=0.8", 0.8)])
    func hardHeadedNeverOffersBelowItsMinimum(spec: String, minimum: Double) async throws {
        let file = try Support.file("industrial-components")
        for opponent in ["conceder", "hardliner", "nice-tit-for-tat"] {
            let record = try await HostileScenarioTests.play(file, buyer: spec, seller: opponent, seed: 5)
            let offers = try Self.offers(of: .buyer, in: record, file: file)
            #expect(!offers.isEmpty && offers.allSatisfy { $0 >= minimum }, "against \(opponent): \(offers.min() ?? 0)")
        }
    }

    /// Nice Tit-for-Tat concedes as the opponent does: by mid-session it has given a yielding opponent more than a
    /// stubborn one, and the stubborn one little more than its Boulware floor.
    @Test func niceTitForTatMirrorsTheOpponentsConcession() async throws {
        let file = try Support.file("reference-supply")
        func midSessionOffer(against opponent: String) async throws -> Double {
            let record = try await HostileScenarioTests.play(file, buyer: "nice-tit-for-tat", seller: opponent, seed: 6)
            let offers = try Self.offers(of: .buyer, in: record, file: file)
            return offers[min(offers.count - 1, 40)]
        }
        let yielding = try await midSessionOffer(against: "conceder")
        let stubborn = try await midSessionOffer(against: "hardliner")
        #expect(yielding < stubborn - 0.05, "yielding \(yielding), stubborn \(stubborn)")
        #expect(stubborn > 0.95, "against a hardliner, round 41 of 100, only the Boulware floor: \(stubborn)")
    }

    /// AgentK accepts anything worth its target, and its target never falls below its estimate of the best the
    /// opponent will give, nor below its reservation value.
    @Test func agentKTargetsItsEstimateOfTheOpponentsBest() async throws {
        let file = try Support.file("industrial-components")
        let record = try await HostileScenarioTests.play(file, buyer: "agentk", seller: "linear", seed: 7)
        let offers = try Self.offers(of: .buyer, in: record, file: file)
        let reservation = try #require(file.profile(for: .buyer)).reservation
        #expect(offers.allSatisfy { $0 >= reservation })
        #expect(record.settlement.outcome.agreement != nil)
    }

    /// CUHKAgent concedes until its non-exploitation point and no further: its offers never fall below the resting
    /// level `max · δ^(1−λ₀)` of the earliest point λ can take, and against a hardliner they come down to it.
    @Test func cuhkAgentStopsConcedingAtItsNonExploitationPoint() async throws {
        let file = try Support.file("reference-supply")
        let utility = try UtilityFunction(profile: try #require(file.profile(for: .buyer)), scenario: file.scenario)
        let maximum = try BiddingIndex(utility: utility).maximum
        let d = CUHKAgent.Parameters().assumedDiscount
        let lambda0 = 0.5 + 0.5 * pow(d, 1.5)
        let rest = maximum * pow(d, 1 - lambda0)
        for opponent in ["hardliner", "boulware", "conceder"] {
            let record = try await HostileScenarioTests.play(file, buyer: "cuhkagent", seller: opponent, seed: 8)
            let offers = try Self.offers(of: .buyer, in: record, file: file)
            #expect(!offers.isEmpty && offers.allSatisfy { $0 >= rest - 1e-9 }, "against \(opponent): \(offers.min() ?? 0) < \(rest)")
            if opponent == "hardliner" { #expect((offers.last ?? 1) < rest + 0.1, "it conceded toward \(rest): \(offers.last ?? 1)") }
            if opponent == "conceder" { #expect(record.settlement.outcome.agreement != nil) }
            if opponent == "conceder" { #expect(record.settlement.outcome.agreement != nil) }
        }
    }
}

import ParleyAgents
import ParleyAnalysis
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import ParleyArbiter
import Testing

@Suite("BOA strategies in sessions")
struct BOASessionTests {
    /// Without a model, time offering with AC_next is the time-dependent built-in: the same session, turn for turn.
    @Test(arguments: ["boulware", "linear", "conceder"])
    func timeOfferingWithoutAModelPlaysAsTheBuiltIn(name: String) async throws {
        let file = try Support.file("reference-supply")
        let exponent = ["boulware": "0.2", "linear": "1.0", "conceder": "2.0"][name]!
        let builtIn = try await HostileScenarioTests.play(file, buyer: name, seller: "tit-for-tat", seed: 3)
        let assembled = try await HostileScenarioTests.play(file, buyer: "boa:bid=time(e=\(exponent)):accept=next", seller: "tit-for-tat", seed: 3)
        #expect(assembled.transcript.entries.map(\.action) == builtIn.transcript.entries.map(\.action))
    }

    /// With a frequency model the time-dependent built-ins stop zig-zagging: both sides' agreement lands on the frontier.
    @Test func aModelBringsBoulwareToTheFrontier() async throws {
        let file = try Support.file("reference-supply")
        let plain = try await HostileScenarioTests.play(file, buyer: "boulware", seller: "boulware", seed: 1)
        let modelled = try await HostileScenarioTests.play(file, buyer: "boulware:model=frequency", seller: "boulware:model=frequency", seed: 1)
        let (before, after) = (try #require(plain.settlement.analysis), try #require(modelled.settlement.analysis))
        #expect(after.agreed && after.distanceToPareto < before.distanceToPareto)
        #expect(after.distanceToPareto < 0.01)
    }

    /// Both models learn the opponent's preferences from its offers: by the end, their estimates correlate with the
    /// opponent's true utilities (an uninformed estimate would not), and the settlement says how well.
    @Test(arguments: [("frequency", 0.1), ("bayes", 0.5)])
    func aModelsAccuracyIsMeasuredAtTheEnd(model: String, floor: Double) async throws {
        let file = try Support.file("reference-supply")
        let record = try await HostileScenarioTests.play(file, buyer: "linear:model=\(model)", seller: "boulware", seed: 2)
        let analysis = try #require(record.settlement.analysis)
        let accuracy = try #require(analysis.buyer.modelAccuracy)
        #expect(accuracy.pearson > floor && accuracy.kendall > floor, "\(accuracy)")
        #expect(analysis.seller.modelAccuracy == nil, "boulware carries no model")
    }

    /// The oracle knows the opponent's profile, so its accuracy is perfect; it exists only where a match reveals the
    /// profiles, and a seat reveals nothing by default.
    @Test func theOracleIsPerfectAndOnlyWhereProfilesAreRevealed() async throws {
        let file = try Support.file("reference-supply")
        let buyer = try StrategySource(AgentSpec(parsing: "linear:model=oracle"))
        let seller = try StrategySource(AgentSpec(parsing: "boulware"))
        let hidden = Match(file: file, buyer: buyer, seller: seller, seed: 3, landscape: try OutcomeLandscape(file: file))
        #expect(hidden.seat(.buyer).opponentProfile == nil && hidden.seat(.seller).opponentProfile == nil)
        await #expect(throws: (any Error).self) { try await Support.arbiter(ManualClock()).play(hidden) }
        var revealed = hidden
        revealed.revealsProfiles = true
        #expect(revealed.seat(.buyer).opponentProfile == file.profile(for: .seller))
        let record = try await Support.arbiter(ManualClock()).play(revealed)
        let accuracy = try #require(record.settlement.analysis?.buyer.modelAccuracy)
        #expect(accuracy == ModelAccuracy(pearson: 1, kendall: 1))
    }
}

import Foundation
import ParleyAgents
import ParleyProtocol
import Testing

@Suite("CUHKAgent's threshold")
struct CUHKAgentTests {
    /// The defaults, but δ = 0.5 for a profile that does not discount, as the tests work it by hand.
    static var halfDiscount: CUHKAgent.Parameters {
        var parameters = CUHKAgent.Parameters()
        parameters.assumedDiscount = 0.5
        return parameters
    }

    /// ℓ(t) = max − (max − max·δ^(1−λ))·min(1, t/λ)^α, worked by hand for δ = 0.5 (assumed, the profile does not
    /// discount), α = 2, λ = 0.8.
    @Test func theThresholdFallsToItsRestingLevelAtLambdaAndNoFurther() throws {
        let file = try Support.scenarioFile("reference-supply")
        let context = try Support.context(file, .buyer)
        let index = try context.biddingIndex()
        let agent = try CUHKAgent(context: context, parameters: Self.halfDiscount)
        let rest = index.maximum * pow(0.5, 0.2)
        #expect(abs(agent.restingLevel(lambda: 0.8) - rest) < 1e-12)
        #expect(agent.threshold(at: 0, lambda: 0.8) == index.maximum)
        #expect(abs(agent.threshold(at: 0.4, lambda: 0.8) - (index.maximum - (index.maximum - rest) * 0.25)) < 1e-12)
        for t in [0.8, 0.9, 1.0] { #expect(abs(agent.threshold(at: t, lambda: 0.8) - rest) < 1e-12, "t = \(t)") }
        // λ₀ = 0.5 + 0.5 · 0.5^1.5 before any offer.
        #expect(abs(agent.nonExploitationPoint - (0.5 + 0.5 * pow(0.5, 1.5))) < 1e-12)
    }

    /// The more new offers the opponent makes, the later λ: an opponent that repeats one offer leaves λ near λ₀, one
    /// that makes a new offer every turn moves it by w·(1 − λ₀).
    @Test func theNonExploitationPointComesLaterAgainstAConcedingOpponent() throws {
        let file = try Support.scenarioFile("reference-supply")
        let context = try Support.context(file, .buyer)
        let index = try context.biddingIndex()
        var stubborn = try CUHKAgent(context: context, parameters: Self.halfDiscount)
        var conceding = try CUHKAgent(context: context, parameters: Self.halfDiscount)
        let initial = stubborn.nonExploitationPoint
        for step in 0..<20 {
            let turn = 2 * step + 3
            _ = stubborn.respond(to: Support.view(file, .buyer, turn: turn, offer: index.terms(atRank: 0)))
            _ = conceding.respond(to: Support.view(file, .buyer, turn: turn, offer: index.terms(atRank: step * 3)))
        }
        #expect(stubborn.concessionDegree == 1.0 / 20)
        #expect(conceding.concessionDegree == 1)
        #expect(abs(conceding.nonExploitationPoint - (initial + 0.5 * (1 - initial))) < 1e-12)
        #expect(stubborn.nonExploitationPoint < initial + 0.02)
    }

    /// The agent offers the opponent's best offer again once it clears the threshold, and accepts an offer worth at
    /// least the threshold, but not before.
    @Test func itReturnsToTheOpponentsBestOfferAndAcceptsAboveTheThreshold() throws {
        let file = try Support.scenarioFile("reference-supply")
        let context = try Support.context(file, .buyer)
        let index = try context.biddingIndex()
        var agent = try CUHKAgent(context: context, parameters: Self.halfDiscount)
        let generous = index.terms(nearestAtOrAbove: 0.97 * index.maximum)
        let worse = index.terms(atRank: 0)
        #expect(file.scenario.deadline.rounds == 100)
        // Round 2 of 100: the threshold is still near the best outcome, so the generous offer is not enough.
        #expect(agent.respond(to: Support.view(file, .buyer, turn: 3, offer: generous)) != .accept)
        // Round 96: past λ the threshold rests at max·0.5^(1−λ) < 0.97·max; the agent offers the generous terms again…
        #expect(agent.nonExploitationPoint < 0.95)
        #expect(agent.respond(to: Support.view(file, .buyer, turn: 191, offer: worse)) == .offer(generous))
        // …and accepts them when they stand.
        #expect(agent.respond(to: Support.view(file, .buyer, turn: 193, offer: generous)) == .accept)
    }
}

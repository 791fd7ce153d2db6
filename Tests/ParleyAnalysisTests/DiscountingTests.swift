import Foundation
import ParleyAnalysis
import ParleyProtocol
import Testing

@Suite("Time discounting: utility × δ^t, in profiles and in the settlement analysis")
struct DiscountingTests {
    static func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-12 } ?? false }

    @Test func aDiscountFactorScalesUtilityByItsPowerOfTime() {
        let profile = Profile(reservation: 0.2, discount: 0.5, issues: [:])
        #expect(profile.discounted(0.8, at: 0) == 0.8)
        #expect(Self.near(profile.discounted(0.8, at: 1), 0.4))
        #expect(Self.near(profile.discounted(0.8, at: 0.5), 0.8 * 0.5.squareRoot()))
        // Time outside [0, 1] is clamped, so a late report never discounts beyond the deadline.
        #expect(Self.near(profile.discounted(0.8, at: 7), 0.4) && profile.discounted(0.8, at: -3) == 0.8)
        // Without a factor, or with δ = 1, time costs nothing, bit for bit.
        for discount in [nil, 1.0] {
            #expect(Profile.discounted(0.123456789, by: discount, at: 0.77) == 0.123456789)
        }
    }

    @Test func theDiscountTimeIsTheRoundClockWhenThereIsOneAndTheWallClockOtherwise() {
        #expect(Deadline(rounds: 10).discountTime(round: 3, elapsed: 99) == 0.3)
        #expect(Deadline(rounds: 10).discountTime(round: 10, elapsed: 0) == 1)
        #expect(Deadline(rounds: 10).discountTime(round: 11, elapsed: 0) == 1)
        #expect(Deadline(seconds: 12).discountTime(round: 3, elapsed: 3) == 0.25)
        #expect(Deadline(seconds: 12).discountTime(round: 3, elapsed: 50) == 1)
        // Both limits: the round clock, so discounted results replay exactly whatever the machine's speed.
        #expect(Deadline(rounds: 4, seconds: 1).discountTime(round: 1, elapsed: 0.9) == 0.25)
        // Numbers from outside never make a time outside [0, 1].
        #expect(Deadline(seconds: 12).discountTime(round: 1, elapsed: .nan) == 1)
        #expect(Deadline(seconds: 12).discountTime(round: 1, elapsed: -.infinity) == 0)
        #expect(Deadline(seconds: .infinity).discountTime(round: 1, elapsed: .infinity) == 1)
    }

    @Test(arguments: [0.0, -0.5, 1.0000001, 2, .nan, .infinity, -.infinity])
    func aDiscountFactorOutsideZeroToOneIsAProblemWithItsPath(discount: Double) {
        var profile = AnalysisTests.handBuyer
        profile.discount = discount
        let problems = profile.validate(against: AnalysisTests.handScenario)
        #expect(problems.map(\.code) == ["discount_out_of_range"])
        #expect(problems.first?.path == "$.discount")
        #expect(problems.first?.message.contains(String(describing: discount)) == false)
    }

    @Test(arguments: [1e-300, 0.5, 1])
    func aDiscountFactorInsideZeroToOneIsValid(discount: Double) {
        var profile = AnalysisTests.handBuyer
        profile.discount = discount
        #expect(profile.validate(against: AnalysisTests.handScenario).isEmpty)
    }

    @Test func aProfileWithoutDiscountEncodesAsBeforeAndOneWithItRoundTrips() throws {
        let plain = try JSONEncoder().encode(AnalysisTests.handBuyer)
        #expect(!String(decoding: plain, as: UTF8.self).contains("discount"))
        var discounting = AnalysisTests.handBuyer
        discounting.discount = 0.9
        let decoded = try JSONDecoder().decode(Profile.self, from: JSONEncoder().encode(discounting))
        #expect(decoded == discounting)
    }

    /// The hand-worked scenario of ``AnalysisTests`` (5 rounds), with the buyer discounting by 0.5.
    static func landscape(buyerDiscount: Double?) throws -> OutcomeLandscape {
        var buyer = AnalysisTests.handBuyer
        buyer.discount = buyerDiscount
        return try OutcomeLandscape(scenario: AnalysisTests.handScenario, buyer: buyer, seller: AnalysisTests.handSeller)
    }

    @Test func anAgreementIsDiscountedForTheSideThatDiscountsAtItsRound() throws {
        let landscape = try Self.landscape(buyerDiscount: 0.5)
        let agreement = Agreement(terms: ["x": .integer(0), "y": .option("b")], proposer: .seller, turns: 4)
        let analysis = landscape.analyze(.agreement(agreement), rounds: 2, elapsed: 40)
        // Round 2 of 5: t = 0.4; the buyer's 0.5 is worth 0.5 × 0.5^0.4; the seller does not discount.
        #expect(Self.near(analysis.discountTime, 0.4))
        #expect(Self.near(analysis.buyer.discountedUtility, 0.5 * pow(0.5, 0.4)))
        #expect(analysis.seller.discountedUtility == nil)
        #expect(Self.near(analysis.buyer.payoff, 0.5 * pow(0.5, 0.4)) && analysis.seller.payoff == analysis.seller.utility)
        // Everything else is undiscounted, as without the factor.
        let plain = try Self.landscape(buyerDiscount: nil).analyze(.agreement(agreement), rounds: 2, elapsed: 40)
        #expect(analysis.buyer.utility == plain.buyer.utility && analysis.buyer.advantage == plain.buyer.advantage)
        #expect(analysis.distanceToNash == plain.distanceToNash && analysis.nash == plain.nash)
    }

    @Test func noAgreementDiscountsTheReservationValueAtTheTimeTheSessionEnded() throws {
        let landscape = try Self.landscape(buyerDiscount: 0.5)
        var buyer = AnalysisTests.handBuyer
        buyer.reservation = 0.3
        buyer.discount = 0.5
        let withReservation = try OutcomeLandscape(scenario: AnalysisTests.handScenario, buyer: buyer, seller: AnalysisTests.handSeller)
        let analysis = withReservation.analyze(.deadline, rounds: 5, elapsed: 0)
        #expect(analysis.discountTime == 1)
        #expect(Self.near(analysis.buyer.discountedUtility, 0.15))
        #expect(landscape.analyze(.deadline, rounds: 5, elapsed: 0).buyer.discountedUtility == 0)
    }

    @Test func anAnalysisStoredWithTheOldNameOfTheKalaiSmorodinskyPointIsReadUnderItsNewName() throws {
        let analysis = try Self.landscape(buyerDiscount: nil).analyze(.deadline, rounds: 5, elapsed: 0)
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(analysis)) as! [String: Any]
        #expect(object["kalaiSmorodinsky"] != nil && object["kalai"] == nil && object["egalitarian"] != nil)
        object["kalai"] = object.removeValue(forKey: "kalaiSmorodinsky")
        object["distanceToKalai"] = object.removeValue(forKey: "distanceToKalaiSmorodinsky")
        object.removeValue(forKey: "egalitarian")
        object.removeValue(forKey: "distanceToEgalitarian")
        let old = try JSONDecoder().decode(SettlementAnalysis.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.kalaiSmorodinsky == analysis.kalaiSmorodinsky && old.distanceToKalaiSmorodinsky == analysis.distanceToKalaiSmorodinsky)
        #expect(old.egalitarian == nil && old.distanceToEgalitarian == nil)
    }
}

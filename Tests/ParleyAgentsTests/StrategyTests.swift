import Foundation
import ParleyAgents
import ParleyProtocol
import Testing

@Suite("Built-in strategies")
struct StrategyTests {
    @Test func timeDependentTargetsRunFromBestToFloor() throws {
        let file = try Support.scenarioFile("industrial-components")
        let context = try Support.context(file, .buyer)
        let index = try context.biddingIndex()
        let boulware = try TimeDependent(exponent: 0.2, context: context)
        let linear = try TimeDependent(exponent: 1, context: context)
        let conceder = try TimeDependent(exponent: 2, context: context)
        #expect(boulware.targetUtility(at: 0) == index.maximum)
        #expect(abs(boulware.targetUtility(at: 1) - context.utility.reservation) < 1e-12)
        #expect(boulware.targetUtility(at: 0.5) > linear.targetUtility(at: 0.5))
        #expect(linear.targetUtility(at: 0.5) > conceder.targetUtility(at: 0.5))
    }

    /// Every built-in, on the richer scenario with non-zero reservation values, on both sides: it never offers
    /// terms outside the domains or worth less than its reservation value, and never accepts such an offer.
    @Test(arguments: StrategyRegistry.builtIns.names)
    func neverGoesBelowTheReservationValue(name: String) async throws {
        let file = try Support.scenarioFile("industrial-components")
        let space = try #require(OutcomeSpace(file.scenario))
        var random = SeededGenerator(seed: 99)
        for role in Role.allCases {
            let context = try Support.context(file, role)
            var strategy = try StrategyRegistry.builtIns.makeStrategy(AgentSpec(strategy: name), context: context)
            let maximumTurns = file.scenario.deadline.maximumTurns
            for turn in stride(from: role == file.scenario.opener ? 1 : 2, through: maximumTurns, by: 2) {
                let offer = turn == 1 ? nil : space.terms(at: Int.random(in: 0..<space.count, using: &random))
                let action = try await strategy.respond(to: Support.view(file, role, turn: turn, offer: offer))
                switch action.move {
                case .offer(let terms):
                    #expect(space.ordinal(of: terms) != nil, "\(name) offers inside the domains")
                    #expect(try #require(context.utility.utility(of: terms)) >= context.utility.reservation)
                case .accept:
                    let offered = try #require(offer, "\(name) accepts only a standing offer")
                    #expect(try #require(context.utility.utility(of: offered)) >= context.utility.reservation)
                case .walkAway:
                    Issue.record("\(name) walked away although acceptable terms exist")
                }
            }
        }
    }

    @Test func randomIsReproducibleFromItsSeed() async throws {
        let file = try Support.scenarioFile("reference-supply")
        func actions(seed: UInt64) async throws -> [Action] {
            var strategy = try RandomStrategy(context: Support.context(file, .buyer, seed: seed))
            var result: [Action] = []
            for turn in stride(from: 1, through: 21, by: 2) {
                result.append(strategy.respond(to: Support.view(file, .buyer, turn: turn, offer: nil)))
            }
            return result
        }
        #expect(try await actions(seed: 1) == actions(seed: 1))
        #expect(try await actions(seed: 1) != actions(seed: 2))
    }

    @Test func titForTatConcedesMoreWhenTheOpponentConcedes() throws {
        let file = try Support.scenarioFile("reference-supply")
        let context = try Support.context(file, .seller)
        // The buyer's offers get better for the seller (higher price) or stay put.
        let stubborn = [10000, 10000, 10000].map { Fixtures.terms(price: Int64($0)) }
        let yielding = [10000, 13000, 16000].map { Fixtures.terms(price: Int64($0)) }
        func lastOfferUtility(_ offers: [Terms]) throws -> Double {
            var strategy = try TitForTat(kindness: 0.02, context: context)
            var last = 1.0
            for (position, offer) in offers.enumerated() {
                if case .offer(let terms) = strategy.respond(to: Support.view(file, .seller, turn: 2 * position + 2, offer: offer)).move {
                    last = context.utility.utility(of: terms)!
                }
            }
            return last
        }
        #expect(try lastOfferUtility(yielding) < lastOfferUtility(stubborn))
    }

    /// AC_next under discounting: an offer a little below the next bid is worth taking now when the next bid could
    /// only be accepted a round later, by which time it has lost δ^(1/rounds) of its worth.
    @Test func aDiscountingTimeDependentStrategyTakesAnOfferWorthMoreNowThanItsNextBidLater() throws {
        var file = try Support.scenarioFile("reference-supply")
        let rounds = Double(try #require(file.scenario.deadline.rounds))
        let turn = 41
        let plain = try Support.context(file, .buyer)
        var undiscounted = try TimeDependent(exponent: 0.5, context: plain)
        let next = try #require(undiscounted.respond(to: Support.view(file, .buyer, turn: turn, offer: nil)).offeredTerms)
        let nextUtility = try #require(plain.utility.utility(of: next))
        // An outcome worth less than the next bid, but no less than it discounted by one round.
        let space = try #require(OutcomeSpace(file.scenario))
        let band = (nextUtility * pow(0.5, 1 / rounds))..<nextUtility
        let ordinal = try #require((0..<space.count).first { band.contains(plain.utility.utility(of: space.terms(at: $0))!) })
        let offer = space.terms(at: ordinal)

        undiscounted = try TimeDependent(exponent: 0.5, context: plain)
        #expect(undiscounted.respond(to: Support.view(file, .buyer, turn: turn, offer: offer)).move != .accept)
        file.profiles[.buyer]?.discount = 0.5
        var discounted = try TimeDependent(exponent: 0.5, context: try Support.context(file, .buyer))
        #expect(discounted.respond(to: Support.view(file, .buyer, turn: turn, offer: offer)).move == .accept)
    }

    @Test func hardlinerOffersOnlyItsBest() throws {
        let file = try Support.scenarioFile("reference-supply")
        let context = try Support.context(file, .buyer)
        var strategy = try Hardliner(context: context)
        let first = strategy.respond(to: Support.view(file, .buyer, turn: 1, offer: nil))
        #expect(context.utility.utility(of: try #require(first.offeredTerms)) == context.utility.maximum)
        let later = strategy.respond(to: Support.view(file, .buyer, turn: 51, offer: Fixtures.terms(price: 10100)))
        #expect(later == first)
    }
}

enum Fixtures {
    /// Reference-scenario terms with quantity 50 and 5 days.
    static func terms(price: Int64) -> Terms {
        ["price": .integer(price), "quantity": .integer(50), "delivery_days": .integer(5)]
    }
}

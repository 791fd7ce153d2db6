import ParleyProtocol
import Testing

@Suite("Utility functions and outcome spaces")
struct UtilityTests {
    let file = Fixtures.reference

    @Test func handWorkedReferenceUtilities() throws {
        let buyer = try UtilityFunction(profile: file.profiles[.buyer]!, scenario: file.scenario)
        let seller = try UtilityFunction(profile: file.profiles[.seller]!, scenario: file.scenario)
        // price 150.00 is 50/99 of the way from 100.00 to 199.00; quantity 50 is 4/9 of the way; 5 days is 4/9.
        let terms = Fixtures.terms(price: 15000, quantity: 50, days: 5)
        let b = try #require(buyer.utility(of: terms))
        let s = try #require(seller.utility(of: terms))
        #expect(abs(b - (0.5 * (49.0 / 99) + 0.3 * (4.0 / 9) + 0.2 * (5.0 / 9))) < 1e-12)
        #expect(abs(s - (0.6 * (50.0 / 99) + 0.1 * (4.0 / 9) + 0.3 * (4.0 / 9))) < 1e-12)
        #expect(buyer.maximum == 1)
        #expect(abs(seller.minimum) < 1e-12)
    }

    @Test func ordinalsAndTermsAgree() throws {
        let space = try #require(OutcomeSpace(file.scenario))
        let buyer = try UtilityFunction(profile: file.profiles[.buyer]!, scenario: file.scenario)
        let all = buyer.utilities(over: space)
        for ordinal in stride(from: 0, to: space.count, by: 37) {
            let terms = space.terms(at: ordinal)
            #expect(space.ordinal(of: terms) == ordinal)
            #expect(buyer.utility(of: terms) == all[ordinal], "both paths give bit-identical utilities")
        }
    }

    @Test func piecewiseAndTableValues() {
        let domain = Domain.integer(SteppedRange(min: 0, max: 100, step: 10))
        let piecewise = ValueFunction.piecewise([.init(at: 20, value: 0.2), .init(at: 60, value: 1), .init(at: 100, value: 0.5)])
        #expect(piecewise.value(of: .integer(0), in: domain) == 0.2)
        #expect(abs(piecewise.value(of: .integer(40), in: domain)! - 0.6) < 1e-12)
        #expect(piecewise.value(of: .integer(80), in: domain) == 0.75)
        #expect(piecewise.value(of: .integer(100), in: domain) == 0.5)
        let table = ValueFunction.table(["prepaid": 1, "net30": 0.4])
        #expect(table.value(of: .option("net30"), in: .options(["prepaid", "net30"])) == 0.4)
        #expect(table.value(of: .integer(3), in: .options(["prepaid", "net30"])) == nil)
    }

    @Test func termsOutsideTheScenarioHaveNoUtility() throws {
        let buyer = try UtilityFunction(profile: file.profiles[.buyer]!, scenario: file.scenario)
        #expect(buyer.utility(of: Fixtures.terms(price: 15001, quantity: 50, days: 5)) == nil)
        #expect(buyer.utility(of: ["price": .integer(15000)]) == nil)
    }

    @Test func tooLargeSpacesAreRefused() {
        let huge = Scenario(
            id: "huge", name: "huge",
            issues: (0..<4).map { Issue(name: "i\($0)", domain: .integer(SteppedRange(min: 0, max: 999))) },
            opener: .buyer, deadline: Deadline(rounds: 1)
        )
        #expect(OutcomeSpace(huge) == nil)
        #expect(huge.validate().map(\.code) == ["outcome_space_too_large"])
    }
}

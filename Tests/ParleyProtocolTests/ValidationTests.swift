import Foundation
import ParleyProtocol
import Testing

@Suite("Scenario and profile validation")
struct ValidationTests {
    @Test func referenceFileMatchesTheSpecificationAndIsValid() throws {
        let file = try WireCodec().decode(ScenarioFile.self, from: Fixtures.data("Examples/Scenarios/reference-supply.json"))
        #expect(file == Fixtures.reference)
        #expect(file.validate().isEmpty)
        #expect(OutcomeSpace(file.scenario)?.count == 10_000)
    }

    @Test func everyExampleScenarioIsValid() throws {
        let folder = Fixtures.repository.appendingPathComponent("Examples/Scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(names.count >= 2)
        for name in names {
            let file = try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(file.validate().isEmpty, "\(name)")
            #expect(file.profiles.count == 2, "\(name) has both profiles")
        }
    }

    @Test func brokenScenarioListsEveryProblemWithItsPath() {
        let scenario = Scenario(
            id: "", name: "broken",
            issues: [
                Issue(name: "price", domain: .money(Currency(rawValue: "euro"), SteppedRange(min: 100, max: 150, step: 20))),
                Issue(name: "price", domain: .integer(SteppedRange(min: 5, max: 1, step: 1))),
                Issue(name: "terms", domain: .options(["a", "a"])),
                Issue(name: "qty", domain: .integer(SteppedRange(min: 1, max: 10, step: 0))),
            ],
            opener: .buyer, deadline: Deadline(), turnTimeLimit: -1
        )
        let paths = Set(scenario.validate().map { "\($0.path) \($0.code)" })
        #expect(paths == [
            "$.id empty_id",
            "$.issues[0].currency domain_invalid_currency",
            "$.issues[0].max domain_unaligned_range",
            "$.issues[1].name duplicate_issue",
            "$.issues[1].max domain_empty_range",
            "$.issues[2].options[1] domain_invalid_option",
            "$.issues[3].step domain_invalid_step",
            "$.deadline no_deadline",
            "$.turnTimeLimit invalid_turn_time_limit",
        ])
    }

    @Test func brokenProfileListsEveryProblemWithItsPath() {
        let scenario = Scenario(
            id: "s", name: "s",
            issues: [
                Issue(name: "price", domain: .integer(SteppedRange(min: 0, max: 10))),
                Issue(name: "payment", domain: .options(["prepaid", "net30"])),
                Issue(name: "days", domain: .integer(SteppedRange(min: 1, max: 5))),
                Issue(name: "warranty", domain: .integer(SteppedRange(min: 0, max: 24, step: 6))),
            ],
            opener: .buyer, deadline: Deadline(rounds: 10)
        )
        let profile = Profile(reservation: 1.5, issues: [
            "price": .init(weight: 0.7, value: .table(["a": 1])),
            "payment": .init(weight: 0.2, value: .table(["prepaid": 2, "cash": 0.5])),
            "days": .init(weight: 0.2, value: .piecewise([.init(at: 3, value: 0), .init(at: 2, value: 1)])),
            "colour": .init(weight: 0, value: .linear(.increasing)),
        ])
        let found = Set(profile.validate(against: scenario, at: "$.profiles.buyer").map { "\($0.path) \($0.code)" })
        #expect(found == [
            "$.profiles.buyer.reservation reservation_out_of_range",
            "$.profiles.buyer.issues missing_issue",
            "$.profiles.buyer.issues.colour unknown_issue",
            "$.profiles.buyer.issues.price.value.type value_function_mismatch",
            "$.profiles.buyer.issues.payment.value.values missing_option",
            "$.profiles.buyer.issues.payment.value.values.cash unknown_option",
            "$.profiles.buyer.issues.payment.value.values.prepaid value_out_of_range",
            "$.profiles.buyer.issues.days.value.points[1].at points_not_increasing",
            "$.profiles.buyer.issues weights_not_normalized",
        ])
    }

    @Test func negativeWeightIsNamed() {
        var profile = Fixtures.reference.profiles[.buyer]!
        profile.issues["price"]!.weight = -0.5
        profile.issues["quantity"]!.weight = 1.3
        let problems = profile.validate(against: Fixtures.reference.scenario)
        #expect(problems.map(\.path) == ["$.issues.price.weight"])
        #expect(problems.map(\.code) == ["negative_weight"])
    }

    @Test func messagesNeverQuoteTheReservationValue() {
        var profile = Fixtures.reference.profiles[.seller]!
        profile.reservation = 1.2345
        let text = profile.validate(against: Fixtures.reference.scenario).map(\.description).joined()
        #expect(text.contains("reservation"))
        #expect(!text.contains("1.2345"))
    }

    @Test func compilingAnInvalidProfileThrowsItsProblems() {
        var profile = Fixtures.reference.profiles[.buyer]!
        profile.issues["price"] = nil
        #expect(throws: ValidationFailure.self) { try UtilityFunction(profile: profile, scenario: Fixtures.reference.scenario) }
    }
}

@Suite("What parties are told")
struct PartiesAreToldTests {
    @Test func aFailureIsToldWithoutTheFailingAgentsAddressOrError() {
        let outcome = Outcome.failure(by: .seller, error: "remote agent at http://10.1.2.3:8081/v1/sessions/s/turns/2 answered 500")
        #expect(outcome.toldToParties == .failure(by: .seller, error: "the seller's agent failed"))
        #expect(Outcome.walkAway(by: .buyer, reason: "too dear").toldToParties == .walkAway(by: .buyer, reason: "too dear"))
        #expect(Outcome.deadline.toldToParties == .deadline)
    }
}

import Foundation
import ParleyProtocol
import Testing

/// Terms built from an outcome space hold the space and an ordinal; terms built from names hold a dictionary.
/// Every observable behaviour must be the same for both.
@Suite("Terms by ordinal behave as terms by name")
struct TermsFormsTests {
    static let files = ["reference-supply", "industrial-components"]

    static func file(_ name: String) throws -> ScenarioFile {
        try WireCodec().decode(ScenarioFile.self, from: Fixtures.data("Examples/Scenarios/\(name).json"))
    }

    @Test(arguments: files)
    func valuesEqualityHashingEncodingAndUtilityAgree(name: String) throws {
        let file = try Self.file(name)
        let space = try #require(OutcomeSpace(file.scenario))
        let utilities = try file.profiles.values.map { try UtilityFunction(profile: $0, scenario: file.scenario) }
        var rules = AlternatingOffers(scenario: file.scenario)
        for ordinal in Swift.stride(from: 0, to: space.count, by: max(1, space.count / 500)) {
            let byOrdinal = space.terms(at: ordinal)
            let byName = Terms(byOrdinal.values)
            #expect(byOrdinal.outcome?.ordinal == ordinal && byName.outcome == nil)
            #expect(byOrdinal == byName && byName == byOrdinal)
            #expect(byOrdinal.hashValue == byName.hashValue)
            #expect(byOrdinal.count == file.scenario.issues.count && byName.count == byOrdinal.count)
            for issue in file.scenario.issues { #expect(byOrdinal[issue.name] == byName[issue.name]) }
            #expect(byOrdinal["no such issue"] == nil)
            #expect(byOrdinal.description == byName.description)
            #expect(try WireCodec().encode(byOrdinal) == WireCodec().encode(byName))
            #expect(space.ordinal(of: byOrdinal) == ordinal && space.ordinal(of: byName) == ordinal)
            for utility in utilities {
                // Bit for bit: both forms add the same numbers in the same order.
                #expect(utility.utility(of: byOrdinal)?.bitPattern == utility.utility(of: byName)?.bitPattern)
            }
            #expect(throws: Never.self) { try rules.check(.offer(byOrdinal), by: rules.sideToMove) }
            #expect(throws: Never.self) { try rules.check(.offer(byName), by: rules.sideToMove) }
        }
        _ = try rules.apply(.offer(space.terms(at: 0)), by: rules.sideToMove)
        #expect(space.terms(at: 0) != space.terms(at: 1))
        #expect(Terms(space.terms(at: 0).values) != space.terms(at: 1))
    }

    @Test func changingTermsByOrdinalTurnsThemIntoTermsByName() throws {
        let file = try Self.file("reference-supply")
        let space = try #require(OutcomeSpace(file.scenario))
        var terms = space.terms(at: 42)
        let before = terms.values
        terms["price"] = .integer(-1)
        #expect(terms.outcome == nil)
        #expect(terms["price"] == .integer(-1) && terms["quantity"] == before["quantity"] && terms.count == before.count)
        #expect(throws: ProtocolViolation.self) { try AlternatingOffers(scenario: file.scenario).check(.offer(terms), by: file.scenario.opener) }
        var other = space.terms(at: 42)
        other.values["extra"] = .option("x")
        #expect(other.count == before.count + 1 && other != space.terms(at: 42))
    }

    @Test func anOrdinalOutsideTheSpaceWrapsAsItsDigitsDo() throws {
        let space = try #require(OutcomeSpace(try Self.file("reference-supply").scenario))
        let wrapped = space.terms(at: space.count + 5)
        #expect(wrapped.outcome == nil)
        #expect(wrapped == space.terms(at: 5))
    }

    @Test func termsOfAnotherScenarioWithTheSameIssueNamesAreCheckedByValue() throws {
        let file = try Self.file("reference-supply")
        var narrower = file.scenario
        narrower.issues[0].domain = .money(Currency(rawValue: "EUR"), SteppedRange(min: 10000, max: 10100, step: 100))
        let wide = try #require(OutcomeSpace(file.scenario))
        let offer = wide.terms(at: wide.count - 1)
        #expect(throws: ProtocolViolation.self) { try AlternatingOffers(scenario: narrower).check(.offer(offer), by: narrower.opener) }
        let narrowUtility = try UtilityFunction(profile: file.profiles[.buyer]!, scenario: narrower)
        #expect(narrowUtility.utility(of: offer) == nil)
        #expect(OutcomeSpace(narrower)?.ordinal(of: offer) == nil)
    }
}

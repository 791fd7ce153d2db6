import Foundation
import ParleyAgents
@testable import ParleyLLM
import ParleyProtocol
import Testing

/// The buyer of the LLM tests: reservation value 0.5 on the reference scenario.
@Suite("The note redactor")
struct NoteRedactorTests {
    static func redactor() throws -> NoteRedactor {
        let context = try LLMSupport.context(.buyer)
        return NoteRedactor(utility: context.utility, profile: context.profile)
    }

    /// The reservation value 0.5, however it is written.
    @Test(arguments: [
        "Think of 0.5 as my line.", "Think of .5 as my line.", "Think of 5e-1 as my line.", "Think of 5E-1 as my line.",
        "Think of zero point five as my line.", "Below fifty percent of my best I stop.", "Below 50% of my best I stop.",
    ])
    func aLimitIsFoundHoweverItIsWritten(note: String) throws {
        #expect(try Self.redactor().reveals(note), "\(note)")
    }

    /// A small model copies the reply schema's descriptions into its note; such a note never reaches the opponent.
    @Test(arguments: [
        "A short message to the opponent, or null.", "a short message to the opponent …", "Your private reasoning; never shown to the opponent.",
        "Every issue's value for an offer", "a short message to the opponent (at most 280 characters)", "A short message to the opponent (at most 280",
    ])
    func aCopiedSchemaDescriptionIsWithheld(note: String) throws {
        #expect(try Self.redactor().reveals(note), "\(note)")
    }

    @Test(arguments: ["We are flexible on delivery.", "Let's meet halfway on the rest.", "A short note.", "Deal?"])
    func ordinaryNotesPass(note: String) throws {
        #expect(try !Self.redactor().reveals(note), "\(note)")
    }

    @Test func numbersInWordsAndDigitForms() {
        let words = NumberWords.numbers(in: "one hundred fifty, fifteen thousand and twenty-five percent, zero point zero five")
        #expect(words.map(\.0) == [150, 15_025, Decimal(string: "0.05")!])
        #expect(words.map(\.1) == [false, true, false])
    }
}

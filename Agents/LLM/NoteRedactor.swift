import Foundation
import ParleyAgents
import ParleyProtocol

/// Withholds a note that would reveal the principal's limits: the reservation value, a weight, the worst value
/// of an issue the principal could still accept, or talk of utilities and reservation values; and a note that only
/// echoes the reply schema's own descriptions (a small model copies them into its fields).
///
/// Numbers are read however they are written: digits with or without separators, scientific notation (`5e-1`), a
/// `k` for thousands (`15k`), and words (`fifty percent`, `one hundred fifty`, `zero point five`).
///
/// A limit is a number the opponent could not know: an issue's extreme acceptable value counts only when it is
/// not an end of the domain (which is public), and money is recognised in minor and in major units (`15000`,
/// `150`, `150.00`). Ordinary haggling ("we can't go above 160") passes unless its number is a true limit; a note
/// that says "my limit is" or names a reservation value or utility does not.
struct NoteRedactor: Sendable {
    private let secrets: [Decimal]
    private let percentages: [Decimal]
    /// The private facts in words, for a judge model: the walk-away value, each weight, each true limit.
    let facts: [String]
    private static let phrases = [
        "reservation", "walk-away value", "walkaway value", "walk away value", "bottom line", "utility", "utilities", "my weights",
        "our weights", "the weights", "my limit is", "our limit is", "my mandate", "our mandate",
    ]

    /// A redactor for a principal's profile.
    init(utility: UtilityFunction, profile: Profile) {
        var secrets: [Decimal] = []
        var percentages: [Decimal] = []
        var facts = ["the walk-away value (reservation value): \(utility.reservation) on a scale of 0 to 1"]
        facts += profile.issues.sorted { $0.key < $1.key }.map { "the weight of \($0.key): \($0.value.weight)" }
        for share in [utility.reservation] + profile.issues.values.map(\.weight) where share > 0 && share < 1 {
            secrets.append(Self.rounded(share, 2))
            percentages.append(Self.rounded(share * 100, 1))
        }
        for (position, issue) in utility.issues.enumerated() {
            guard let limit = Self.worstAcceptable(position, utility: utility) else { continue }
            switch issue.domain {
            case .money(let currency, let range) where limit != range.min && limit != range.max:
                facts.append("the worst \(issue.name) it may agree to: \(currency.format(minorUnits: limit))")
                secrets.append(Decimal(limit))
                var major = Decimal(limit)
                for _ in 0..<currency.minorUnitDigits { major /= 10 }
                secrets.append(major)
            case .integer(let range) where limit != range.min && limit != range.max:
                facts.append("the worst \(issue.name) it may agree to: \(limit)")
                secrets.append(Decimal(limit))
            default:
                break
            }
        }
        self.secrets = secrets
        self.percentages = percentages
        self.facts = facts
    }

    /// The action with its note removed if the note gives a limit away or only echoes the schema, and whether it was.
    func withholdingRevealingNote(_ action: Action) -> (Action, Bool) {
        guard let note = action.note, reveals(note) else { return (action, false) }
        var action = action
        action.note = nil
        return (action, true)
    }

    /// Whether a note gives away a limit, or only echoes the schema.
    func reveals(_ note: String) -> Bool {
        let lowered = note.lowercased()
        if Self.phrases.contains(where: lowered.contains) || Self.echoesSchema(lowered) { return true }
        for (number, isPercentage) in Self.numbers(in: lowered) + NumberWords.numbers(in: lowered) {
            if secrets.contains(number) { return true }
            if isPercentage, percentages.contains(number) { return true }
        }
        return false
    }

    /// Whether a note, letters and digits only, is a piece of one of the schema's descriptions or of the prompt's
    /// placeholders, or holds one: a copied placeholder, possibly cut short ("a short message to the opponent …").
    static func echoesSchema(_ lowered: String) -> Bool {
        let note = letters(lowered)
        guard note.count >= 12 else { return false }
        return placeholders.contains { placeholder in placeholder.contains(note) || note.contains(placeholder) }
    }

    /// The texts a model may copy instead of writing a note, letters and digits only: the schema's descriptions and
    /// the placeholders of the prompt's reply format (``NegotiationPrompt/placeholders``).
    private static let placeholders: [String] = {
        let descriptions = ActionSchema.descriptions
        return ([descriptions.reasoning, descriptions.terms, descriptions.note] + NegotiationPrompt.placeholders).map { letters($0.lowercased()) }
    }()

    private static func letters(_ text: String) -> String { String(text.filter { $0.isLetter || $0.isNumber }) }

    /// Every number written in digits, without thousands separators, and whether a percent sign or word follows it:
    /// `150`, `15,000`, `.5`, `5e-1`, `1.5E+4`, `15k`.
    private static func numbers(in text: String) -> [(Decimal, Bool)] {
        guard let pattern = try? NSRegularExpression(pattern: #"(\d[\d,]*(?:\.\d+)?|\.\d+)(?:e([+-]?\d{1,3}))?(k\b)?\s*(%|percent)?"#) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            guard let numberRange = Range(match.range(at: 1), in: text) else { return nil }
            let digits = text[numberRange].replacingOccurrences(of: ",", with: "")
            guard var value = Decimal(string: digits.hasPrefix(".") ? "0" + digits : digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            if let exponentRange = Range(match.range(at: 2), in: text), let exponent = Int(text[exponentRange]) {
                value *= pow(Decimal(10), abs(exponent))
                if exponent < 0 { value /= pow(Decimal(10), 2 * abs(exponent)) }
            }
            if match.range(at: 3).location != NSNotFound { value *= 1000 }
            return (value, match.range(at: 4).location != NSNotFound)
        }
    }

    /// The value of a numeric issue furthest from the principal's best that can still reach the reservation
    /// value with every other issue at its best: the limit a price "ceiling" or a delivery "floor" names.
    private static func worstAcceptable(_ position: Int, utility: UtilityFunction) -> Int64? {
        let values = utility.weightedValues[position]
        let bestOfOthers = utility.weightedValues.enumerated().reduce(0.0) { sum, element in
            element.offset == position ? sum : sum + (element.element.max() ?? 0)
        }
        guard let best = values.indices.max(by: { values[$0] < values[$1] }) else { return nil }
        let acceptable = values.indices.filter { bestOfOthers + values[$0] >= utility.reservation }
        // The acceptable index furthest from the best one.
        guard let worst = acceptable.max(by: { abs($0 - best) < abs($1 - best) }) else { return nil }
        guard case .integer(let value) = utility.issues[position].domain.value(at: worst) else { return nil }
        return value
    }

    private static func rounded(_ value: Double, _ digits: Int) -> Decimal {
        var exact = Decimal(value), result = Decimal()
        NSDecimalRound(&result, &exact, digits, .plain)
        return result
    }
}

import Foundation

/// Numbers written in English words, as a note might hide a limit: `fifty`, `one hundred fifty`, `fifteen thousand`,
/// `twenty-five percent`, `zero point five`.
enum NumberWords {
    private static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    private static let scales: [String: Int] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000]

    /// Every number written in words in a lowercased text, and whether `percent` follows it. Punctuation ends a
    /// number ("fifty, sixty" is two); spaces and hyphens do not ("twenty-five").
    static func numbers(in text: String) -> [(Decimal, Bool)] {
        text.split { !($0.isLetter || $0 == " " || $0 == "-") }.flatMap { numbers(inClause: $0.split { !$0.isLetter }.map(String.init)) }
    }

    private static func numbers(inClause words: [String]) -> [(Decimal, Bool)] {
        var numbers: [(Decimal, Bool)] = []
        var index = 0
        while index < words.count {
            guard units[words[index]] != nil else {
                index += 1
                continue
            }
            var (total, current) = (0, 0)
            while index < words.count {
                let word = words[index]
                if let unit = units[word] {
                    current += unit
                } else if word == "hundred" {
                    current = max(1, current) * 100
                } else if let scale = scales[word] {
                    total += max(1, current) * scale
                    current = 0
                } else if word != "and" {
                    break
                }
                index += 1
            }
            var value = Decimal(total + current)
            // `point` and digit words after it: a decimal fraction.
            if index < words.count, words[index] == "point" {
                var place = Decimal(1)
                index += 1
                while index < words.count, let digit = units[words[index]], digit < 10 {
                    place /= 10
                    value += Decimal(digit) * place
                    index += 1
                }
            }
            numbers.append((value, index < words.count && words[index] == "percent"))
        }
        return numbers
    }
}

import ParleyAgents

/// The values a hostile or careless peer puts in a field, as JSON text: each field's extremes, the edges of
/// ``ParleyProtocol/Limits``, numbers beyond every integer type, and text with control characters.
///
/// Each draw uses only the seeded generator, so a case replays from its seed.
public struct HostileValues: Sendable {
    /// The source of randomness.
    var random: SeededGenerator

    /// How often a field takes a hostile value instead of a usual one.
    public var hostility: Double

    /// Values drawn from a generator seeded with `seed`; about half the documents are nearly clean (a hostile
    /// field in 200), so that many are valid, and the rest hostile in one field of 12.
    public init(seed: UInt64) {
        self.random = SeededGenerator(seed: seed)
        self.hostility = 0
        self.hostility = chance(0.5) ? 0.005 : 0.08
    }

    /// Whether this field takes a hostile value.
    public mutating func hostile() -> Bool { chance(hostility) }

    /// Integers at every edge: `Int64`'s, 2⁵³'s, zero and one, and beyond `Int64` (`1e30`, a fraction).
    public static var edgeIntegers: [String] {
        [
            "-9223372036854775808", "-9223372036854775807", "-9007199254740993", "-9007199254740992", "-9007199254740991", "-1", "0",
            "1", "2", "9007199254740991", "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808",
            "18446744073709551616", "1e30", "-1e30", "1.5", "-0",
        ]
    }

    /// Numbers at every edge of a double and of the limits in seconds.
    public static var edgeNumbers: [String] {
        [
            "-1e308", "-1", "-0.0", "0", "5e-324", "1e-9", "0.25", "0.5", "1", "1.0000001", "2", "30", "2592000", "2592000.5",
            "1e15", "1e300", "1.7976931348623157e308",
        ]
    }

    /// A whole number from `range`.
    public mutating func integer(in range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &random) }

    /// Whether a draw with probability `chance` came up.
    public mutating func chance(_ chance: Double) -> Bool { Double.random(in: 0..<1, using: &random) < chance }

    /// One of `choices`.
    public mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }

    /// An integer field: usually from `usual`, sometimes an edge integer or any `Int64`.
    public mutating func integerText(usual: ClosedRange<Int64>) -> String {
        guard hostile() else { return String(integer(in: usual)) }
        return chance(0.7) ? pick(Self.edgeIntegers) : String(Int64.random(in: .min ... .max, using: &random))
    }

    /// A number field: usually from `usual`, sometimes an edge number.
    public mutating func numberText(usual: ClosedRange<Double>) -> String {
        hostile() ? pick(Self.edgeNumbers) : String(Double.random(in: usual, using: &random))
    }

    /// A name: usually short and plain, sometimes empty, very long, or with control characters, quotes or emoji.
    public mutating func name(_ plain: String) -> String {
        guard hostile() else { return chance(0.2) ? plain + "\"\\/é🙂" : plain }
        return pick(["", String(repeating: "x", count: 201), plain + "\u{1B}[2J\u{07}", plain + "\n\r\t\u{0}"])
    }

    /// Text as a JSON string literal: quotes and backslashes escaped, control characters as `\u00XX`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

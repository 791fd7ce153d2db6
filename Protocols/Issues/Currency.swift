/// An ISO 4217 currency code such as `EUR`, with the number of digits of its minor unit.
///
/// Amounts are always integers in minor units (cents for EUR); Parley never uses floating point for money.
public struct Currency: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The three-letter code, e.g. `EUR`.
    public let rawValue: String

    /// Wraps a code. Use ``isWellFormed`` to check that it has the ISO shape.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Whether the code is three ASCII capital letters, as ISO 4217 codes are.
    public var isWellFormed: Bool {
        rawValue.utf8.count == 3 && rawValue.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// Digits after the decimal point of the minor unit: 2 for most currencies, 0 for JPY, 3 for KWD.
    public var minorUnitDigits: Int {
        switch rawValue {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
            0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
            3
        default:
            2
        }
    }

    /// Formats an amount in minor units for people: `EUR 150.00`.
    public func format(minorUnits amount: Int64) -> String {
        let digits = minorUnitDigits
        guard digits > 0 else { return "\(rawValue) \(amount)" }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let magnitude = amount.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(rawValue) \(amount < 0 ? "-" : "")\(whole).\(fraction)"
    }

    /// The code itself.
    public var description: String { rawValue }
}

/// The set of values one issue can take. Every domain is finite and ordered.
public enum Domain: Sendable, Hashable {
    /// An amount of money in integer minor units of a currency.
    case money(Currency, SteppedRange)
    /// An integer quantity such as units or days.
    case integer(SteppedRange)
    /// A set of named options such as payment terms.
    case options([String])

    /// The number of values in the domain (0 when it is malformed).
    public var count: Int {
        switch self {
        case .money(_, let range), .integer(let range): range.count ?? 0
        case .options(let names): names.count
        }
    }

    /// The value at a position in the domain's order.
    public func value(at index: Int) -> TermValue {
        switch self {
        case .money(_, let range), .integer(let range): .integer(range.value(at: index))
        case .options(let names): .option(names[index])
        }
    }

    /// The position of a value, or `nil` when the value is outside the domain or of the wrong kind.
    public func index(of value: TermValue) -> Int? {
        switch (self, value) {
        case (.money(_, let range), .integer(let amount)), (.integer(let range), .integer(let amount)):
            range.index(of: amount)
        case (.options(let names), .option(let name)):
            names.firstIndex(of: name)
        default:
            nil
        }
    }

    /// Whether a value has the kind this domain takes (a number, or an option name).
    public func accepts(kindOf value: TermValue) -> Bool {
        switch (self, value) {
        case (.money, .integer), (.integer, .integer), (.options, .option): true
        default: false
        }
    }

    /// A value formatted for people: `EUR 150.00`, `40`, `net30`.
    public func format(_ value: TermValue) -> String {
        switch (self, value) {
        case (.money(let currency, _), .integer(let amount)): currency.format(minorUnits: amount)
        case (_, .integer(let number)): String(number)
        case (_, .option(let name)): name
        }
    }

    /// The domain's kind as written in scenario files: `money`, `integer` or `options`.
    public var kindName: String {
        switch self {
        case .money: "money"
        case .integer: "integer"
        case .options: "options"
        }
    }
}

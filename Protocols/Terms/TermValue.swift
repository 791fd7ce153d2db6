/// The value of one issue in an offer: a whole number (money in minor units, or an integer issue) or an option name.
///
/// In JSON it is a bare number or a bare string: `15000`, `"net30"`.
public enum TermValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A money amount in minor units, or an integer.
    case integer(Int64)
    /// The name of an option.
    case option(String)

    /// Decodes a JSON integer or string; anything else (a fraction, `null`, an object) is a type mismatch.
    ///
    /// A whole number beyond `Int64` (`1e30`) is read as the nearest `Int64`, outside every domain, so the rules
    /// judge it as a value out of its issue's domain rather than the message as unreadable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self), number == number.rounded(), number.isFinite {
            self = .integer(abs(number) < 9.2e18 ? Int64(number) : number < 0 ? .min : .max)
        } else if let name = try? container.decode(String.self) {
            self = .option(name)
        } else {
            throw DecodingError.typeMismatch(
                TermValue.self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected an integer or an option name")
            )
        }
    }

    /// Encodes a bare number or string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let number): try container.encode(number)
        case .option(let name): try container.encode(name)
        }
    }

    /// The raw value, without currency formatting.
    public var description: String {
        switch self {
        case .integer(let number): String(number)
        case .option(let name): name
        }
    }
}

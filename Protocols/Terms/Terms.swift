/// One value for every issue of a scenario: what an offer proposes and what an agreement fixes.
///
/// In JSON, terms are an object from issue name to value: `{"price": 15000, "quantity": 50, "delivery_days": 3}`.
public struct Terms: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// The values by issue name.
    public var values: [String: TermValue]

    /// Creates terms from values by issue name.
    public init(_ values: [String: TermValue]) { self.values = values }

    /// Creates terms from a literal such as `["price": .integer(15000), "payment": .option("net30")]`.
    public init(dictionaryLiteral elements: (String, TermValue)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value of an issue, if the terms give one.
    public subscript(issue: String) -> TermValue? {
        get { values[issue] }
        set { values[issue] = newValue }
    }

    /// The number of issues the terms give a value for.
    public var count: Int { values.count }

    /// Decodes a JSON object of issue values.
    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: TermValue].self)
    }

    /// Encodes a JSON object of issue values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    /// The values sorted by issue name, `name=value` separated by commas.
    public var description: String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}

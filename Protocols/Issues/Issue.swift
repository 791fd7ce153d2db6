/// One negotiable term of a scenario, such as price or delivery days.
///
/// In JSON an issue is flat, with its kind in `type`:
/// ```json
/// {"name": "price", "type": "money", "currency": "EUR", "min": 10000, "max": 19900, "step": 100}
/// {"name": "quantity", "type": "integer", "min": 10, "max": 100, "step": 10}
/// {"name": "payment", "type": "options", "options": ["prepaid", "net30", "net60"]}
/// ```
/// Money is in integer minor units (cents for EUR). `step` defaults to 1.
public struct Issue: Sendable, Hashable {
    /// The issue's name, unique within its scenario; the key of its value in ``Terms``.
    public var name: String
    /// The values the issue can take.
    public var domain: Domain

    /// Creates an issue.
    public init(name: String, domain: Domain) {
        self.name = name
        self.domain = domain
    }
}

extension Issue: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, type, currency, min, max, step, options
    }

    /// Decodes the flat JSON form; an unknown `type` is a data error naming the field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        let type = try container.decode(String.self, forKey: .type)
        func range() throws -> SteppedRange {
            SteppedRange(
                min: try container.decodeWhole(.min),
                max: try container.decodeWhole(.max),
                step: try container.decodeWholeIfPresent(.step) ?? 1
            )
        }
        switch type {
        case "money":
            domain = .money(try container.decode(Currency.self, forKey: .currency), try range())
        case "integer":
            domain = .integer(try range())
        case "options":
            domain = .options(try container.decode([String].self, forKey: .options))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown issue type '\(type)'; expected money, integer or options"
            )
        }
    }

    /// Encodes the flat JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(domain.kindName, forKey: .type)
        switch domain {
        case .money(let currency, let range):
            try container.encode(currency, forKey: .currency)
            try container.encode(range.min, forKey: .min)
            try container.encode(range.max, forKey: .max)
            try container.encode(range.step, forKey: .step)
        case .integer(let range):
            try container.encode(range.min, forKey: .min)
            try container.encode(range.max, forKey: .max)
            try container.encode(range.step, forKey: .step)
        case .options(let names):
            try container.encode(names, forKey: .options)
        }
    }
}

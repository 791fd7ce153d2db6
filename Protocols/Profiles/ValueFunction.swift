/// How much one issue's values are worth to a party, on a scale from 0 to 1.
///
/// JSON forms:
/// ```json
/// {"type": "linear", "direction": "increasing"}
/// {"type": "piecewise", "points": [{"at": 10, "value": 0.0}, {"at": 50, "value": 1.0}]}
/// {"type": "table", "values": {"prepaid": 1.0, "net30": 0.6, "net60": 0.2}}
/// ```
/// `linear` runs from 0 at one end of the domain to 1 at the other. `piecewise` interpolates between points given
/// in the domain's units (minor units for money) and holds the end values beyond them. `table` names every option.
public enum ValueFunction: Sendable, Hashable {
    /// Which end of a numeric domain is worth 1.
    public enum Direction: String, Sendable, Hashable, Codable {
        /// 0 at the minimum, 1 at the maximum.
        case increasing
        /// 1 at the minimum, 0 at the maximum.
        case decreasing
    }

    /// A point of a piecewise-linear value function.
    public struct Point: Sendable, Hashable, Codable {
        /// The domain value (minor units for money).
        public var at: Int64
        /// Its worth, in [0, 1].
        public var value: Double

        /// Creates a point.
        public init(at: Int64, value: Double) {
            self.at = at
            self.value = value
        }

        private enum CodingKeys: String, CodingKey { case at, value }

        /// Decodes a point; `at` must be a whole number within ``Limits/integers``.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            at = try container.decodeWhole(.at)
            value = try container.decode(Double.self, forKey: .value)
        }
    }

    /// Linear over a numeric domain.
    case linear(Direction)
    /// Piecewise linear over a numeric domain, through points sorted by `at`.
    case piecewise([Point])
    /// A value for every option.
    case table([String: Double])

    /// The worth of a domain value, or `nil` when the function does not fit the value's kind.
    public func value(of term: TermValue, in domain: Domain) -> Double? {
        switch (self, term, domain) {
        case (.linear(let direction), .integer(let number), .money(_, let range)),
            (.linear(let direction), .integer(let number), .integer(let range)):
            guard range.max > range.min else { return 1 }
            // In floating point: a value from outside the domain must not overflow Int64.
            let fraction = (Double(number) - Double(range.min)) / (Double(range.max) - Double(range.min))
            return direction == .increasing ? fraction : 1 - fraction
        case (.piecewise(let points), .integer(let number), _):
            return Self.interpolate(points, at: number)
        case (.table(let values), .option(let name), _):
            return values[name]
        default:
            return nil
        }
    }

    private static func interpolate(_ points: [Point], at number: Int64) -> Double? {
        guard let first = points.first, let last = points.last else { return nil }
        if number <= first.at { return first.value }
        if number >= last.at { return last.value }
        for (left, right) in zip(points, points.dropFirst()) where number <= right.at {
            let span = Double(right.at) - Double(left.at)
            let fraction = span > 0 ? (Double(number) - Double(left.at)) / span : 1
            return left.value + (right.value - left.value) * fraction
        }
        return last.value
    }

    /// The function's kind as written in JSON: `linear`, `piecewise` or `table`.
    public var kindName: String {
        switch self {
        case .linear: "linear"
        case .piecewise: "piecewise"
        case .table: "table"
        }
    }
}

extension ValueFunction: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, direction, points, values
    }

    /// Decodes the tagged JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "linear": self = .linear(try container.decode(Direction.self, forKey: .direction))
        case "piecewise": self = .piecewise(try container.decode([Point].self, forKey: .points))
        case "table": self = .table(try container.decode([String: Double].self, forKey: .values))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown value function type '\(type)'; expected linear, piecewise or table"
            )
        }
    }

    /// Encodes the tagged JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kindName, forKey: .type)
        switch self {
        case .linear(let direction): try container.encode(direction, forKey: .direction)
        case .piecewise(let points): try container.encode(points, forKey: .points)
        case .table(let values): try container.encode(values, forKey: .values)
        }
    }
}

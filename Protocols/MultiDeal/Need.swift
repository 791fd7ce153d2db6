/// What a multi-deal centre needs, and how it values the combination of deals it ends with.
///
/// The rules (``MultiDealRules``) never let the centre commit beyond its need; the utility of a combination is
/// ``utility(of:reservation:)``.
///
/// JSON: `{"type": "single"}`, `{"type": "split", "issue": "quantity", "total": 1000, "shortfallPenalty": 0.1}`, or
/// `{"type": "table", "combinations": [{"edges": ["acme", "bolt"], "value": 1}, {"edges": ["acme"], "value": 0.7}]}`.
public enum Need: Sendable, Hashable {
    /// One deal: the first agreement meets the need. The combination is worth that deal's utility to the centre.
    case single
    /// Quantities that add up to `total`, read from the integer issue `issue` of every edge. The combination is worth
    /// each deal's utility weighted by its share of the total, and each unit left unfilled is worth the centre's
    /// reservation value less `shortfallPenalty`.
    case split(issue: String, total: Int, shortfallPenalty: Double)
    /// The sets of edges the centre may end with, each with a value from 0 to 1. Adding an edge is allowed while the
    /// set stays within a listed one; the need is met when no listed set is larger. A listed set is worth its value
    /// times the mean utility of its deals; a set not listed is worth 0.
    case table([Combination])

    /// A set of edges the centre may end with, and what it is worth.
    public struct Combination: Sendable, Hashable, Codable {
        /// The edges' identifiers.
        public var edges: [String]
        /// From 0 to 1.
        public var value: Double

        /// A combination.
        public init(edges: [String], value: Double) {
            self.edges = edges
            self.value = value
        }
    }

    /// One committed deal, as the need sees it.
    public struct Deal: Sendable, Hashable {
        /// The edge's identifier.
        public var edge: String
        /// The deal's utility to the centre, under its profile for that edge.
        public var utility: Double
        /// The deal's quantity, for a split order.
        public var quantity: Int?

        /// A deal.
        public init(edge: String, utility: Double, quantity: Int? = nil) {
            self.edge = edge
            self.utility = utility
            self.quantity = quantity
        }
    }

    /// Whether the centre may commit to one more deal with `edge` of `quantity` (for a split order) on top of `deals`.
    public func allows(_ edge: String, quantity: Int?, after deals: some Collection<(edge: String, quantity: Int?)>) -> Bool {
        switch self {
        case .single:
            return deals.isEmpty
        case .split(_, let total, _):
            guard let quantity, quantity >= 0 else { return false }
            let committed = deals.reduce(0) { $0 + ($1.quantity ?? 0) }
            return quantity <= total - committed
        case .table(let combinations):
            let set = Set(deals.map(\.edge) + [edge])
            return combinations.contains { set.isSubset(of: $0.edges) }
        }
    }

    /// Whether `deals` meet the need: no further deal could be added with any edge and quantity.
    public func isMet(by deals: some Collection<(edge: String, quantity: Int?)>) -> Bool {
        switch self {
        case .single:
            return !deals.isEmpty
        case .split(_, let total, _):
            return deals.reduce(0) { $0 + ($1.quantity ?? 0) } >= total
        case .table(let combinations):
            let set = Set(deals.map(\.edge))
            return !combinations.contains { set.isStrictSubset(of: $0.edges) }
        }
    }

    /// What a combination of deals is worth to the centre, from 0 to 1; `reservation` when there is none.
    public func utility(of deals: [Deal], reservation: Double) -> Double {
        guard !deals.isEmpty else {
            if case .split(_, _, let penalty) = self { return max(0, reservation - penalty) }
            return reservation
        }
        switch self {
        case .single:
            return deals.map(\.utility).max() ?? reservation
        case .split(_, let total, let penalty):
            let filled = deals.reduce(0.0) { $0 + Double($1.quantity ?? 0) / Double(total) * $1.utility }
            let shortfall = Double(max(0, total - deals.reduce(0) { $0 + ($1.quantity ?? 0) })) / Double(total)
            return filled + shortfall * max(0, reservation - penalty)
        case .table(let combinations):
            let set = Set(deals.map(\.edge))
            let value = combinations.filter { Set($0.edges) == set }.map(\.value).max() ?? 0
            return value * deals.reduce(0) { $0 + $1.utility } / Double(deals.count)
        }
    }
}

extension Need: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, issue, total, shortfallPenalty, combinations
    }

    /// Decodes a need by its `type`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "single":
            self = .single
        case "split":
            self = .split(
                issue: try container.decode(String.self, forKey: .issue), total: try container.decode(Int.self, forKey: .total),
                shortfallPenalty: try container.decodeIfPresent(Double.self, forKey: .shortfallPenalty) ?? 0
            )
        case "table":
            self = .table(try container.decode([Combination].self, forKey: .combinations))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown need '\(other.prefix(40))': use single, split or table")
        }
    }

    /// Encodes the need with its `type`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .single:
            try container.encode("single", forKey: .type)
        case .split(let issue, let total, let penalty):
            try container.encode("split", forKey: .type)
            try container.encode(issue, forKey: .issue)
            try container.encode(total, forKey: .total)
            try container.encode(penalty, forKey: .shortfallPenalty)
        case .table(let combinations):
            try container.encode("table", forKey: .type)
            try container.encode(combinations, forKey: .combinations)
        }
    }
}

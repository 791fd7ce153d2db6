/// One value for every issue of a scenario: what an offer proposes and what an agreement fixes.
///
/// In JSON, terms are an object from issue name to value: `{"price": 15000, "quantity": 50, "delivery_days": 3}`.
///
/// Terms built from an outcome space (``OutcomeSpace/terms(at:)``, as every bidding index does) hold only the
/// space and the outcome's ordinal: no dictionary is built, and the rules, utility functions and record writers
/// read them by position. Terms built from names hold a dictionary. Both forms behave alike in every respect
/// (values, equality, hashing, encoding); ``outcome`` tells them apart for the code that takes the fast path.
public struct Terms: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    private enum Storage: Sendable {
        case named([String: TermValue])
        case outcome(OutcomeSpace, ordinal: Int)
    }

    private var storage: Storage

    /// Creates terms from values by issue name.
    public init(_ values: [String: TermValue]) { storage = .named(values) }

    /// Terms that are an outcome of a space; `ordinal` must be in `0..<space.count`.
    init(space: OutcomeSpace, ordinal: Int) { storage = .outcome(space, ordinal: ordinal) }

    /// Creates terms from a literal such as `["price": .integer(15000), "payment": .option("net30")]`.
    public init(dictionaryLiteral elements: (String, TermValue)...) {
        storage = .named(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The values by issue name.
    public var values: [String: TermValue] {
        get {
            switch storage {
            case .named(let values): return values
            case .outcome(let space, let ordinal):
                var values: [String: TermValue] = [:]
                values.reserveCapacity(space.issues.count)
                space.forEachValue(of: ordinal) { position, value in values[space.issues[position].name] = value }
                return values
            }
        }
        set { storage = .named(newValue) }
        _modify {
            var values = self.values
            storage = .named([:])  // so that `values` is the only reference and is changed in place
            defer { storage = .named(values) }
            yield &values
        }
    }

    /// The outcome space and ordinal of terms built from a space, `nil` for terms built from names.
    public var outcome: (space: OutcomeSpace, ordinal: Int)? {
        if case .outcome(let space, let ordinal) = storage { (space, ordinal) } else { nil }
    }

    /// The ordinal of terms built from an outcome space with exactly these issues (then they are an outcome of
    /// any space with these issues); `nil` for any other terms.
    public func ordinal(in issues: [Issue]) -> Int? {
        guard case .outcome(let space, let ordinal) = storage, space.matches(issues) else { return nil }
        return ordinal
    }

    /// The value of an issue, if the terms give one.
    public subscript(issue: String) -> TermValue? {
        get {
            switch storage {
            case .named(let values): return values[issue]
            case .outcome(let space, let ordinal):
                guard let position = space.issues.firstIndex(where: { $0.name == issue }) else { return nil }
                return space.value(of: ordinal, at: position)
            }
        }
        set { values[issue] = newValue }
    }

    /// The number of issues the terms give a value for.
    public var count: Int {
        switch storage {
        case .named(let values): values.count
        case .outcome(let space, _): space.issues.count
        }
    }

    /// Calls `body` with every issue name and value, in no particular order.
    public func forEach(_ body: (String, TermValue) throws -> Void) rethrows {
        switch storage {
        case .named(let values):
            for (name, value) in values { try body(name, value) }
        case .outcome(let space, let ordinal):
            try space.forEachValue(of: ordinal) { position, value in try body(space.issues[position].name, value) }
        }
    }

    /// Equal when they give the same value for the same issues, whichever form they have.
    public static func == (left: Terms, right: Terms) -> Bool {
        if case .outcome(let a, let i) = left.storage, case .outcome(let b, let j) = right.storage, i == j, a == b {
            return true
        }
        guard left.count == right.count else { return false }
        var equal = true
        left.forEach { name, value in if equal, right[name] != value { equal = false } }
        return equal
    }

    /// Hashes the issue names and values, in an order-independent way, so both forms of equal terms hash alike.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        forEach { name, value in
            var element = hasher
            element.combine(name)
            element.combine(value)
            combined ^= element.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }

    /// Decodes a JSON object of issue values.
    public init(from decoder: any Decoder) throws {
        storage = .named(try decoder.singleValueContainer().decode([String: TermValue].self))
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

/// The parameters of one agent spec, read with typed accessors that reject bad values with a clear error.
public struct StrategyParameters: Sendable, Hashable {
    /// The strategy the parameters belong to, for error messages.
    public let strategy: String
    /// The values as written.
    public let values: [String: String]

    /// Wraps values.
    public init(strategy: String, values: [String: String]) {
        self.strategy = strategy
        self.values = values
    }

    /// A number parameter, its default when absent; throws when it is not a number inside `range`.
    public func double(_ name: String, default fallback: Double, in range: ClosedRange<Double>) throws(AgentSpecError) -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw AgentSpecError(.invalidParameter, "\(strategy): \(name) must be a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }
}

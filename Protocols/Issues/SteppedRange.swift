/// A finite range of integers `min, min + step, …, max`.
public struct SteppedRange: Sendable, Hashable, Codable {
    /// The smallest value.
    public var min: Int64
    /// The largest value; `max - min` is a multiple of ``step``.
    public var max: Int64
    /// The distance between neighbouring values; at least 1.
    public var step: Int64

    /// Creates a range; call ``Scenario/validate()`` to check it.
    public init(min: Int64, max: Int64, step: Int64 = 1) {
        self.min = min
        self.max = max
        self.step = step
    }

    /// Whether the range is well formed: `step ≥ 1`, `min ≤ max`, and `max` reachable from `min`.
    public var isWellFormed: Bool {
        guard step >= 1, min <= max else { return false }
        let (span, overflow) = max.subtractingReportingOverflow(min)
        return !overflow && span % step == 0
    }

    /// The number of values, or `nil` when the range is not well formed.
    public var count: Int? {
        guard isWellFormed else { return nil }
        return Int((max - min) / step) + 1
    }

    /// The value at a position, counting from `min`.
    public func value(at index: Int) -> Int64 { min + Int64(index) * step }

    /// The position of a value, or `nil` when it is not one of the range's values.
    public func index(of value: Int64) -> Int? {
        guard value >= min, value <= max else { return nil }
        let offset = value - min
        guard offset % step == 0 else { return nil }
        return Int(offset / step)
    }
}

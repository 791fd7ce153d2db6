extension KeyedDecodingContainer {
    /// A whole number read from a JSON number, within `range` (by default ``Limits/integers``, ±(2⁵³ − 1)).
    ///
    /// The number is read as a double, which holds every whole number of that range exactly, so a fraction
    /// (`1.5`) or a number beyond the range (`1e30`, `18446744073709551616`) becomes a ``WireError`` with the
    /// code `invalid_field` at the field's own path, not a complaint about the whole document.
    public func decodeWhole(_ key: Key, in range: ClosedRange<Int64> = Limits.integers) throws -> Int64 {
        let number = try decode(Double.self, forKey: key)
        guard let whole = Int64(whole: number, in: range) else {
            throw WireError(
                .invalidField, path: WireError.path(codingPath + [key]),
                message: "expected a whole number from \(range.lowerBound) to \(range.upperBound), not \(number)"
            )
        }
        return whole
    }

    /// ``decodeWhole(_:in:)`` for a field that may be absent or null.
    public func decodeWholeIfPresent(_ key: Key, in range: ClosedRange<Int64> = Limits.integers) throws -> Int64? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeWhole(key, in: range)
    }
}

extension Int64 {
    /// A number read as a double that is a whole number within `range`, as ``KeyedDecodingContainer/decodeWhole(_:in:)``
    /// accepts it; `nil` for a fraction or a number outside the range.
    init?(whole number: Double, in range: ClosedRange<Int64>) {
        guard number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else { return nil }
        self.init(number)
    }
}

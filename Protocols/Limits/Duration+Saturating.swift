extension Duration {
    /// A duration of `seconds`, saturated to `0 … Limits.maximumSeconds`, with NaN as zero.
    ///
    /// `Duration.seconds(_:)` traps on a value beyond `Int64` seconds; this never does. Use it wherever a
    /// number of seconds comes from outside (a file, a message, a header, a command line).
    public static func saturating(seconds: Double) -> Duration {
        guard seconds > 0 else { return .zero }
        return .seconds(min(seconds, Limits.maximumSeconds))
    }

    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

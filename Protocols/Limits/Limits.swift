/// The range every numeric and text field of Parley's documents and messages must lie in.
///
/// Validation rejects a value outside its range with a problem naming its JSON path, so the arithmetic
/// downstream (spans of domains, interpolation, durations, turn counts) provably stays inside `Int64` and
/// `Duration`. The JSON Schemas and the OpenAPI document in `Protocols/Spec` state the same numbers.
///
/// | field | range |
/// |---|---|
/// | integer and money values, domain `min`, `max`, `step`, piecewise `at` | magnitude at most ``integerMagnitude`` (2⁵³ − 1) |
/// | `deadline.rounds` | 1 … ``maximumRounds`` |
/// | `deadline.seconds`, `turnTimeLimit`, a turn's `elapsed` | up to ``maximumSeconds`` |
/// | a turn number | 1 … 2 × ``maximumRounds`` |
/// | issues per scenario | 1 … ``maximumIssues`` |
/// | points of a piecewise function | 2 … ``maximumPiecewisePoints`` |
/// | scenario id and name, issue and option names | 1 … ``maximumNameLength`` characters, no control characters |
public enum Limits {
    /// The largest magnitude of an integer: 2⁵³ − 1, so every value is exact as a JSON number in every
    /// language (JavaScript's included) and the difference of any two values fits in `Int64`.
    public static let integerMagnitude: Int64 = 9_007_199_254_740_991
    /// The most rounds a deadline may set. A deadline of wall-clock time alone ends after this many rounds too,
    /// so two fast agents cannot play without end.
    public static let maximumRounds = 10_000
    /// The longest time any field in seconds may state: 30 days.
    public static let maximumSeconds: Double = 2_592_000
    /// The most issues a scenario may have.
    public static let maximumIssues = 64
    /// The most points a piecewise value function may have.
    public static let maximumPiecewisePoints = 1_000
    /// The longest identifier or name, in characters.
    public static let maximumNameLength = 200

    /// The integers every integer field accepts.
    public static var integers: ClosedRange<Int64> { -integerMagnitude...integerMagnitude }

    /// Whether text has a control character (Unicode general category Cc: NUL, newline, escape, DEL …).
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Whether a number of seconds is a usable positive time: finite, above 0, at most ``maximumSeconds``.
    public static func isPositiveTime(_ seconds: Double) -> Bool {
        seconds > 0 && seconds <= maximumSeconds
    }
}

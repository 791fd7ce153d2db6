import ArgumentParser
import ParleyProtocol

/// The ranges of the command line's numeric options, checked before anything runs, so no option can make
/// the arithmetic behind it overflow.
enum OptionRange {
    /// The most sessions `--repeat` or `--repetitions` may ask for.
    static let repetitions = 1...1_000_000
    /// The most parallel sessions `--jobs` may ask for.
    static let jobs = 1...1_024
    /// Network-bound sessions in flight at once.
    static let inFlight = 1...4_096

    /// Checks a time in seconds: above 0 and at most ``Limits/maximumSeconds`` (30 days).
    static func seconds(_ value: Double, option: String) throws {
        guard Limits.isPositiveTime(value) else {
            throw ValidationError("\(option) must be above 0 and at most \(Int(Limits.maximumSeconds)) seconds (30 days)")
        }
    }

    /// Checks a count against its range.
    static func count(_ value: Int, in range: ClosedRange<Int>, option: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound)")
        }
    }
}

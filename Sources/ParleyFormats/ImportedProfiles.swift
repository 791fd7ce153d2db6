import Foundation
import ParleyProtocol

/// What the GENIUS and GeniusWeb readers share when they turn another tool's preferences into a Parley profile.
enum ImportedProfiles {
    /// Weights whose sum is beyond Parley's tolerance but within ``GeniusImport/weightTolerance`` of 1, divided by
    /// their sum, with a warning naming the file. Weights Parley already accepts are kept exactly as written (a sum
    /// such as 0.9999999999999999 is rounding, not a change to make); others are left for validation to refuse.
    static func renormalize(_ preferences: inout [String: Profile.IssuePreference], file: String, warnings: inout [String]) {
        let total = preferences.values.reduce(0) { $0 + $1.weight }
        guard abs(total - 1) > Profile.weightTolerance, abs(total - 1) <= GeniusImport.weightTolerance, total > 0 else { return }
        for name in preferences.keys { preferences[name]?.weight /= total }
        warnings.append("\(file): the weights sum to \(String(format: "%.8g", total)); renormalized to sum to 1")
    }

    /// A function that is linear between its `bends` as a piecewise-linear value function on `range`, exact at every
    /// value of the range: points at both ends and, around each bend inside, the range's values on either side (so
    /// no bend lies between two points).
    static func piecewise(on range: SteppedRange, bends: [Double], _ evaluate: (Double) -> Double) -> ValueFunction {
        let around = bends.filter { $0 > Double(range.min) && $0 < Double(range.max) }.flatMap { bend in
            let below = range.min + Int64(((bend - Double(range.min)) / Double(range.step)).rounded(.down)) * range.step
            return [below, min(range.max, below + range.step)]
        }
        let positions = Set([range.min, range.max] + around).sorted()
        return .piecewise(positions.map { ValueFunction.Point(at: $0, value: evaluate(Double($0))) })
    }
}

import Foundation
import Testing

/// Every numeric option at its extremes: a clear usage error (exit 64) or a correct run, never a crash.
@Suite("Option ranges")
struct OptionRangeTests {
    static let reference = "Examples/Scenarios/reference-supply.json"
    static let run = ["run", "--scenario", reference, "--buyer", "boulware", "--seller", "conceder", "--no-store"]

    @Test(arguments: [
        (["--remote-timeout", "1e300"], "--remote-timeout"), (["--remote-timeout", "nan"], "--remote-timeout"),
        (["--remote-timeout", "0"], "--remote-timeout"), (["--repeat", "0"], "--repeat"), (["--repeat", "9223372036854775807"], "--repeat"),
    ])
    func anOutOfRangeRunOptionIsAUsageError(_ options: [String], _ named: String) throws {
        let result = try CLI.run(Self.run + options)
        #expect(result.status == 64)
        #expect(result.errors.contains(named))
    }

    @Test(arguments: [
        ["tournament", "--scenario", reference, "--repetitions", "9223372036854775807"], ["tournament", "--scenario", reference, "--jobs", "0"],
        ["serve", "--agent", "boulware", "--idle-timeout", "1e300"], ["serve", "--agent", "boulware", "--max-sessions", "0"],
        ["conformance", "http://127.0.0.1:9", "--timeout", "inf"],
    ])
    func anOutOfRangeOptionOfAnyCommandIsAUsageError(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains("must be"))
    }

    @Test func seedsWrapPastTheLargest() throws {
        let result = try CLI.run(Self.run + ["--seed", "18446744073709551615", "--repeat", "2"])
        #expect(result.status == 0)
        #expect(result.output.contains("seed 18446744073709551615:"))
        #expect(result.output.contains("seed 0:"))
    }
}

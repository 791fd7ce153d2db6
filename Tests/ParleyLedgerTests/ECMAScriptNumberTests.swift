import ParleyAgents
@testable import ParleyLedger
import PropertyBased
import Testing

/// The fast path for whole nanoseconds must write exactly what the general path writes from `description`.
@Suite("ECMAScript numbers")
struct ECMAScriptNumberTests {
    /// What the general path writes for a double.
    func general(_ value: Double) -> String {
        var output: [UInt8] = []
        if value < 0 { output.append(UInt8(ascii: "-")) }
        ECMAScriptNumber.writeShortestDigits(value.magnitude, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Counts of nanoseconds of every length from 1 to 15 digits, with and without trailing zeros, as the
    /// nearest doubles and as elapsed times are computed (whole seconds plus a fraction).
    @Test func wholeNanosecondsAreWrittenAsTheirShortestDigits() {
        var generator = SeededGenerator(seed: 17)
        var checked = 0
        for digits in 1...15 {
            for _ in 0..<4_000 {
                var count = UInt64.random(in: 1...(pow10(digits) - 1), using: &generator)
                if Bool.random(using: &generator) { count -= count % pow10(Int.random(in: 0..<digits, using: &generator)) }
                guard count > 0 else { continue }
                let nearest = Double(count) / 1e9
                let elapsed = Double(count / 1_000_000_000) + Double((count % 1_000_000_000) * 1_000_000_000) / 1e18
                for value in [nearest, elapsed, -nearest] {
                    #expect(ECMAScriptNumber.format(value) == general(value), "\(count) ns")
                    if ECMAScriptNumber.nanoseconds(value.magnitude) != nil { checked += 1 }
                }
            }
        }
        // The fast path took most of them (the nearest doubles always), so the comparison above is not vacuous.
        #expect(checked >= 2 * 15 * 3_900)
    }

    @Test func anyDoubleIsWrittenAsTheGeneralPathWritesIt() async {
        await propertyCheck(count: 2_000, input: Gen.double(in: -1e7...1e7)) { value in
            #expect(ECMAScriptNumber.format(value) == (value == 0 ? "0" : general(value)))
        }
        await propertyCheck(count: 2_000, input: Gen.int(in: 1...999_999_999_999_999), Gen.int(in: -3...3)) { count, nudge in
            // The neighbours of a whole count of nanoseconds are not whole nanoseconds: the general path writes them.
            var value = Double(count) / 1e9
            for _ in 0..<abs(nudge) { value = nudge > 0 ? value.nextUp : value.nextDown }
            #expect(ECMAScriptNumber.format(value) == general(value))
        }
    }

    @Test(arguments: [
        (1e-9, "1e-9"), (1.5e-8, "1.5e-8"), (1e-7, "1e-7"), (1.25e-7, "1.25e-7"), (1e-6, "0.000001"), (0.000024994, "0.000024994"),
        (0.5, "0.5"), (1.0, "1"), (3.000000001, "3.000000001"), (123456.789, "123456.789"), (999999.999999999, "999999.999999999"),
    ])
    func nanosecondForms(value: Double, expected: String) {
        #expect(ECMAScriptNumber.nanoseconds(value) != nil)
        #expect(ECMAScriptNumber.format(value) == expected)
    }

    private func pow10(_ exponent: Int) -> UInt64 { (0..<exponent).reduce(1) { result, _ in result * 10 } }
}

/// Formats a double the way ECMAScript's `Number.prototype.toString` does, as RFC 8785 requires.
///
/// Swift's `description` already gives the shortest digits that round-trip; this only moves the decimal point
/// and decides when an exponent is used. It works on bytes in a stack buffer: it runs for every event of every
/// chained session. Most numbers it meets are elapsed times, whole nanoseconds in seconds; those it writes from
/// their integer count of nanoseconds without asking for `description` at all (see ``nanoseconds(_:)``).
enum ECMAScriptNumber {
    static func format(_ value: Double) -> String {
        var output: [UInt8] = []
        write(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func write(_ value: Double, into output: inout [UInt8]) {
        precondition(value.isFinite, "JSON has no representation for \(value)")
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        if let nanoseconds = nanoseconds(value.magnitude) {
            writeNanoseconds(nanoseconds, into: &output)
        } else {
            writeShortestDigits(value.magnitude, into: &output)
        }
    }

    /// The count `n` of billionths that `value` is, when `value` is exactly the double nearest to `n` × 10⁻⁹ and
    /// `n` has at most 15 digits.
    ///
    /// Then the shortest digits that round-trip are `n`'s own (without trailing zeros): the decimal `n` × 10⁻⁹
    /// rounds to `value`, and any other decimal of as many digits or fewer differs from it by at least 10⁻¹⁵ of
    /// its magnitude, far outside the half-ulp (about 1.1 × 10⁻¹⁶ of it) that rounds to `value`. A test
    /// compares this path with the general one on millions of values.
    static func nanoseconds(_ value: Double) -> UInt64? {
        let scaled = (value * 1e9).rounded()
        guard scaled >= 1, scaled < 1e15 else { return nil }
        return scaled / 1e9 == value ? UInt64(scaled) : nil
    }

    /// Writes `nanoseconds` × 10⁻⁹ (positive) as ECMAScript does.
    static func writeNanoseconds(_ nanoseconds: UInt64, into output: inout [UInt8]) {
        // The significant digits d₁…d_k without trailing zeros; the value is 0.d₁…d_k × 10^n.
        var digits = nanoseconds
        var trailingZeros = 0
        while digits % 10 == 0 {
            digits /= 10
            trailingZeros += 1
        }
        var k = 1
        var power: UInt64 = 10
        while power <= digits {
            k += 1
            power &*= 10
        }
        let n = k + trailingZeros - 9
        if k <= n {
            CanonicalJSON.writeDigits(of: digits, into: &output)
            output += repeatElement(UInt8(ascii: "0"), count: n - k)
        } else if n > 0 {
            let scale = pow10(k - n)
            CanonicalJSON.writeDigits(of: digits / scale, into: &output)
            output.append(UInt8(ascii: "."))
            writePadded(digits % scale, width: k - n, into: &output)
        } else if n > -6 {
            output.append(UInt8(ascii: "0"))
            output.append(UInt8(ascii: "."))
            output += repeatElement(UInt8(ascii: "0"), count: -n)
            CanonicalJSON.writeDigits(of: digits, into: &output)
        } else {
            // Below 10⁻⁶: d₁.d₂…d_k e-x.
            let scale = pow10(k - 1)
            CanonicalJSON.writeDigits(of: digits / scale, into: &output)
            if k > 1 {
                output.append(UInt8(ascii: "."))
                writePadded(digits % scale, width: k - 1, into: &output)
            }
            output.append(UInt8(ascii: "e"))
            output.append(UInt8(ascii: "-"))
            CanonicalJSON.writeDigits(of: UInt64(1 - n), into: &output)
        }
    }

    private static func pow10(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result &*= 10 }
        return result
    }

    /// Writes `value` in exactly `width` digits, with leading zeros.
    private static func writePadded(_ value: UInt64, width: Int, into output: inout [UInt8]) {
        let start = output.count
        output += repeatElement(UInt8(ascii: "0"), count: width)
        var rest = value
        var index = start + width - 1
        while rest > 0 {
            output[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }

    /// Writes a positive, finite double from the shortest digits that round-trip, which `description` gives.
    static func writeShortestDigits(_ magnitude: Double, into output: inout [UInt8]) {
        var text = magnitude.description
        // The text's bytes in place (no iterator), split into significant digits in a stack buffer.
        text.withUTF8 { text in withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            // Split Swift's form, `d.ddd` or `d.ddde±x`, into significant digits and n: the value is 0.digits × 10^n.
            var count = 0
            var wholeCount = 0
            var seenPoint = false
            var exponent = 0
            var exponentSign = 1
            var inExponent = false
            for byte in text {
                switch byte {
                case UInt8(ascii: "."): seenPoint = true
                case UInt8(ascii: "e"): inExponent = true
                case UInt8(ascii: "-") where inExponent: exponentSign = -1
                case UInt8(ascii: "+"): break
                default:
                    if inExponent {
                        exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                    } else {
                        digits[count] = byte
                        count += 1
                        if !seenPoint { wholeCount += 1 }
                    }
                }
            }
            var n = wholeCount + exponentSign * exponent
            var start = 0
            while start < count - 1, digits[start] == UInt8(ascii: "0") {
                start += 1
                n -= 1
            }
            while count > start + 1, digits[count - 1] == UInt8(ascii: "0") { count -= 1 }
            let k = count - start
            let significant = UnsafeBufferPointer(rebasing: digits[start..<count])
            if k <= n && n <= 21 {
                output += significant
                output += repeatElement(UInt8(ascii: "0"), count: n - k)
            } else if 0 < n && n <= 21 {
                output += significant[..<n]
                output.append(UInt8(ascii: "."))
                output += significant[n...]
            } else if -6 < n && n <= 0 {
                output += [UInt8(ascii: "0"), UInt8(ascii: ".")]
                output += repeatElement(UInt8(ascii: "0"), count: -n)
                output += significant
            } else {
                output.append(significant[0])
                if k > 1 {
                    output.append(UInt8(ascii: "."))
                    output += significant[1...]
                }
                output.append(UInt8(ascii: "e"))
                output.append(n - 1 >= 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
                CanonicalJSON.writeDigits(of: UInt64((n - 1).magnitude), into: &output)
            }
        } }
    }
}

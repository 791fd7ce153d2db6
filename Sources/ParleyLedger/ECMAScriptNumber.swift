/// Formats a double the way ECMAScript's `Number.prototype.toString` does, as RFC 8785 requires.
///
/// Swift's `description` already gives the shortest digits that round-trip; this only moves the decimal point
/// and decides when an exponent is used. It works on bytes in a stack buffer: it runs for every event of every
/// chained session.
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
        var text = value.magnitude.description
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

/// Formats a double the way ECMAScript's `Number.prototype.toString` does, as RFC 8785 requires.
///
/// Swift's `description` already gives the shortest digits that round-trip; this only changes where the
/// decimal point goes and when an exponent is used.
enum ECMAScriptNumber {
    static func format(_ value: Double) -> String {
        precondition(value.isFinite, "JSON has no representation for \(value)")
        if value == 0 { return "0" }
        let text = value.magnitude.description
        // Without an exponent, Swift's shortest digits are already ECMAScript's; only a trailing ".0" differs.
        if !text.utf8.contains(UInt8(ascii: "e")) {
            let plain = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
            return value < 0 ? "-" + plain : plain
        }
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1)
        let whole = String(mantissa[0])
        var digits = whole + (mantissa.count == 2 ? String(mantissa[1]) : "")
        // The value is 0.digits × 10^n.
        var n = whole.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let sign = value < 0 ? "-" : ""
        if k <= n && n <= 21 {
            return sign + digits + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return sign + digits.prefix(n) + "." + digits.dropFirst(n)
        }
        if -6 < n && n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + digits
        }
        let power = n - 1
        let exponentText = (power >= 0 ? "e+" : "e-") + String(power.magnitude)
        if k == 1 { return sign + digits + exponentText }
        return sign + digits.prefix(1) + "." + digits.dropFirst() + exponentText
    }
}

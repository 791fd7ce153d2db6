import Foundation
@testable import ParleyLedger
import ParleyProtocol
import Testing

@Suite("Canonical JSON (RFC 8785)")
struct CanonicalJSONTests {
    func canonical(_ value: some Encodable) throws -> String {
        String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
    }

    /// Number forms from RFC 8785's examples and ECMAScript's `Number.prototype.toString`.
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (0.1, "0.1"), (100.0, "100"),
        (0.00001, "0.00001"), (0.000001, "0.000001"), (1e-7, "1e-7"), (123456789012345680000.0, "123456789012345680000"),
        (1e21, "1e+21"), (1.5e300, "1.5e+300"), (Double.leastNonzeroMagnitude, "5e-324"), (333333333.3333333, "333333333.3333333"),
        (9007199254740992.0, "9007199254740992"), (4.35, "4.35"), (0.904040404040404, "0.904040404040404"),
    ])
    func numbersFollowECMAScript(value: Double, expected: String) {
        #expect(ECMAScriptNumber.format(value) == expected)
    }

    @Test func keysAreSortedAndWhitespaceDropped() throws {
        struct Sample: Encodable {
            let b = 1
            let a = [true, false]
            let c: String? = nil
            let nested = ["z": 0.5, "y": 2]
        }
        #expect(try canonical(Sample()) == #"{"a":[true,false],"b":1,"nested":{"y":2,"z":0.5}}"#)
    }

    @Test func stringsEscapeOnlyWhatRFC8785Requires() throws {
        #expect(try canonical(["k": "a\"b\\c\n\t\u{01}/é€😀"]) == "{\"k\":\"a\\\"b\\\\c\\n\\t\\u0001/é€😀\"}")
    }

    @Test func keysSortByUTF16CodeUnits() throws {
        // U+1F600 (surrogates D83D DE00) sorts before U+FB01 in UTF-16, after it in scalar order.
        #expect(try canonical(["\u{FB01}": 1, "\u{1F600}": 2]) == "{\"\u{1F600}\":2,\"\u{FB01}\":1}")
    }

    @Test func largeIntegersStayExact() throws {
        #expect(try canonical(["seed": UInt64.max, "small": 42]) == #"{"seed":18446744073709551615,"small":42}"#)
    }

    @Test func equalValuesGiveEqualBytesWhateverTheirOrder() throws {
        let a = Terms(["price": .integer(15000), "quantity": .integer(50), "payment": .option("net30")])
        var b = Terms([:])
        b["payment"] = .option("net30")
        b["quantity"] = .integer(50)
        b["price"] = .integer(15000)
        #expect(try CanonicalJSON.encode(a) == CanonicalJSON.encode(b))
    }
}

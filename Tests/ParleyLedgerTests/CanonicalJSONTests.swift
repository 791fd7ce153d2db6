import Foundation
import ParleyArbiter
@testable import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyTesting
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
        (0.0001234, "0.0001234"), (1.2345e-5, "0.000012345"), (1.25e-7, "1.25e-7"), (-2.5e-9, "-2.5e-9"), (1e16, "10000000000000000"),
        (1.5e21, "1.5e+21"), (12.5, "12.5"), (-0.75, "-0.75"), (123456.789, "123456.789"),
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

@Suite("The fast canonical encoder agrees with the wire format")
struct CanonicalEncoderTests {
    @Test func realSessionsEncodeIdenticallyBothWays() async throws {
        let (record, profiles) = HashChainTests.sampleRecord()
        let header = ChainedHeader(header: record.transcript.header, profiles: profiles)
        #expect(try CanonicalJSON.encode(header) == CanonicalJSON.encodeThroughWireFormat(header))
        #expect(try CanonicalJSON.encode(record.settlement) == CanonicalJSON.encodeThroughWireFormat(record.settlement))
        for entry in record.transcript.entries {
            #expect(try CanonicalJSON.encode(entry) == CanonicalJSON.encodeThroughWireFormat(entry))
        }
        let violation = TranscriptEntry(
            turn: 1, round: 1, by: .buyer, action: .walkAway(reason: "x\u{7}y"), elapsed: 1e-7,
            violation: ProtocolViolation(.noteTooLong, role: .buyer, message: "too long")
        )
        #expect(try CanonicalJSON.encode(violation) == CanonicalJSON.encodeThroughWireFormat(violation))
        let everything: [Outcome] = [.deadline, .turnTimeout(by: .seller), .violation(by: .buyer, code: .outOfTurn), .failure(by: .seller, error: "é\n"), .walkAway(by: .buyer, reason: nil)]
        #expect(try CanonicalJSON.encode(everything) == CanonicalJSON.encodeThroughWireFormat(everything))
    }
}

@Suite("The direct event writer agrees with the generic encoder")
struct EventWriterTests {
    @Test(arguments: ["boulware", "conceder", "hardliner", "random", "tit-for-tat"])
    func realEventsEncodeIdentically(buyer: String) async throws {
        let file = ReferenceScenarios.supply(prices: 40)
        for seller in ["linear", "random", "hardliner"] {
            let record = try await Sessions.run(file, buyer: buyer, seller: seller)
            let order = CanonicalIssueOrder(issues: file.scenario.issues)
            for entry in record.transcript.entries {
                let reference = try CanonicalJSON.encodeThroughWireFormat(entry)
                #expect(Data(entry.canonicalBytes()) == reference)
                #expect(Data(entry.canonicalBytes(issueOrder: order)) == reference, "the per-session issue order gives the same bytes")
                #expect(try WireCodec().decode(TranscriptEntry.self, from: reference) == entry, "read back as it was written")
            }
        }
    }

    @Test func termsByOrdinalWithUnusualNamesEncodeIdentically() throws {
        let issues = [
            Issue(name: "zeta \"q\"", domain: .options(["a \"quoted\" \\ name", "\u{1}\u{1F}", "émoji😀", "\u{FB01}"])),
            Issue(name: "\u{FB01}", domain: .integer(SteppedRange(min: -9_007_199_254_740_991, max: 9_007_199_254_740_991, step: 9_007_199_254_740_991))),
            Issue(name: "émoji😀", domain: .money(Currency(rawValue: "EUR"), SteppedRange(min: 0, max: 500, step: 100))),
            Issue(name: "alpha", domain: .options(["x"])),
        ]
        let space = try #require(OutcomeSpace(Scenario(id: "odd", name: "odd", issues: issues, opener: .buyer, deadline: Deadline(rounds: 3))))
        let order = CanonicalIssueOrder(issues: issues)
        for ordinal in 0..<space.count {
            let entry = TranscriptEntry(turn: 1, round: 1, by: .seller, action: .offer(space.terms(at: ordinal)), elapsed: 0.25)
            #expect(Data(entry.canonicalBytes(issueOrder: order)) == (try CanonicalJSON.encodeThroughWireFormat(entry)))
        }
    }

    @Test func unusualEventsEncodeIdentically() throws {
        let terms: Terms = ["zeta": .integer(-5), "alpha": .option("a \"quoted\" \\ name"), "émoji😀": .option("\u{1}\u{1F}"), "\u{FB01}": .integer(0)]
        let entries = [
            TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .offer(terms, note: "line\nbreak\ttab"), elapsed: 1e-7),
            TranscriptEntry(turn: 2, round: 1, by: .seller, action: .accept(note: nil), elapsed: 0),
            TranscriptEntry(turn: 3, round: 2, by: .buyer, action: .walkAway(reason: "too far", note: "bye"), elapsed: 123456.5),
            TranscriptEntry(turn: 4, round: 2, by: .seller, action: .walkAway(), elapsed: 1e22),
            TranscriptEntry(
                turn: 5, round: 3, by: .buyer, action: .accept, elapsed: 0.5,
                violation: ProtocolViolation(.valueOutOfDomain, role: .buyer, issue: "price", message: "the value of 'price' is outside its domain")
            ),
            TranscriptEntry(turn: 6, round: 3, by: .seller, action: .accept, elapsed: 2, violation: ProtocolViolation(.outOfTurn, role: .seller, message: "it is the buyer's turn")),
        ]
        for entry in entries {
            #expect(Data(entry.canonicalBytes()) == (try CanonicalJSON.encodeThroughWireFormat(entry)))
            #expect(Data(entry.canonicalBytes(issueOrder: ["price"])) == (try CanonicalJSON.encodeThroughWireFormat(entry)), "other issues are sorted")
            #expect(try WireCodec().decode(TranscriptEntry.self, from: Data(entry.canonicalBytes())) == entry, "read back as it was written")
        }
    }
}

@Suite("The session chainer agrees with the generic encoder")
struct SessionChainerTests {
    @Test(arguments: ["reference-supply", "industrial-components"])
    func headersEventsAndSettlementsEncodeIdentically(scenario: String) async throws {
        let file = try WireCodec().decode(
            ScenarioFile.self, from: Data(contentsOf: HashChainTests.repository.appendingPathComponent("Examples/Scenarios/\(scenario).json"))
        )
        let chainer = try SessionChainer(scenario: file.scenario, profiles: file.profiles)
        for (buyer, seller) in [("boulware", "conceder"), ("random", "tit-for-tat"), ("hardliner", "hardliner")] {
            let record = try await Sessions.run(file, buyer: buyer, seller: seller, analyzed: true)
            var reference = PackedChain()
            let header = try CanonicalJSON.encode(ChainedHeader(header: record.transcript.header, profiles: file.profiles))
            reference.append { $0 += header }
            for entry in record.transcript.entries {
                let event = try CanonicalJSON.encodeThroughWireFormat(entry)
                reference.append { $0 += event }
            }
            let settlement = try CanonicalJSON.encodeThroughWireFormat(record.settlement)
            reference.append { $0 += settlement }
            #expect(try chainer.chain(record) == reference)
            #expect(try record.chain(profiles: file.profiles) == reference)
        }
        let other = ReferenceScenarios.supply(prices: 9)
        let foreign = try await Sessions.run(other, buyer: "linear", seller: "linear", analyzed: true)
        #expect(try chainer.chain(foreign) == foreign.chain(profiles: file.profiles), "another scenario falls back to the generic path")
    }
}

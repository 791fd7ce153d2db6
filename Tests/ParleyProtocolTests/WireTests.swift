import Foundation
import ParleyProtocol
import Testing

@Suite("parley/1 wire format")
struct WireTests {
    let codec = WireCodec()

    func decodeError<T: Decodable>(_ type: T.Type, _ json: String) throws -> WireError {
        try #require(throws: WireError.self) { try codec.decode(type, from: Data(json.utf8)) }
    }

    @Test func actionsRoundTrip() throws {
        let actions: [Action] = [
            .offer(Fixtures.terms(price: 12300, quantity: 40, days: 2), note: "a start"),
            .accept,
            .walkAway(reason: "too far apart"),
        ]
        for action in actions {
            let data = try codec.encode(WireMessage(TurnReply(sessionID: SessionID(rawValue: "s-1"), turn: 3, action: action)))
            let decoded = try codec.decode(WireMessage<TurnReply>.self, from: data)
            #expect(decoded.body.action == action)
            #expect(decoded.version == .current)
        }
    }

    @Test func offerWireShapeIsStable() throws {
        let data = try codec.encode(Action.offer(["price": .integer(15000), "payment": .option("net30")]))
        #expect(String(decoding: data, as: UTF8.self) == #"{"terms":{"payment":"net30","price":15000},"type":"offer"}"#)
    }

    @Test func unknownFieldsAreIgnored() throws {
        let action = try codec.decode(Action.self, from: Data(#"{"type":"accept","mood":"happy"}"#.utf8))
        #expect(action == .accept)
    }

    @Test func unknownActionTypeHasItsCode() throws {
        let error = try decodeError(WireMessage<TurnReply>.self, #"{"protocol":"parley/1","sessionID":"s","turn":1,"action":{"type":"haggle"}}"#)
        #expect(error.code == .unknownActionType)
        #expect(error.path == "$.action.type")
    }

    @Test func missingFieldNamesItsPath() throws {
        let error = try decodeError(WireMessage<TurnReply>.self, #"{"protocol":"parley/1","sessionID":"s","action":{"type":"accept"}}"#)
        #expect(error.code == .missingField)
        #expect(error.path == "$.turn")
        let offer = try decodeError(Action.self, #"{"type":"offer"}"#)
        #expect(offer.code == .missingField)
        #expect(offer.path == "$.terms")
    }

    @Test func wrongTypeNamesItsPath() throws {
        let error = try decodeError(Action.self, #"{"type":"offer","terms":{"price":150.5}}"#)
        #expect(error.code == .invalidField)
        #expect(error.path == "$.terms.price")
    }

    @Test func malformedJSON() throws {
        #expect(try decodeError(Action.self, #"{"type": "accept""#).code == .malformedJSON)
        #expect(try decodeError(Action.self, "").code == .malformedJSON)
    }

    @Test func unsupportedVersion() throws {
        let error = try decodeError(WireMessage<OutcomeNotice>.self, #"{"protocol":"parley/2","sessionID":"s","turns":1,"outcome":{"type":"deadline"}}"#)
        #expect(error.code == .unsupportedVersion)
        #expect(error.path == "$.protocol")
        let file = try decodeError(ScenarioFile.self, #"{"protocol":"parley/9"}"#)
        #expect(file.code == .unsupportedVersion)
    }

    @Test func outcomesRoundTrip() throws {
        let outcomes: [Outcome] = [
            .agreement(Agreement(terms: Fixtures.terms(price: 15000, quantity: 50, days: 5), proposer: .seller, turns: 9)),
            .walkAway(by: .buyer, reason: nil),
            .deadline,
            .turnTimeout(by: .seller),
            .violation(by: .buyer, code: .outOfTurn),
            .failure(by: .seller, error: "boom"),
        ]
        for outcome in outcomes {
            #expect(try codec.decode(Outcome.self, from: codec.encode(outcome)) == outcome)
        }
        let json = String(decoding: try codec.encode(Outcome.violation(by: .buyer, code: .outOfTurn)), as: UTF8.self)
        #expect(json == #"{"by":"buyer","code":"out_of_turn","type":"violation"}"#)
    }

    @Test func scenarioFileRoundTrips() throws {
        let data = try codec.encode(Fixtures.reference)
        #expect(try codec.decode(ScenarioFile.self, from: data) == Fixtures.reference)
    }

    @Test func moneyIsFormattedInMinorUnits() {
        #expect(Currency(rawValue: "EUR").format(minorUnits: 15005) == "EUR 150.05")
        #expect(Currency(rawValue: "EUR").format(minorUnits: -7) == "EUR -0.07")
        #expect(Currency(rawValue: "JPY").format(minorUnits: 1500) == "JPY 1500")
        #expect(Currency(rawValue: "KWD").format(minorUnits: 1500) == "KWD 1.500")
    }
}

@Suite("Numbers and keys that mislead")
struct MisleadingInputTests {
    static let codec = WireCodec()

    /// A reference scenario file with one field's text replaced.
    static func scenario(replacing old: String, with new: String) throws -> Data {
        let text = String(decoding: try codec.encode(ReferenceScenarios.reference), as: UTF8.self)
        #expect(text.contains(old))
        return Data(text.replacingOccurrences(of: old, with: new).utf8)
    }

    @Test(arguments: [
        (#""max":19900"#, #""max":19900.5"#, "$.issues[0].max"), (#""max":19900"#, #""max":1e30"#, "$.issues[0].max"),
        (#""max":19900"#, #""max":18446744073709551616"#, "$.issues[0].max"), (#""rounds":100"#, #""rounds":100.5"#, "$.deadline.rounds"),
        (#""step":100"#, #""step":9007199254740993"#, "$.issues[0].step"),
    ])
    func aFractionalOrOutOfRangeIntegerIsAnInvalidFieldAtItsPath(_ old: String, _ new: String, _ path: String) throws {
        let data = try Self.scenario(replacing: old, with: new)
        #expect {
            _ = try Self.codec.decode(ScenarioFile.self, from: data)
        } throws: { error in
            (error as? WireError)?.code == .invalidField && (error as? WireError)?.path == path
        }
    }

    @Test func aKeyGivenTwiceIsRefusedAtItsPath() {
        let body = #"{"protocol":"parley/1","sessionID":"s","turn":3,"elapsed":0,"opponentAction":{"type":"accept","type":"walkAway"}}"#
        #expect {
            _ = try Self.codec.decode(WireMessage<TurnRequest>.self, from: Data(body.utf8))
        } throws: { error in
            (error as? WireError)?.code == .invalidField && (error as? WireError)?.path == "$.opponentAction.type"
        }
        let escaped = #"{"protocol":"parley/1","sessionID":"s","turn":3,"\u0074urn":4,"elapsed":0}"#
        #expect(throws: WireError.self) { _ = try Self.codec.decode(WireMessage<TurnRequest>.self, from: Data(escaped.utf8)) }
        let nested = #"{"a":[{"b":1},{"b":2,"c":{"d":1,"d":2}}]}"#
        #expect {
            _ = try Self.codec.decode(JSONValue.self, from: Data(nested.utf8))
        } throws: { ($0 as? WireError)?.path == "$.a[1].c.d" }
    }

    @Test func seedsTravelAsDigitsAndEveryLanguageReadsThemExactly() throws {
        let start = SessionStart(sessionID: SessionID(rawValue: "s"), scenario: ReferenceScenarios.reference.scenario, role: .buyer, seed: .max)
        let text = String(decoding: try Self.codec.encode(WireMessage(start)), as: UTF8.self)
        #expect(text.contains(#""seed":"18446744073709551615""#))
        #expect(try Self.codec.decode(WireMessage<SessionStart>.self, from: Data(text.utf8)).body.seed == .max)
        let number = text.replacingOccurrences(of: #""seed":"18446744073709551615""#, with: #""seed":42"#)
        #expect(try Self.codec.decode(WireMessage<SessionStart>.self, from: Data(number.utf8)).body.seed == 42)
        for bad in [#""seed":9007199254740993"#, #""seed":"-1""#, #""seed":"18446744073709551616""#, #""seed":1.5"#] {
            let body = text.replacingOccurrences(of: #""seed":"18446744073709551615""#, with: bad)
            #expect(throws: WireError.self, "\(bad)") { _ = try Self.codec.decode(WireMessage<SessionStart>.self, from: Data(body.utf8)) }
        }
    }
}

@Suite("JSONValue")
struct JSONValueTests {
    @Test("Every kind of JSON value decodes to its case, nested, and encodes back to the same value")
    func everyKind() throws {
        let text = #"{"a":null,"b":[1,true,"x",1.5,18446744073709551615,-3,{},[]],"c":{"d":[false,"",0]},"e":-9223372036854775808}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let expected: JSONValue = .object([
            "a": .null,
            "b": .array([.integer(1), .bool(true), .string("x"), .number(1.5), .unsigned(18_446_744_073_709_551_615), .integer(-3), .object([:]), .array([])]),
            "c": .object(["d": .array([.bool(false), .string(""), .integer(0)])]),
            "e": .integer(Int64.min),
        ])
        #expect(value == expected)
        #expect(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value)) == value)
        for scalar in ["null", "true", "\"s\"", "7", "2.5"] {
            let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(scalar.utf8))
            #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == scalar, "a top-level \(scalar)")
        }
    }
}

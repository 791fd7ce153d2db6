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

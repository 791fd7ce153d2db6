import Foundation
import ParleyProtocol
import Testing

@Suite("Coded errors on the wire: codes travel as bare strings")
struct CodedErrorWireTests {
    @Test("A rejected attempt's code is written and read as a bare string, as transcripts have always held it")
    func rejectionCodes() throws {
        let rejection = DecisionAttempt.Rejection(code: .init(rawValue: "out_of_mandate"), message: "too low")
        let json = String(decoding: try WireCodec().encode(rejection), as: UTF8.self)
        #expect(json == #"{"code":"out_of_mandate","message":"too low"}"#)
        #expect(try WireCodec().decode(DecisionAttempt.Rejection.self, from: Data(json.utf8)) == rejection)
        #expect(rejection.description == "out_of_mandate: too low")
    }

    @Test("Violation codes are coded-error codes and stay bare strings too")
    func violationCodes() throws {
        let violation = ProtocolViolation(.outOfTurn, role: .buyer, message: "it is the seller's turn")
        #expect(violation.code.rawValue == "out_of_turn")
        let json = String(decoding: try WireCodec().encode(violation), as: UTF8.self)
        #expect(json.contains(#""code":"out_of_turn""#))
    }
}

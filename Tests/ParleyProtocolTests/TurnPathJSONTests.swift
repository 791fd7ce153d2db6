import Foundation
import ParleyAgents
@testable import ParleyProtocol
import PropertyBased
import Testing

/// The hand-written turn-path codec must be indistinguishable from Foundation's: the same bytes out, the same
/// values in, and for anything it does not read itself, Foundation's own answer.
@Suite("Turn-path JSON")
struct TurnPathJSONTests {
    /// Foundation's encoder, configured as `WireCodec` configures it.
    static func foundationBytes(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(value))
    }

    /// What decoding gave: a value or an error, for comparing the codec with Foundation alone.
    enum Decoded<Value: Equatable>: Equatable {
        case value(Value)
        case error(WireError)
    }

    /// Foundation alone: the duplicate-key check and `JSONDecoder`, as `WireCodec` decoded before the fast path.
    static func foundationDecode<Value: Decodable & Equatable>(_ type: Value.Type, _ bytes: [UInt8]) -> Decoded<Value> {
        if let duplicate = DuplicateKeys.firstDuplicate(in: Data(bytes)) {
            return .error(WireError(.invalidField, path: duplicate, message: "the field appears twice in one object; send each field once"))
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return .value(try decoder.decode(type, from: Data(bytes)))
        } catch let error as WireError {
            return .error(error)
        } catch let error as DecodingError {
            return .error(WireCodec.wireError(from: error))
        } catch {
            return .error(WireError(.malformedJSON, path: "$", message: "\(error)"))
        }
    }

    static func codecDecode<Value: Decodable & Equatable>(_ type: Value.Type, _ bytes: [UInt8]) -> Decoded<Value> {
        do throws(WireError) {
            return .value(try WireCodec().decode(type, from: Data(bytes)))
        } catch {
            return .error(error)
        }
    }

    /// Names and texts that exercise sorting and the writer's refusal to escape.
    static let texts = ["price", "quantity", "delivery_days", "Z", "a10", "a9", "é", "e\u{301}x", "Ω", "😀", "Ａ", "a b", "", "q\"uote", "back\\slash", "new\nline", "tab\t", "ctl\u{1}", "slash/", "\u{2028}"]

    static func text(_ generator: inout SeededGenerator) -> String {
        texts[Int.random(in: 0..<texts.count, using: &generator)]
    }

    static func number(_ generator: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &generator) {
        case 0: Double(Int.random(in: 0...1_000_000_000, using: &generator)) / 1e9
        case 1: Double.random(in: 0...1, using: &generator)
        case 2: Double.random(in: 0...1e-5, using: &generator)
        case 3: Double(Int.random(in: 0...3_600, using: &generator))
        default: [0, 1, 0.5, 1e-7, 123_456.789, 1e-9, 3_600 * 24 * 30][Int.random(in: 0..<7, using: &generator)]
        }
    }

    static func action(_ generator: inout SeededGenerator) -> Action {
        let note = Bool.random(using: &generator) ? text(&generator) : nil
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return .accept(note: note)
        case 1: return .walkAway(reason: Bool.random(using: &generator) ? text(&generator) : nil, note: note)
        default:
            var values: [String: TermValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                values[text(&generator)] =
                    Bool.random(using: &generator)
                    ? .integer(Int64.random(in: -Int64.max...Int64.max, using: &generator) >> Int64.random(in: 0...62, using: &generator))
                    : .option(text(&generator))
            }
            return .offer(Terms(values), note: note)
        }
    }

    static func request(_ seed: UInt64) -> TurnRequest {
        var generator = SeededGenerator(seed: seed)
        return TurnRequest(
            sessionID: SessionID(rawValue: Bool.random(using: &generator) ? "s-\(seed)" : text(&generator)),
            turn: Int.random(in: 1...(2 * Limits.maximumRounds), using: &generator),
            opponentAction: Bool.random(using: &generator) ? action(&generator) : nil,
            elapsed: number(&generator),
            round: Bool.random(using: &generator) ? Int.random(in: 1...Limits.maximumRounds, using: &generator) : nil,
            lastTurn: Bool.random(using: &generator) ? Bool.random(using: &generator) : nil,
            progress: Bool.random(using: &generator) ? Double.random(in: 0...1, using: &generator) : nil
        )
    }

    static func reply(_ seed: UInt64) -> TurnReply {
        var generator = SeededGenerator(seed: seed)
        return TurnReply(sessionID: SessionID(rawValue: "s-\(seed)"), turn: Int.random(in: 1...2_000, using: &generator), action: action(&generator))
    }

    @Test func requestsAreWrittenAndReadAsFoundationDoes() async throws {
        await propertyCheck(count: 1_500, input: Gen.uint64(in: .min ... .max)) { seed in
            let message = WireMessage(Self.request(seed))
            let bytes = Array(try WireCodec().encode(message))
            let reference = try Self.foundationBytes(message)
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
            #expect(Self.codecDecode(WireMessage<TurnRequest>.self, bytes) == Self.foundationDecode(WireMessage<TurnRequest>.self, bytes))
            #expect(Self.codecDecode(WireMessage<TurnRequest>.self, bytes) == .value(message))
            // Without escapes the fast path reads it itself.
            if !bytes.contains(UInt8(ascii: "\\")) { #expect(bytes.withUnsafeBytes { WireMessage<TurnRequest>.readJSON($0) } == message) }
        }
    }

    @Test func repliesAreWrittenAndReadAsFoundationDoes() async throws {
        await propertyCheck(count: 1_500, input: Gen.uint64(in: .min ... .max)) { seed in
            let message = WireMessage(Self.reply(seed))
            let bytes = Array(try WireCodec().encode(message))
            let reference = try Self.foundationBytes(message)
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
            #expect(Self.codecDecode(WireMessage<TurnReply>.self, bytes) == Self.foundationDecode(WireMessage<TurnReply>.self, bytes))
            #expect(Self.codecDecode(WireMessage<TurnReply>.self, bytes) == .value(message))
            // Without escapes the fast path reads it itself.
            if !bytes.contains(UInt8(ascii: "\\")) { #expect(bytes.withUnsafeBytes { WireMessage<TurnReply>.readJSON($0) } == message) }
        }
    }

    /// The plain messages the arbiter and the server exchange are read by hand, not handed to Foundation.
    @Test func plainMessagesTakeTheFastPath() throws {
        let offer = TurnRequest(sessionID: SessionID(rawValue: "s-1"), turn: 3, opponentAction: .offer(["price": .integer(15_000), "payment": .option("net30")]), elapsed: 0.000024994, round: 2, lastTurn: false, progress: 0.02)
        let reply = TurnReply(sessionID: SessionID(rawValue: "s-1"), turn: 3, action: .walkAway(reason: "too far apart", note: "bye"))
        let requestBytes = try Self.foundationBytes(WireMessage(offer))
        let replyBytes = try Self.foundationBytes(WireMessage(reply))
        #expect(requestBytes.withUnsafeBytes { WireMessage<TurnRequest>.readJSON($0) } == WireMessage(offer))
        #expect(replyBytes.withUnsafeBytes { WireMessage<TurnReply>.readJSON($0) } == WireMessage(reply))
        let spaced = Array(" {\n\t\"protocol\" : \"parley/1\" , \"turn\" : 1.0e0 , \"sessionID\":\"a\", \"elapsed\": 0, \"opponentAction\": null } ".utf8)
        #expect(spaced.withUnsafeBytes { WireMessage<TurnRequest>.readJSON($0) } != nil)
        #expect(Self.codecDecode(WireMessage<TurnRequest>.self, spaced) == Self.foundationDecode(WireMessage<TurnRequest>.self, spaced))
    }

    /// Anything unusual is left to Foundation, and the answer (value or error, with its code and path) is
    /// Foundation's.
    @Test(arguments: [
        #"{"protocol":"parley/1","sessionID":"s\u0031","turn":1,"elapsed":0}"#,  // an escape
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"extra":[1,{"a":null}]}"#,  // an unknown field
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"turn":2,"elapsed":0}"#,  // a repeated field
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":1e400}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":1e-400}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":01,"elapsed":0}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1.5,"elapsed":0}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":0,"elapsed":0}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":-1}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"progress":2}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"round":0}"#,
        #"{"protocol":"parley/2","sessionID":"s","turn":1,"elapsed":0}"#,
        #"{"sessionID":"s","turn":1,"elapsed":0}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0} x"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":"0"}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"lastTurn":1}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"accept","terms":{"p":1}}}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"offer"}}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"haggle"}}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"offer","terms":{"p":1,"p":2}}}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"offer","terms":{"p":1.0}}}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"offer","terms":{"p":1e30}}}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"offer","terms":{"p":99999999999999999999}}}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"offer","terms":{"p":true}}}"#,
        #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,"opponentAction":{"type":"walkAway","reason":null,"note":null}}"#,
        #"[1]"#, #""#, #"{"#, #"{"protocol":"parley/1","sessionID":"s","turn":1,"elapsed":0,}"#,
    ])
    func unusualRequestsGetFoundationsAnswer(_ json: String) {
        let bytes = Array(json.utf8)
        #expect(Self.codecDecode(WireMessage<TurnRequest>.self, bytes) == Self.foundationDecode(WireMessage<TurnRequest>.self, bytes))
    }

    @Test func invalidUTF8IsLeftToFoundation() {
        var bytes = Array(#"{"protocol":"parley/1","sessionID":"s"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#"","turn":1,"elapsed":0}"#.utf8)
        #expect(bytes.withUnsafeBytes { WireMessage<TurnRequest>.readJSON($0) } == nil)
        #expect(Self.codecDecode(WireMessage<TurnRequest>.self, bytes) == Self.foundationDecode(WireMessage<TurnRequest>.self, bytes))
    }

    static func entry(_ seed: UInt64) -> TranscriptEntry {
        var generator = SeededGenerator(seed: seed)
        let turn = Int.random(in: 1...(2 * Limits.maximumRounds), using: &generator)
        return TranscriptEntry(
            turn: turn, round: (turn + 1) / 2, by: Bool.random(using: &generator) ? .buyer : .seller, action: action(&generator), elapsed: number(&generator)
        )
    }

    /// Stored events are read back as Foundation reads them: the same value, and without escapes by hand.
    @Test func transcriptEntriesAreReadAsFoundationDoes() async throws {
        await propertyCheck(count: 1_500, input: Gen.uint64(in: .min ... .max)) { seed in
            let entry = Self.entry(seed)
            let bytes = try Self.foundationBytes(entry)
            #expect(Self.codecDecode(TranscriptEntry.self, bytes) == Self.foundationDecode(TranscriptEntry.self, bytes))
            #expect(Self.codecDecode(TranscriptEntry.self, bytes) == .value(entry))
            if !bytes.contains(UInt8(ascii: "\\")) { #expect(bytes.withUnsafeBytes { TranscriptEntry.readJSON($0) } == entry) }
        }
    }

    /// An entry with a violation or a trace, or anything unusual, gets Foundation's answer.
    @Test(arguments: [
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":0,"round":1,"turn":1,"violation":{"code":"out_of_turn","message":"m","role":"buyer"}}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":0,"round":1,"turn":1,"trace":null}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":0,"round":1,"turn":1,"extra":1}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":0,"round":1,"turn":1,"turn":2}"#,
        #"{"action":{"type":"accept"},"by":"judge","elapsed":0,"round":1,"turn":1}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":0,"round":1.5,"turn":1}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":0,"round":1,"turn":99999999999999999999}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":1e400,"round":1,"turn":1}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":"0","round":1,"turn":1}"#,
        #"{"action":{"type":"accept"},"by":"buyer","round":1,"turn":1}"#,
        #"{"action":{"type":"offer"},"by":"buyer","elapsed":0,"round":1,"turn":1}"#,
        #"{"action":{"type":"offer","terms":{"p":1,"p":2}},"by":"buyer","elapsed":0,"round":1,"turn":1}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":0,"round":1,"turn":1} 1"#,
        #"{"action":{"type":"accept"},"by":"b\u0075yer","elapsed":0,"round":1,"turn":1}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":1e-7,"round":1,"turn":1}"#,
        #"{"action":{"type":"accept"},"by":"buyer","elapsed":0,"round":-1,"turn":0}"#,
        #"[]"#, #"{}"#, #""#,
    ])
    func unusualEntriesGetFoundationsAnswer(_ json: String) {
        let bytes = Array(json.utf8)
        #expect(Self.codecDecode(TranscriptEntry.self, bytes) == Self.foundationDecode(TranscriptEntry.self, bytes))
    }
}

import Foundation

/// A message on the turn path (``TurnRequest`` and ``TurnReply``, in their ``WireMessage``), which ``WireCodec``
/// writes and reads by hand: they cross the wire twice per turn, and Foundation's generic coders cost more than
/// the rest of the turn's work on both ends.
///
/// The hand-written forms are exact copies of Foundation's, not variants: the writer writes the bytes
/// `JSONEncoder` writes (sorted keys, the same number forms), and gives up (so `JSONEncoder` writes the
/// message) when a string would need an escape. The reader returns `nil` for anything but the plainest JSON of
/// the message (an escape, an unknown or repeated field, an unusual number, a value out of range), and
/// `JSONDecoder` then decodes the message, with its usual errors. Tests compare both forms with Foundation's
/// on generated messages.
protocol TurnPathJSON: HandReadJSON {
    /// Writes the message as `JSONEncoder` would; false (and anything written is to be discarded) when only
    /// Foundation can.
    func writeJSON(into output: inout [UInt8]) -> Bool
}

/// A value ``WireCodec`` reads by hand when its JSON is plain, and otherwise leaves to `JSONDecoder`.
protocol HandReadJSON {
    /// Reads the value, or `nil` when Foundation must.
    static func readJSON(_ bytes: UnsafeRawBufferPointer) -> Self?
}

extension WireMessage: HandReadJSON, TurnPathJSON where Body: TurnPathBody {
    func writeJSON(into output: inout [UInt8]) -> Bool {
        body.writeJSON(version: version, into: &output)
    }

    static func readJSON(_ bytes: UnsafeRawBufferPointer) -> WireMessage? {
        var reader = StrictJSONReader(bytes)
        var version: ProtocolVersion?
        guard let body = Body.readJSON(&reader, version: &version), reader.isAtEnd(), version == .current else { return nil }
        return WireMessage(body)
    }
}

/// The body of a turn-path message: it writes and reads the message's fields and the version beside them.
protocol TurnPathBody: Codable, Sendable, Hashable {
    func writeJSON(version: ProtocolVersion, into output: inout [UInt8]) -> Bool
    static func readJSON(_ reader: inout StrictJSONReader, version: inout ProtocolVersion?) -> Self?
}

extension TurnRequest: TurnPathBody {
    func writeJSON(version: ProtocolVersion, into output: inout [UInt8]) -> Bool {
        // Keys in sorted order: elapsed, lastTurn, opponentAction, progress, protocol, round, sessionID, turn.
        output.append(contentsOf: #"{"elapsed":"#.utf8)
        output.writeJSONNumber(elapsed)
        if let lastTurn { output.append(contentsOf: (lastTurn ? #","lastTurn":true"# : #","lastTurn":false"#).utf8) }
        if let opponentAction {
            output.append(contentsOf: #","opponentAction":"#.utf8)
            guard opponentAction.writeJSON(into: &output) else { return false }
        }
        if let progress {
            output.append(contentsOf: #","progress":"#.utf8)
            output.writeJSONNumber(progress)
        }
        output.append(contentsOf: #","protocol":"#.utf8)
        guard output.writeJSONString(version.rawValue) else { return false }
        if let round {
            output.append(contentsOf: #","round":"#.utf8)
            output.append(contentsOf: String(round).utf8)
        }
        return output.writeClosingMembers(sessionID: sessionID, turn: turn)
    }

    static func readJSON(_ reader: inout StrictJSONReader, version: inout ProtocolVersion?) -> TurnRequest? {
        var sessionID: String?, turn: Double?, elapsed: Double?
        var opponentAction: Action??, round: Double??, lastTurn: Bool??, progress: Double??
        let complete = reader.object { key, reader in
            if key.equals("protocol") { return reader.readOnce(&version) { $0.string().map(ProtocolVersion.init) } }
            if key.equals("sessionID") { return reader.readOnce(&sessionID) { $0.string() } }
            if key.equals("turn") { return reader.readOnce(&turn) { $0.double() } }
            if key.equals("elapsed") { return reader.readOnce(&elapsed) { $0.double() } }
            if key.equals("opponentAction") { return reader.readOnce(&opponentAction) { $0.optional { Action.readJSON(&$0) } } }
            if key.equals("round") { return reader.readOnce(&round) { $0.optional { $0.double() } } }
            if key.equals("lastTurn") { return reader.readOnce(&lastTurn) { $0.optional { $0.bool() } } }
            if key.equals("progress") { return reader.readOnce(&progress) { $0.optional { $0.double() } } }
            return false
        }
        // The checks of `init(from:)`; a message that fails one is left to it, for its error.
        guard complete, let sessionID, let turn = turn.flatMap({ whole($0, in: 1...(2 * Limits.maximumRounds)) }), let elapsed,
            (0...Limits.maximumSeconds).contains(elapsed)
        else { return nil }
        let roundNumber = round.flatMap { $0 }
        if let roundNumber, whole(roundNumber, in: 1...Limits.maximumRounds) == nil { return nil }
        if let progress = progress.flatMap({ $0 }), !(0...1).contains(progress) { return nil }
        return TurnRequest(
            sessionID: SessionID(rawValue: sessionID), turn: turn, opponentAction: opponentAction.flatMap { $0 }, elapsed: elapsed,
            round: roundNumber.map { Int($0) }, lastTurn: lastTurn.flatMap { $0 }, progress: progress.flatMap { $0 }
        )
    }
}

extension TurnReply: TurnPathBody {
    func writeJSON(version: ProtocolVersion, into output: inout [UInt8]) -> Bool {
        // Keys in sorted order: action, protocol, sessionID, turn.
        output.append(contentsOf: #"{"action":"#.utf8)
        guard action.writeJSON(into: &output) else { return false }
        output.append(contentsOf: #","protocol":"#.utf8)
        guard output.writeJSONString(version.rawValue) else { return false }
        return output.writeClosingMembers(sessionID: sessionID, turn: turn)
    }

    static func readJSON(_ reader: inout StrictJSONReader, version: inout ProtocolVersion?) -> TurnReply? {
        var sessionID: String?, turn: Double?, action: Action?
        let complete = reader.object { key, reader in
            if key.equals("protocol") { return reader.readOnce(&version) { $0.string().map(ProtocolVersion.init) } }
            if key.equals("sessionID") { return reader.readOnce(&sessionID) { $0.string() } }
            if key.equals("turn") { return reader.readOnce(&turn) { $0.double() } }
            if key.equals("action") { return reader.readOnce(&action) { Action.readJSON(&$0) } }
            return false
        }
        guard complete, let sessionID, let turn = turn.flatMap({ whole($0, in: 1...(2 * Limits.maximumRounds)) }), let action else { return nil }
        return TurnReply(sessionID: SessionID(rawValue: sessionID), turn: turn, action: action)
    }
}

extension Action {
    /// Keys in sorted order: note, reason, terms, type.
    fileprivate func writeJSON(into output: inout [UInt8]) -> Bool {
        output.append(UInt8(ascii: "{"))
        if let note {
            output.append(contentsOf: #""note":"#.utf8)
            guard output.writeJSONString(note) else { return false }
            output.append(UInt8(ascii: ","))
        }
        switch move {
        case .offer(let terms):
            output.append(contentsOf: #""terms":{"#.utf8)
            // Sorted as `JSONEncoder` sorts keys: by their UTF-8 bytes, not by `<` (which compares normalized text).
            for (position, (name, value)) in terms.values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                guard output.writeJSONString(name) else { return false }
                output.append(UInt8(ascii: ":"))
                switch value {
                case .integer(let number): output.append(contentsOf: String(number).utf8)
                case .option(let option): guard output.writeJSONString(option) else { return false }
                }
            }
            output.append(contentsOf: #"},"type":"offer"}"#.utf8)
        case .accept:
            output.append(contentsOf: #""type":"accept"}"#.utf8)
        case .walkAway(let reason):
            if let reason {
                output.append(contentsOf: #""reason":"#.utf8)
                guard output.writeJSONString(reason) else { return false }
                output.append(UInt8(ascii: ","))
            }
            output.append(contentsOf: #""type":"walkAway"}"#.utf8)
        }
        return true
    }

    /// An action with only the fields its type has.
    static func readJSON(_ reader: inout StrictJSONReader) -> Action? {
        var type: String?, terms: Terms?, reason: String??, note: String??
        let complete = reader.object { key, reader in
            if key.equals("type") { return reader.readOnce(&type) { $0.string() } }
            if key.equals("terms") { return reader.readOnce(&terms) { Terms.readJSON(&$0) } }
            if key.equals("reason") { return reader.readOnce(&reason) { $0.optional { $0.string() } } }
            if key.equals("note") { return reader.readOnce(&note) { $0.optional { $0.string() } } }
            return false
        }
        guard complete else { return nil }
        let move: Move
        switch type {
        case "offer" where reason == nil: guard let terms else { return nil }; move = .offer(terms)
        case "accept" where terms == nil && reason == nil: move = .accept
        case "walkAway" where terms == nil: move = .walkAway(reason: reason.flatMap { $0 })
        default: return nil
        }
        return Action(move, note: note.flatMap { $0 })
    }
}

extension Terms {
    /// Terms whose values are plain integers or option names.
    fileprivate static func readJSON(_ reader: inout StrictJSONReader) -> Terms? {
        var values: [String: TermValue] = [:]
        let complete = reader.object { key, reader in
            guard let name = String(validating: key, as: UTF8.self), values[name] == nil else { return false }
            if reader.nextIsString() {
                guard let option = reader.string() else { return false }
                values[name] = .option(option)
            } else {
                guard let number = reader.integer() else { return false }
                values[name] = .integer(number)
            }
            return true
        }
        return complete ? Terms(values) : nil
    }
}

extension StrictJSONReader {
    /// Reads a field's value into `slot` unless the field was already read (a repeated field is left to Foundation).
    mutating func readOnce<Value>(_ slot: inout Value?, _ read: (inout StrictJSONReader) -> Value?) -> Bool {
        guard slot == nil, let value = read(&self) else { return false }
        slot = value
        return true
    }

    /// `null` as `.some(nil)`, a value as `.some(value)`, and `nil` when neither could be read.
    fileprivate mutating func optional<Value>(_ read: (inout StrictJSONReader) -> Value?) -> Value?? {
        if null() { return .some(nil) }
        return read(&self).map { .some($0) }
    }
}

/// A number that `decodeWhole` accepts in `range`, as an `Int`.
private func whole(_ number: Double, in range: ClosedRange<Int>) -> Int? {
    Int64(whole: number, in: Int64(range.lowerBound)...Int64(range.upperBound)).map { Int($0) }
}

extension [UInt8] {
    /// The members both turn messages end with, `,"sessionID":…,"turn":…}`; false when the id needs an escape.
    fileprivate mutating func writeClosingMembers(sessionID: SessionID, turn: Int) -> Bool {
        append(contentsOf: #","sessionID":"#.utf8)
        guard writeJSONString(sessionID.rawValue) else { return false }
        append(contentsOf: #","turn":"#.utf8)
        append(contentsOf: String(turn).utf8)
        append(UInt8(ascii: "}"))
        return true
    }

    /// A string as `JSONEncoder` writes one that needs no escape; false when it would need one.
    fileprivate mutating func writeJSONString(_ text: String) -> Bool {
        append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            append(byte)
        }
        append(UInt8(ascii: "\""))
        return true
    }

    /// A double as `JSONEncoder` writes it: Swift's shortest form, without a trailing `.0`.
    fileprivate mutating func writeJSONNumber(_ value: Double) {
        let text = value.description
        append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }
}

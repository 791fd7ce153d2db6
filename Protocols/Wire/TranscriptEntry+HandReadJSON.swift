extension TranscriptEntry: HandReadJSON {
    /// An entry without a violation or a decision trace, read by hand: verifying a store reads back every stored
    /// event, and Foundation's decoder took most of that time. An entry with either, or with anything unusual
    /// (``HandReadJSON``), is left to Foundation, which gives the same value or the same error.
    static func readJSON(_ bytes: UnsafeRawBufferPointer) -> TranscriptEntry? {
        var reader = StrictJSONReader(bytes)
        var turn: Int64?, round: Int64?, by: Role?, action: Action?, elapsed: Double?
        let complete = reader.object { key, reader in
            if key.equals("turn") { return reader.readOnce(&turn) { $0.integer() } }
            if key.equals("round") { return reader.readOnce(&round) { $0.integer() } }
            if key.equals("by") { return reader.readOnce(&by) { $0.string().flatMap(Role.init(rawValue:)) } }
            if key.equals("action") { return reader.readOnce(&action) { Action.readJSON(&$0) } }
            if key.equals("elapsed") { return reader.readOnce(&elapsed) { $0.double() } }
            return false
        }
        guard complete, reader.isAtEnd(), let turn = turn.flatMap({ Int(exactly: $0) }), let round = round.flatMap({ Int(exactly: $0) }), let by, let action,
            let elapsed
        else { return nil }
        return TranscriptEntry(turn: turn, round: round, by: by, action: action, elapsed: elapsed)
    }
}

public import ParleyProtocol

/// Everything a finished session left: its transcript and its settlement.
///
/// Its JSON form, `{"protocol": "parley/1", "transcript": {…}, "settlement": {…}}`, is what `parley run --json` prints.
public struct SessionRecord: Sendable, Hashable, Codable {
    /// The record of every action.
    public var transcript: Transcript
    /// How it ended and how good that was.
    public var settlement: Settlement

    /// Creates a record.
    public init(transcript: Transcript, settlement: Settlement) {
        self.transcript = transcript
        self.settlement = settlement
    }
}

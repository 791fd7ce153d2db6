public import ParleyRecords

/// A finished session ready to store: its summary and its chain. It keeps no transcript of its own (the chain's
/// records are the transcript), so many can wait for a batch write in little memory.
public struct ChainedSession: SessionSummarized, Sendable, Hashable {
    /// What the store keeps beside the chain.
    public var summary: SessionSummary
    /// The hash chain: header, events, settlement.
    public var chain: PackedChain

    /// The summary and chain of a finished session.
    public init(record: SessionRecord, chain: PackedChain) {
        self.summary = SessionSummary(record: record)
        self.chain = chain
    }
}

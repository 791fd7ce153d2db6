public import ParleyRecords

/// A finished session ready to store: its summary and its chain. It keeps no transcript of its own (the chain's
/// records are the transcript), so many can wait for a batch write in little memory.
public struct ChainedSession: SessionSummarized, Sendable, Hashable {
    /// A signature a session was stored with before, kept when it is copied into another store.
    public struct Signature: Sendable, Hashable {
        /// The Ed25519 signature of the final hash, base64.
        public var signature: String
        /// The signer's public key, base64.
        public var publicKey: String

        /// A signature and the key that made it.
        public init(signature: String, publicKey: String) {
            self.signature = signature
            self.publicKey = publicKey
        }
    }

    /// What the store keeps beside the chain.
    public var summary: SessionSummary
    /// The hash chain: header, events, settlement.
    public var chain: PackedChain
    /// The signature it already carries (a session copied from another store), kept unless the store is asked
    /// to sign it again.
    public var signature: Signature?

    /// The summary and chain of a finished session.
    public init(record: SessionRecord, chain: PackedChain) {
        self.summary = SessionSummary(record: record)
        self.chain = chain
    }

    /// A stored session read back for copying into another store, with its chain and signature.
    public init(copying stored: StoredSession, chain: PackedChain) {
        self.summary = stored.summary
        self.chain = chain
        if let signature = stored.signature, let publicKey = stored.publicKey {
            self.signature = Signature(signature: signature, publicKey: publicKey)
        }
    }
}

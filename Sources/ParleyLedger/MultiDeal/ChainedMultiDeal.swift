import ParleyProtocol
public import ParleyRecords

/// A finished multi-deal negotiation ready to store: its summary and chain, and each edge session's chain.
public struct ChainedMultiDeal: Sendable, Hashable {
    /// What the store keeps beside the chain.
    public var summary: MultiDealSummary
    /// The negotiation's own chain: header and settlement (``MultiDealChain``).
    public var chain: PackedChain
    /// The edge sessions, in the scenario's edge order, each stored as a session of its own.
    public var sessions: [ChainedSession]
    /// Its place in a tournament, if it is part of one.
    public var position: MultiDealPosition?
    /// The signature it already carries (a negotiation copied from another store), kept unless the store is asked
    /// to sign it again.
    public var signature: ChainedSession.Signature?

    /// Chains a finished negotiation: every edge session, then the negotiation's own chain over their final hashes.
    public init(record: MultiDealRecord, position: MultiDealPosition? = nil) throws {
        sessions = try zip(record.sessions, record.scenario.edges).map { session, edge in
            ChainedSession(record: session.record, chain: try session.record.chain(profiles: edge.scenario.profiles))
        }
        summary = MultiDealSummary(record: record)
        chain = try MultiDealChain.chain(of: record, identifier: summary.multiDealID, edgeHashes: sessions.map { $0.chain.finalHash ?? "" })
        self.position = position
    }

    /// A stored negotiation read back for copying into another store, with its chain, its edge sessions and its
    /// signature.
    public init(copying stored: StoredMultiDeal, chain: PackedChain, sessions: [ChainedSession]) {
        summary = stored.summary
        self.chain = chain
        self.sessions = sessions
        position = stored.position
        if let signature = stored.signature, let publicKey = stored.publicKey {
            self.signature = ChainedSession.Signature(signature: signature, publicKey: publicKey)
        }
    }

    /// How the sequence link of its edge session at `edge` names it.
    public func part(edge: Int) -> SequenceLink.Part {
        SequenceLink.Part(multiDeal: chain.finalHash ?? "", edge: edge, position: position)
    }
}

/// One stored multi-deal negotiation: its number among the store's multi-deal negotiations, its summary, the
/// numbers of its edge sessions in the store, and the final hash (and signature) of its own chain.
public struct StoredMultiDeal: Sendable, Hashable, Codable {
    /// The store's own number for the negotiation, from 1 (counted apart from sessions).
    public var number: Int
    /// Who took part and what it came to.
    public var summary: MultiDealSummary
    /// The stored sessions of its edges, in the scenario's edge order.
    public var sessions: [Int]
    /// The hash of its settlement record, which closes its chain.
    public var finalHash: String
    /// The Ed25519 signature of the final hash (base64), when signed.
    public var signature: String?
    /// The signer's public key (base64), when signed.
    public var publicKey: String?
    /// Its place in a tournament, if it is part of one.
    public var position: MultiDealPosition?

    /// A stored negotiation.
    public init(number: Int, summary: MultiDealSummary, sessions: [Int], finalHash: String, signature: String?, publicKey: String?, position: MultiDealPosition?) {
        self.number = number
        self.summary = summary
        self.sessions = sessions
        self.finalHash = finalHash
        self.signature = signature
        self.publicKey = publicKey
        self.position = position
    }

    /// A chained negotiation as a store inserts it under `number`, with its edge sessions already stored under
    /// `sessions`: signed when there is a signer (otherwise with the signature it carries, if any). Throws when its
    /// chain has no records.
    public init(number: Int, multiDeal: ChainedMultiDeal, sessions: [Int], signer: SigningKey?) throws(StoreError) {
        guard let finalHash = multiDeal.chain.finalHash else { throw StoreError(.database, "cannot store a multi-deal negotiation without records") }
        self.init(
            number: number, summary: multiDeal.summary, sessions: sessions, finalHash: finalHash,
            signature: signer?.sign(finalHash: finalHash) ?? multiDeal.signature?.signature, publicKey: signer?.publicKey.rawValue ?? multiDeal.signature?.publicKey,
            position: multiDeal.position
        )
    }

    /// How an edge session's sequence link names the negotiation it is part of (see ``SequenceLink``).
    public func part(edge: Int) -> SequenceLink.Part {
        SequenceLink.Part(multiDeal: finalHash, edge: edge, position: position)
    }
}

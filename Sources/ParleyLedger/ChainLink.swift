/// One record of a hash-chained transcript, as read: its canonical body and the chain's hash after it.
public struct ChainLink: Sendable, Hashable, Codable {
    /// What a record is; a chain is one header, the events in order, then one settlement.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The session header: scenario, agents, seed, profiles.
        case header
        /// One action.
        case event
        /// The settlement: outcome and analysis.
        case settlement
    }

    /// The record's position in the chain, from 0 (the header).
    public var index: Int
    /// What the record is.
    public var kind: Kind
    /// The record's canonical JSON (see ``CanonicalJSON``).
    public var body: String
    /// `SHA-256(previous hash ‖ body)` in lowercase hex; the previous hash of the header is 32 zero bytes.
    public var hash: String

    /// Creates a link.
    public init(index: Int, kind: Kind, body: String, hash: String) {
        self.index = index
        self.kind = kind
        self.body = body
        self.hash = hash
    }
}

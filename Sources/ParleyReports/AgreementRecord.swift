public import ParleyLedger
public import ParleyProtocol
public import ParleyRecords

/// The hand-off of an agreed deal to whatever comes next (an order, a checkout, a payment): the terms, the parties,
/// and what proves them, in one small document that does not need the whole transcript
/// (`parley transcripts export N --format agreement`; JSON Schema `Protocols/Spec/Schemas/AgreementRecord.schema.json`).
///
/// `finalHash` closes the session's hash chain, which commits to every move and to these terms; `signature`, when the
/// session was signed, is the arbiter's Ed25519 signature of that hash. Anyone holding the store (or its `jsonl`
/// export) can recompute the chain and check both. `Protocols/Spec/agreement-record.md` maps the fields to AP2's
/// closed checkout mandate; Parley does not produce AP2 mandates.
public struct AgreementRecord: Sendable, Hashable, Codable {
    /// One agreed term, with the value as a person reads it.
    public struct LineItem: Sendable, Hashable, Codable {
        /// The issue.
        public var issue: String
        /// The value, as in `terms`: an integer (money in minor units) or an option's name.
        public var value: TermValue
        /// The value as a person reads it, such as `EUR 150.00`.
        public var display: String
        /// The currency, for a money issue.
        public var currency: Currency?
    }

    /// The session, as the store knows it.
    public struct Session: Sendable, Hashable, Codable {
        /// Its number in the store.
        public var number: Int
        /// Its id.
        public var id: SessionID
        /// When it started, ISO 8601.
        public var startedAt: String
        /// Its seed, as decimal text.
        public var seed: String
    }

    /// The proof: the chain's final hash and, when signed, the signature.
    public struct Signature: Sendable, Hashable, Codable {
        /// Always `ed25519`.
        public var algorithm: String
        /// The signer's public key, base64.
        public var publicKey: String
        /// The signature of the final hash, base64.
        public var value: String
    }

    /// The document's type and version: `parley.agreement/1`.
    public var type: String
    /// The session.
    public var session: Session
    /// The scenario's id.
    public var scenario: String
    /// The scenario's name.
    public var scenarioName: String
    /// Who negotiated for each side.
    public var buyer: AgentDescriptor
    /// Who negotiated for the seller.
    public var seller: AgentDescriptor
    /// The side whose offer was accepted.
    public var proposer: Role
    /// The turn at which it was accepted.
    public var acceptedAtTurn: Int
    /// The agreed terms, as the protocol writes them.
    public var terms: Terms
    /// The same terms, issue by issue in the scenario's order, with their readable values.
    public var lineItems: [LineItem]
    /// The hash that closes the session's chain (SHA-256, hex).
    public var finalHash: String
    /// The arbiter's signature of the final hash, when the session was signed.
    public var signature: Signature?

    /// The current type and version.
    public static let currentType = "parley.agreement/1"

    /// The agreement of a stored session; `nil` when the session did not end in one.
    public init?(stored: StoredSession, record: SessionRecord) {
        guard case .agreement(let agreement) = record.settlement.outcome else { return nil }
        let header = record.transcript.header
        type = Self.currentType
        session = Session(number: stored.number, id: stored.sessionID, startedAt: stored.startedAt, seed: String(stored.seed))
        scenario = header.scenario.id
        scenarioName = header.scenario.name
        buyer = header.buyer
        seller = header.seller
        proposer = agreement.proposer
        acceptedAtTurn = agreement.turns
        terms = agreement.terms
        lineItems = header.scenario.issues.compactMap { issue in
            guard let value = agreement.terms[issue.name] else { return nil }
            let currency: Currency? = if case .money(let currency, _) = issue.domain { currency } else { nil }
            return LineItem(issue: issue.name, value: value, display: issue.domain.format(value), currency: currency)
        }
        finalHash = stored.finalHash
        signature = stored.publicKey.flatMap { key in stored.signature.map { Signature(algorithm: "ed25519", publicKey: key, value: $0) } }
    }
}

public import ParleyProtocol

/// What `verify` found wrong with a stored session or tournament: a stable code, the place, and the reason for people.
public struct VerificationFailure: CodedError, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes, one per kind of damage.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A record's hash does not follow from its contents and the record before it (changed, removed, reordered).
        public static let brokenChain = Code(rawValue: "broken_chain")
        /// The records are not a header, events and a settlement.
        public static let incompleteChain = Code(rawValue: "incomplete_chain")
        /// The stored final hash is not the last record's.
        public static let finalHashMismatch = Code(rawValue: "final_hash_mismatch")
        /// The signature does not verify against the final hash.
        public static let badSignature = Code(rawValue: "bad_signature")
        /// The session is not signed by the key it must be signed by.
        public static let untrustedSigner = Code(rawValue: "untrusted_signer")
        /// A record cannot be read back.
        public static let unreadableRecord = Code(rawValue: "unreadable_record")
        /// The summary row does not follow from the chained records.
        public static let summaryMismatch = Code(rawValue: "summary_mismatch")
        /// A tournament entry does not follow from the chained settlement it points at.
        public static let entryMismatch = Code(rawValue: "entry_mismatch")
        /// A session's sequence link does not follow from the session before it: a session was removed, duplicated,
        /// inserted or reordered before it, or its tournament entry was removed or moved.
        public static let brokenSequence = Code(rawValue: "broken_sequence")
        /// The store does not hold the head it is expected to: sessions were removed from its end, or replaced.
        public static let headMismatch = Code(rawValue: "head_mismatch")
        /// A tournament's row does not follow from its plan (its id or total was edited).
        public static let tournamentMismatch = Code(rawValue: "tournament_mismatch")
        /// A tournament entry points at no stored session, or outside its tournament's plan.
        public static let orphanEntry = Code(rawValue: "orphan_entry")
        /// Two tournament entries point at one session.
        public static let duplicateEntry = Code(rawValue: "duplicate_entry")
        /// A multi-deal negotiation names an edge session that is not stored, or not the one it names.
        public static let partMismatch = Code(rawValue: "part_mismatch")
        /// A multi-deal negotiation's deals or analysis do not follow from its edge sessions.
        public static let settlementMismatch = Code(rawValue: "settlement_mismatch")
    }

    /// The session's number in the store (0 for a failure of the store or a tournament as a whole).
    public var session: Int
    /// What kind of damage.
    public var code: Code
    /// The first record at fault, when one is.
    public var record: Int?
    /// What is wrong, for people.
    public var reason: String
    /// The tournament at fault, for a failure of a tournament's rows.
    public var tournament: String?
    /// The multi-deal negotiation at fault (its number), for a failure of one.
    public var multiDeal: Int?

    /// A failure.
    public init(session: Int, code: Code, record: Int? = nil, reason: String, tournament: String? = nil, multiDeal: Int? = nil) {
        self.session = session
        self.code = code
        self.record = record
        self.reason = reason
        self.tournament = tournament
        self.multiDeal = multiDeal
    }

    /// The reason, with the session and record: what ``description`` prints.
    public var message: String { description }

    /// `session 3, record 5: …`, `multi-deal 2: …`, `tournament t-…: …` or `store: …`.
    public var description: String {
        if let multiDeal { return "multi-deal \(multiDeal)" + (record.map { ", record \($0)" } ?? "") + ": \(reason)" }
        let place = tournament.map { "tournament \($0)" + (session > 0 ? ", session \(session)" : "") }
            ?? (session > 0 ? "session \(session)" + (record.map { ", record \($0)" } ?? "") : "store")
        return place + ": \(reason)"
    }
}


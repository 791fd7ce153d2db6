/// Chains a store's sessions in the order they were stored, the way ``HashChain`` chains one session's records.
///
/// Each session's link is `SHA-256(previous link ‖ final hash)`, or, for a tournament session,
/// `SHA-256(previous link ‖ final hash|tournament|position|repetition)`, or, for an edge session of a multi-deal
/// negotiation, `SHA-256(previous link ‖ final hash|multi-deal|its final hash|edge)` followed by
/// `|tournament|position|repetition` when the negotiation is part of a tournament; the first session follows
/// ``HashChain/origin``. A store writes the link in the transaction that stores the session, and verification
/// recomputes the whole sequence: a session removed, duplicated, inserted or reordered, or a tournament entry
/// removed or moved to another position, breaks the link of the session after it. The last link, the store's
/// *head*, names everything stored so far: kept outside the store, it shows that nothing was removed from the end.
public enum SequenceLink {
    /// The link of a session stored after `previous`, with the tournament entry that points at it, if any.
    public static func next(after previous: String, finalHash: String, entry: TournamentEntry?) -> String {
        next(after: previous, finalHash: finalHash, tournament: entry.map { ($0.tournament, $0.index, $0.repetition) })
    }

    /// The link of a session stored after `previous`, with its tournament, position and repetition, if any.
    public static func next(after previous: String, finalHash: String, tournament: (id: String, index: Int, repetition: Int)?) -> String {
        let body = tournament.map { "\(finalHash)|\($0.id)|\($0.index)|\($0.repetition)" } ?? finalHash
        return HashChain.hash(previous: previous, body: body)
    }

    /// The link of an edge session of a multi-deal negotiation, stored after `previous`.
    public static func next(after previous: String, finalHash: String, part: Part) -> String {
        var body = "\(finalHash)|multi-deal|\(part.multiDeal)|\(part.edge)"
        if let position = part.position { body += "|\(position.tournament)|\(position.index)|\(position.repetition)" }
        return HashChain.hash(previous: previous, body: body)
    }

    /// An edge session's place in a multi-deal negotiation: removing the negotiation's row, or moving it within its
    /// tournament, breaks the links of its sessions.
    public struct Part: Sendable, Hashable {
        /// The final hash of the negotiation's own chain.
        public var multiDeal: String
        /// The edge's position in the scenario, from 0.
        public var edge: Int
        /// The negotiation's place in a tournament, if any.
        public var position: MultiDealPosition?

        /// A part.
        public init(multiDeal: String, edge: Int, position: MultiDealPosition?) {
            self.multiDeal = multiDeal
            self.edge = edge
            self.position = position
        }
    }
}

/// A store's head: how many sessions it holds and the link of the last, `COUNT:LINK`.
public struct StoreHead: Sendable, Hashable, CustomStringConvertible, LosslessStringConvertible {
    /// The number of sessions in the sequence.
    public var count: Int
    /// The last session's link, or ``HashChain/origin`` when the store is empty.
    public var link: String

    /// A head.
    public init(count: Int, link: String) {
        self.count = count
        self.link = link
    }

    /// Parses `COUNT:LINK`, as ``description`` writes it.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, parts[1].count == 64, HashChain.bytes(fromHex: String(parts[1])) != nil else { return nil }
        self.init(count: count, link: String(parts[1]))
    }

    /// `COUNT:LINK`.
    public var description: String { "\(count):\(link)" }
}

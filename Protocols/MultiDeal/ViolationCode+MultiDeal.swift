extension ViolationCode {
    /// The centre offered or accepted terms that would commit it beyond its need.
    public static let exceedsNeed = ViolationCode(rawValue: "exceeds_need")
    /// A party acted in a session that was superseded by the centre's commitments elsewhere.
    public static let superseded = ViolationCode(rawValue: "superseded")
    /// A party acted in a sequential multi-deal session that has not started yet.
    public static let notStarted = ViolationCode(rawValue: "not_started")
    /// A party named an edge the multi-deal scenario does not have.
    public static let unknownEdge = ViolationCode(rawValue: "unknown_edge")

    /// The codes only multi-deal negotiations have.
    public static let multiDeal: [ViolationCode] = [.exceedsNeed, .superseded, .notStarted, .unknownEdge]
}

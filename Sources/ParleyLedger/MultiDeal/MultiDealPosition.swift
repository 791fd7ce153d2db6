/// Where a multi-deal negotiation lies in a tournament's plan.
public struct MultiDealPosition: Sendable, Hashable, Codable {
    /// The tournament's identifier.
    public var tournament: String
    /// The position in the plan, from 0.
    public var index: Int
    /// The repetition, from 0.
    public var repetition: Int

    /// A position.
    public init(tournament: String, index: Int, repetition: Int) {
        self.tournament = tournament
        self.index = index
        self.repetition = repetition
    }
}

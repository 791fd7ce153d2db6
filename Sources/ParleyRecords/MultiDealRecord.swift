public import Foundation
public import ParleyAnalysis
public import ParleyProtocol

/// Everything a finished multi-deal negotiation left: each edge's session (its own bilateral record and how it
/// ended) and the settlement of the whole.
public struct MultiDealRecord: Sendable, Hashable, Codable {
    /// One edge's session.
    public struct EdgeSession: Sendable, Hashable, Codable {
        /// The edge's identifier.
        public var edge: String
        /// The session as a bilateral record: its transcript and settlement. A superseded session's record ends as
        /// the centre walking away with the supersession as the reason, as its agents were told; ``end`` is the
        /// typed outcome.
        public var record: SessionRecord
        /// How the session ended.
        public var end: EdgeEnd

        /// An edge's session.
        public init(edge: String, record: SessionRecord, end: EdgeEnd) {
            self.edge = edge
            self.record = record
            self.end = end
        }
    }

    /// The scenario, with every profile.
    public var scenario: MultiDealScenario
    /// How the centre's agent is described.
    public var centre: AgentDescriptor
    /// The seed every session's seed derives from.
    public var seed: UInt64
    /// When the negotiation started.
    public var startedAt: Date
    /// The sessions, in the scenario's edge order.
    public var sessions: [EdgeSession]
    /// The deals in the order they were made, and what the whole came to.
    public var settlement: MultiDealSettlement

    /// A record.
    public init(scenario: MultiDealScenario, centre: AgentDescriptor, seed: UInt64, startedAt: Date, sessions: [EdgeSession], settlement: MultiDealSettlement) {
        self.scenario = scenario
        self.centre = centre
        self.seed = seed
        self.startedAt = startedAt
        self.sessions = sessions
        self.settlement = settlement
    }
}

/// What a multi-deal negotiation came to: the deals in the order they were made, and its analysis.
public struct MultiDealSettlement: Sendable, Hashable, Codable {
    /// One deal.
    public struct Deal: Sendable, Hashable, Codable {
        /// The edge's identifier.
        public var edge: String
        /// The agreement.
        public var agreement: Agreement
        /// Its quantity, for a split order.
        public var quantity: Int?

        /// A deal.
        public init(edge: String, agreement: Agreement, quantity: Int?) {
            self.edge = edge
            self.agreement = agreement
            self.quantity = quantity
        }
    }

    /// The deals, in the order they were made.
    public var deals: [Deal]
    /// The centre's utility, the best it could have had, its regret, welfare, each edge's utility and advantage.
    public var analysis: MultiDealAnalysis

    /// A settlement.
    public init(deals: [Deal], analysis: MultiDealAnalysis) {
        self.deals = deals
        self.analysis = analysis
    }
}

public import ParleyProtocol

/// A centre as multi-deal sessions seat it: a ``CentreRule`` over one bilateral agent (any ``AgentSource``: a
/// built-in, a remote agent, an LLM agent), which is seated as the centre in every edge's session.
///
/// It is written `RULE+AGENT`, such as `best-standing+boulware:e=0.2`; `RULE` alone uses boulware.
public struct CentreSource: Sendable {
    /// The rule.
    public let rule: CentreRule
    /// The bilateral agent seated in each edge's session.
    public let agent: any AgentSource
    /// The bidding indexes the seats' contexts share.
    public let indexes: BiddingIndexCache

    /// A centre of `rule` over `agent`.
    public init(rule: CentreRule, agent: any AgentSource, indexes: BiddingIndexCache) {
        self.rule = rule
        self.agent = agent
        self.indexes = indexes
    }

    /// How the centre is named in records: strategy `centre`, spec `RULE+AGENT`.
    public var descriptor: AgentDescriptor { AgentDescriptor(strategy: "centre", spec: "\(rule.rawValue)+\(agent.descriptor.spec)") }

    /// Builds the centre for its seats (one per edge, in order), each seat's strategy and context together.
    public func makeCentre(for seats: [Seat]) throws -> RuledCentre {
        let contexts = try seats.map { try $0.context(indexes: indexes) }
        return RuledCentre(rule: rule, strategies: try seats.map(agent.makeStrategy(for:)), contexts: contexts)
    }
}

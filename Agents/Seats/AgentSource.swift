public import ParleyProtocol

/// An agent that sessions can seat: it names itself for transcripts and builds the strategy that plays one side.
///
/// In-process strategies (``StrategySource``), agents on other servers and LLM agents are all sources, so the
/// arbiter, tournaments and the agent server treat them alike, and a new transport is one new conformer.
public protocol AgentSource: Sendable {
    /// How the agent is named in transcripts and leaderboards.
    var descriptor: AgentDescriptor { get }
    /// Whether the agent needs its side's private profile to play (an agent on another server may keep its own).
    var needsProfile: Bool { get }
    /// Whether its turns mostly wait on the network (an agent on another server, a model behind an endpoint): a
    /// tournament keeps many such sessions in flight (`--in-flight`) instead of one per core. The default is `false`.
    var waitsOnNetwork: Bool { get }
    /// Builds the strategy that plays one seat. Nothing is sent anywhere until the strategy's first turn.
    func makeStrategy(for seat: Seat) throws -> any Strategy
    /// Checks, before any session, that the agent can play at all (its server answers, its keys are set), so a
    /// mistake fails at once rather than session by session. The default checks nothing.
    func preflight() async throws
}

extension AgentSource {
    /// An in-process agent computes its turns.
    public var waitsOnNetwork: Bool { false }

    /// Checks nothing: an in-process agent was checked when it was made.
    public func preflight() async throws {}
}

public import Foundation

/// The ordered, append-only record of a session: who negotiated what under which rules, every action, and how it ended.
public struct Transcript: Sendable, Hashable, Codable {
    /// What the session was.
    public struct Header: Sendable, Hashable, Codable {
        /// The session's identifier.
        public var sessionID: SessionID
        /// The scenario negotiated.
        public var scenario: Scenario
        /// The agent on each side.
        public var buyer: AgentDescriptor
        /// The agent on the seller's side.
        public var seller: AgentDescriptor
        /// The seed everything random in the session derives from.
        public var seed: UInt64
        /// When the session started (wall clock).
        public var startedAt: Date

        /// Creates a header.
        public init(sessionID: SessionID, scenario: Scenario, buyer: AgentDescriptor, seller: AgentDescriptor, seed: UInt64, startedAt: Date) {
            self.sessionID = sessionID
            self.scenario = scenario
            self.buyer = buyer
            self.seller = seller
            self.seed = seed
            self.startedAt = startedAt
        }

        /// The agent on a side.
        public func agent(_ role: Role) -> AgentDescriptor { role == .buyer ? buyer : seller }
    }

    /// What the session was.
    public var header: Header
    /// Every action, in order.
    public var entries: [TranscriptEntry]
    /// How the session ended.
    public var outcome: Outcome
    /// Seconds from start to end (wall clock).
    public var elapsed: Double

    /// Creates a transcript.
    public init(header: Header, entries: [TranscriptEntry], outcome: Outcome, elapsed: Double) {
        self.header = header
        self.entries = entries
        self.outcome = outcome
        self.elapsed = elapsed
    }

    /// The number of rounds begun.
    public var rounds: Int { entries.last?.round ?? 0 }
}

public import ParleyRecords
public import ParleyProtocol

/// The header record of a chained session: the transcript header and, when the arbiter knows them, both profiles.
public struct ChainedHeader: Sendable, Hashable, Codable {
    /// The transcript header.
    public var header: Transcript.Header
    /// The profiles the session was judged with, by role.
    public var profiles: [String: Profile]

    /// Creates a header record.
    public init(header: Transcript.Header, profiles: [Role: Profile]) {
        self.header = header
        self.profiles = Dictionary(uniqueKeysWithValues: profiles.map { ($0.key.rawValue, $0.value) })
    }
}

extension SessionRecord {
    /// The session as a hash chain: the header (with profiles), every event, then the settlement. To chain
    /// many sessions of one scenario, a ``SessionChainer`` encodes the scenario and profiles only once.
    public func chain(profiles: [Role: Profile]) throws -> PackedChain {
        try SessionChainer(scenario: transcript.header.scenario, profiles: profiles).chain(self)
    }
}

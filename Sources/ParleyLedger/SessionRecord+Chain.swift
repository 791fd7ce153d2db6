public import ParleyArbiter
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
    /// The session as a hash chain: the header (with profiles), every event, then the settlement.
    public func chain(profiles: [Role: Profile]) throws -> PackedChain {
        var chain = PackedChain()
        let header = try CanonicalJSON.bytes(ChainedHeader(header: transcript.header, profiles: profiles))
        chain.append { $0 += header }
        for entry in transcript.entries {
            chain.append { entry.writeCanonical(into: &$0) }
        }
        let settlement = try CanonicalJSON.bytes(settlement)
        chain.append { $0 += settlement }
        return chain
    }
}

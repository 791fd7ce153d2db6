import Crypto
public import Foundation
public import ParleyProtocol
public import ParleyRecords

/// A multi-deal negotiation's own hash chain, beside its edges' session chains: a header record, then a
/// settlement record that names every edge session by its final hash.
///
/// Editing an edge session breaks that session's chain, or (if its chain is rebuilt) the final hash this chain
/// names; editing the deals or the analysis breaks this chain; and `verify` recomputes the settlement from the
/// edge sessions, so a consistent forgery must rewrite every chain involved. See `Protocols/Spec/multi-deal.md`.
public enum MultiDealChain {
    /// The header record: what was negotiated, by whom, from which seed.
    public struct Header: Sendable, Hashable, Codable {
        /// The negotiation's identifier (see ``MultiDealChain/identifier(of:)``).
        public var multiDealID: String
        /// The scenario, with every edge's profiles and the centre's need.
        public var scenario: MultiDealScenario
        /// The centre's agent.
        public var centre: AgentDescriptor
        /// The seed every edge session's seed derives from.
        public var seed: UInt64
        /// When the negotiation started.
        public var startedAt: Date
    }

    /// The settlement record: each edge session's final hash and end, the deals and the analysis.
    public struct Settlement: Sendable, Hashable, Codable {
        /// One edge session, named by its chain's final hash.
        public struct Session: Sendable, Hashable, Codable {
            /// The edge's identifier.
            public var edge: String
            /// The final hash of the edge session's chain.
            public var finalHash: String
            /// How the session ended, typed (`superseded` with its cause).
            public var end: EdgeEnd
        }

        /// The edge sessions, in the scenario's edge order.
        public var sessions: [Session]
        /// The deals in the order they were made, and the analysis.
        public var settlement: MultiDealSettlement
    }

    /// The identifier of a negotiation: `m-` and 16 hex digits of the SHA-256 of its seed, scenario and agents, the
    /// same for every replay.
    public static func identifier(of record: MultiDealRecord) -> String {
        let edges = record.sessions.map { session in
            record.scenario.centre == .buyer ? session.record.transcript.header.seller.spec : session.record.transcript.header.buyer.spec
        }
        let text = "\(record.seed)|\(record.scenario.id)|\(record.centre.spec)|\(edges.joined(separator: ","))"
        return "m-" + HashChain.hex(Array(SHA256.hash(data: Data(text.utf8))).prefix(8))
    }

    /// The negotiation's chain, given its identifier and the final hashes of its edge sessions' chains in edge order.
    public static func chain(of record: MultiDealRecord, identifier: String, edgeHashes: [String]) throws -> PackedChain {
        let header = Header(multiDealID: identifier, scenario: record.scenario, centre: record.centre, seed: record.seed, startedAt: record.startedAt)
        let sessions = zip(record.sessions, edgeHashes).map { Settlement.Session(edge: $0.edge, finalHash: $1, end: $0.end) }
        let bodies = [try CanonicalJSON.encode(header), try CanonicalJSON.encode(Settlement(sessions: sessions, settlement: record.settlement))]
        var chain = PackedChain()
        for body in bodies { chain.append { $0 += body } }
        return chain
    }

    /// Reads a chain's two records back; throws when either cannot be read.
    public static func decode(_ links: [ChainLink]) throws -> (header: Header, settlement: Settlement) {
        guard links.count == 2 else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a multi-deal chain has 2 records, not \(links.count)")) }
        let codec = WireCodec()
        return (try codec.decode(Header.self, from: Data(links[0].body.utf8)), try codec.decode(Settlement.self, from: Data(links[1].body.utf8)))
    }
}

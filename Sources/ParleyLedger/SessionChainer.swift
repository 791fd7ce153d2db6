public import ParleyRecords
public import ParleyProtocol

/// Chains finished sessions of one scenario and pair of profiles, encoding the scenario's and the profiles'
/// canonical JSON once rather than once per session: what a tournament does thousands of times a second.
///
/// Its output is byte for byte that of the generic canonical encoder; a test checks this on real sessions.
public struct SessionChainer: Sendable {
    /// The scenario whose sessions it chains.
    public let scenario: Scenario
    /// The profiles written into each header record.
    public let profiles: [Role: Profile]
    private let scenarioJSON: [UInt8]
    private let profilesJSON: [UInt8]
    private let issueOrder: [String]

    /// A chainer for sessions of `scenario` judged with `profiles`.
    public init(scenario: Scenario, profiles: [Role: Profile]) throws {
        self.scenario = scenario
        self.profiles = profiles
        scenarioJSON = try CanonicalJSON.bytes(scenario)
        profilesJSON = try CanonicalJSON.bytes(Dictionary(uniqueKeysWithValues: profiles.map { ($0.key.rawValue, $0.value) }))
        issueOrder = scenario.issues.map(\.name).sorted(by: CanonicalJSON.precedes)
    }

    /// The session as a hash chain: the header (with profiles), every event, then the settlement.
    public func chain(_ record: SessionRecord) throws -> PackedChain {
        let header = record.transcript.header
        let headerJSON: [UInt8]
        if header.scenario == scenario {
            // ChainedHeader's keys in canonical order: header, profiles; Transcript.Header's: buyer, scenario,
            // seed, seller, sessionID, startedAt.
            var json: [UInt8] = []
            json.reserveCapacity(scenarioJSON.count + profilesJSON.count + 256)
            json += #"{"header":{"buyer":"#.utf8
            json += try CanonicalJSON.bytes(header.buyer)
            json += #","scenario":"#.utf8
            json += scenarioJSON
            json += #","seed":"#.utf8
            json += String(header.seed).utf8
            json += #","seller":"#.utf8
            json += try CanonicalJSON.bytes(header.seller)
            json += #","sessionID":"#.utf8
            CanonicalJSON.writeString(header.sessionID.rawValue, into: &json)
            json += #","startedAt":"#.utf8
            json += try CanonicalJSON.bytes(header.startedAt)
            json += #"},"profiles":"#.utf8
            json += profilesJSON
            json.append(UInt8(ascii: "}"))
            headerJSON = json
        } else {
            headerJSON = try CanonicalJSON.bytes(ChainedHeader(header: header, profiles: profiles))
        }
        var chain = PackedChain()
        chain.append { $0 += headerJSON }
        let order = header.scenario == scenario ? issueOrder : header.scenario.issues.map(\.name).sorted(by: CanonicalJSON.precedes)
        for entry in record.transcript.entries {
            chain.append { entry.writeCanonical(into: &$0, issueOrder: order) }
        }
        let settlement = try CanonicalJSON.bytes(record.settlement)
        chain.append { $0 += settlement }
        return chain
    }
}

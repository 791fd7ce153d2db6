import Foundation
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
    private let issueOrder: CanonicalIssueOrder

    /// A chainer for sessions of `scenario` judged with `profiles`.
    public init(scenario: Scenario, profiles: [Role: Profile]) throws {
        self.scenario = scenario
        self.profiles = profiles
        scenarioJSON = try CanonicalJSON.bytes(scenario)
        profilesJSON = try CanonicalJSON.bytes(Dictionary(uniqueKeysWithValues: profiles.map { ($0.key.rawValue, $0.value) }))
        issueOrder = CanonicalIssueOrder(issues: scenario.issues)
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
            header.buyer.writeCanonical(into: &json)
            json += #","scenario":"#.utf8
            json += scenarioJSON
            json += #","seed":"#.utf8
            CanonicalJSON.writeDigits(of: header.seed, into: &json)
            json += #","seller":"#.utf8
            header.seller.writeCanonical(into: &json)
            json += #","sessionID":"#.utf8
            CanonicalJSON.writeString(header.sessionID.rawValue, into: &json)
            json += #","startedAt":"#.utf8
            CanonicalJSON.writeString(header.startedAt.formatted(.iso8601), into: &json)
            json += #"},"profiles":"#.utf8
            json += profilesJSON
            json.append(UInt8(ascii: "}"))
            headerJSON = json
        } else {
            headerJSON = try CanonicalJSON.bytes(ChainedHeader(header: header, profiles: profiles))
        }
        var chain = PackedChain()
        let entries = record.transcript.entries
        // About 130 bytes per offer on the example scenarios, 1 KB for the settlement.
        chain.reserveCapacity(bytes: headerJSON.count + 160 * entries.count + 1024, links: entries.count + 2)
        chain.append { $0 += headerJSON }
        let order = header.scenario == scenario ? issueOrder : CanonicalIssueOrder(issues: header.scenario.issues)
        for entry in entries {
            chain.append { entry.writeCanonical(into: &$0, issueOrder: order) }
        }
        if record.settlement.hasFiniteNumbers {
            chain.append { record.settlement.writeCanonical(into: &$0, issueOrder: order) }
        } else {
            let settlement = try CanonicalJSON.bytes(record.settlement)
            chain.append { $0 += settlement }
        }
        return chain
    }
}

extension AgentDescriptor {
    /// Keys: spec, strategy.
    fileprivate func writeCanonical(into output: inout [UInt8]) {
        var object = CanonicalObject(&output)
        object.string("spec", spec, &output)
        object.string("strategy", strategy, &output)
        object.close(&output)
    }
}

public import ParleyAnalysis
import ParleyAgents
public import ParleyProtocol

/// What the arbiter needs to run one session, besides the two agents.
public struct SessionSetup: Sendable {
    /// The session's identifier.
    public var id: SessionID
    /// The scenario.
    public var scenario: Scenario
    /// How the buyer's agent is described in the transcript.
    public var buyer: AgentDescriptor
    /// How the seller's agent is described in the transcript.
    public var seller: AgentDescriptor
    /// The seed the agents' randomness derives from, recorded for replay.
    public var seed: UInt64
    /// Both sides' utilities over the outcome space, for the settlement analysis; `nil` skips the analysis.
    public var landscape: OutcomeLandscape?

    /// Creates a setup.
    public init(id: SessionID, scenario: Scenario, buyer: AgentDescriptor, seller: AgentDescriptor, seed: UInt64, landscape: OutcomeLandscape?) {
        self.id = id
        self.scenario = scenario
        self.buyer = buyer
        self.seller = seller
        self.seed = seed
        self.landscape = landscape
    }
}

extension SessionID {
    /// A session identifier fixed by the seed, the scenario and the agents, so a replay gets the same one.
    public static func derived(seed: UInt64, scenario: String, buyer: String, seller: String) -> SessionID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(seed)|\(scenario)|\(buyer)|\(seller)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return SessionID(rawValue: "s-" + String(repeating: "0", count: 16 - hex.count) + hex)
    }
}

extension OutcomeLandscape {
    /// The landscape of a scenario file with both profiles; throws when the file lacks one.
    public init(file: ScenarioFile) throws {
        guard let buyer = file.profile(for: .buyer) else { throw SessionSetupError.missingProfile(.buyer) }
        guard let seller = file.profile(for: .seller) else { throw SessionSetupError.missingProfile(.seller) }
        try self.init(scenario: file.scenario, buyer: buyer, seller: seller)
    }
}

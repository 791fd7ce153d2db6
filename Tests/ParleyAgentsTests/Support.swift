import Foundation
import ParleyAgents
import ParleyProtocol

/// Loads example scenarios and drives strategies through synthetic turns.
enum Support {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenarioFile(_ name: String) throws -> ScenarioFile {
        try WireCodec().decode(ScenarioFile.self, from: Data(contentsOf: repository.appendingPathComponent("Examples/Scenarios/\(name).json")))
    }

    static func context(_ file: ScenarioFile, _ role: Role, seed: UInt64 = 7, cache: BiddingIndexCache = BiddingIndexCache()) throws -> AgentContext {
        try AgentContext(scenario: file.scenario, role: role, profile: file.profiles[role]!, seed: seed, indexes: cache)
    }

    /// A view of `role`'s turn `turn` in which the opponent's last action offered `offer`.
    static func view(_ file: ScenarioFile, _ role: Role, turn: Int, offer: Terms?) -> TurnView {
        var history: [TranscriptEntry] = []
        if let offer {
            history.append(TranscriptEntry(turn: turn - 1, round: (turn - 2) / 2 + 1, by: role.opponent, action: .offer(offer), elapsed: 0))
        }
        return TurnView(scenario: file.scenario, role: role, turn: turn, history: history, elapsed: .zero)
    }
}

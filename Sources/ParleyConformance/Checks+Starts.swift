import Foundation
import ParleyHTTPClient
import ParleyProtocol

extension Checks {
    /// Starts the server must refuse, and a body over the size limit.
    func starts(card: AgentCard, _ checklist: inout Checklist) async {
        let role: Role = card.roles.contains(.buyer) ? .buyer : .seller
        let file = ReferenceScenarios.reference
        let start = SessionStart(
            sessionID: SessionID(rawValue: sessionID("refused")), scenario: file.scenario, role: role, profile: file.profile(for: role),
            seed: configuration.seed
        )
        await checklist.check("a start with an invalid scenario (min above max) answers 422 invalid_scenario") {
            var message = start
            if case .money(let currency, let range) = message.scenario.issues[0].domain {
                message.scenario.issues[0].domain = .money(currency, SteppedRange(min: range.max, max: range.min, step: range.step))
            }
            try probe.expect(.invalidScenario, from: try await probe.send(.post, AgentAPI.sessions, message: message))
        }
        let noProfile = "a start without the profile answers 422 invalid_profile"
        let badWeights = "a start whose weights do not sum to 1 answers 422 invalid_profile"
        if card.needsProfile {
            await checklist.check(noProfile) {
                var message = start
                message.profile = nil
                try probe.expect(.invalidProfile, path: "$.profile", from: try await probe.send(.post, AgentAPI.sessions, message: message))
            }
            await checklist.check(badWeights) {
                var message = start
                for name in message.profile?.issues.keys.sorted() ?? [] { message.profile?.issues[name]?.weight = 0.9 }
                try probe.expect(.invalidProfile, from: try await probe.send(.post, AgentAPI.sessions, message: message))
            }
        } else {
            checklist.skip(noProfile, because: "the card says the agent needs no profile")
            checklist.skip(badWeights, because: "the card says the agent needs no profile")
        }
        if let other = Role.allCases.first(where: { !card.roles.contains($0) }) {
            await checklist.check("a start as the \(other), which the card does not list, answers 422 unsupported_role") {
                var message = start
                message.role = other
                message.profile = file.profile(for: other)
                try probe.expect(.unsupportedRole, path: "$.role", from: try await probe.send(.post, AgentAPI.sessions, message: message))
            }
        } else {
            checklist.skip("a start as a role the agent does not play answers 422 unsupported_role", because: "the card lists both roles")
        }
        await checklist.check("a body over 16 MiB answers 413 body_too_large") {
            let body = Data(repeating: UInt8(ascii: " "), count: ConformanceSuite.oversizedBodyBytes)
            try probe.expect(.bodyTooLarge, from: try await probe.send(.post, AgentAPI.sessions, body: body, valid: false))
        }
        // Nothing above may have opened a session; drop the id in case a server wrongly did.
        _ = try? await probe.send(.delete, AgentAPI.session(start.sessionID))
    }
}

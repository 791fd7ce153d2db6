import Foundation
import Logging
import ParleyHTTPClient
import ParleyAgents
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyRemote

/// The suite's checks, in the order they run.
struct Checks {
    let configuration: ConformanceSuite.Configuration
    let probe: ConformanceProbe
    let logger: Logger

    /// A session id of this run.
    func sessionID(_ name: String) -> String { "\(configuration.runID)-\(name)" }

    /// Health, an unknown path, and the token.
    func basics(_ checklist: inout Checklist) async {
        await checklist.check("GET /health answers 200 {status: ok}, without a token") {
            let health = try probe.expect(Health.self, status: 200, from: try await probe.send(.get, AgentAPI.health, token: ""))
            guard health.status == "ok" else { throw ConformanceFailure("status is '\(health.status)', not 'ok'") }
        }
        await checklist.check("an unknown path answers 404 not_found") {
            try probe.expect(.notFound, from: try await probe.send(.get, "/v1/no-such-path"))
        }
        let unauthorized = "GET /v1/agent without the token answers 401 unauthorized"
        let wrongToken = "GET /v1/agent with a wrong token answers 401 unauthorized"
        if let token = configuration.token {
            await checklist.check(unauthorized) { try probe.expect(.unauthorized, from: try await probe.send(.get, AgentAPI.card, token: "")) }
            await checklist.check(wrongToken) { try probe.expect(.unauthorized, from: try await probe.send(.get, AgentAPI.card, token: token + "-wrong")) }
        } else {
            checklist.skip(unauthorized, because: "no --token given")
            checklist.skip(wrongToken, because: "no --token given")
        }
    }

    /// The agent card.
    func card(_ checklist: inout Checklist) async -> AgentCard? {
        await checklist.check("GET /v1/agent answers a card that speaks parley/1 and plays a role") {
            let card = try probe.expect(AgentCard.self, status: 200, from: try await probe.send(.get, AgentAPI.card))
            guard card.protocols.contains(.current) else { throw ConformanceFailure("the card lists \(card.protocols), not parley/1") }
            guard !card.roles.isEmpty else { throw ConformanceFailure("the card lists no roles") }
            return card
        }
    }

    /// Whole sessions through the arbiter, one per scenario and role: the agent must never fail, break a rule or time out.
    func wholeSessions(card: AgentCard, _ checklist: inout Checklist) async {
        let arbiter = Arbiter(clock: ContinuousClock(), logger: logger)
        for (number, file) in configuration.scenarios.enumerated() {
            for role in Role.allCases where card.roles.contains(role) {
                await checklist.check("plays a whole session as \(role) on \(file.scenario.id) against \(configuration.opponent)") {
                    let remote = RemoteSource(transport: try AgentEndpoint(url: probe.baseURL, token: configuration.token, client: probe.client))
                    let opponent = try StrategySource(configuration.opponent)
                    let (buyer, seller): (any AgentSource, any AgentSource) = role == .buyer ? (remote, opponent) : (opponent, remote)
                    let match = Match(file: file, buyer: buyer, seller: seller, seed: configuration.seed, id: SessionID(rawValue: sessionID("whole\(number)")))
                    let record = try await arbiter.play(match)
                    switch record.settlement.outcome {
                    case .failure(role, let error): throw ConformanceFailure("the session failed: \(error)")
                    case .violation(role, let code): throw ConformanceFailure("the agent broke a rule (\(code)) on turn \(record.settlement.turns)")
                    case .turnTimeout(role): throw ConformanceFailure("the agent timed out on turn \(record.settlement.turns)")
                    default: break
                    }
                }
            }
        }
    }
}

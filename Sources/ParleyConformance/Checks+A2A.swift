import Foundation
import Logging
import ParleyAgents
import ParleyArbiter
import ParleyHTTPClient
import ParleyProtocol
import ParleyRecords
import ParleyRemote

/// The checks of an A2A agent that declares Parley's negotiation extension (`Protocols/Spec/a2a-binding.md`), run when
/// the suite is given `a2a+http://…`: the card, whole sessions through the arbiter over A2A, a repeated turn, and the
/// binding's errors.
struct A2AChecks {
    let configuration: ConformanceSuite.Configuration
    let endpoint: A2AEndpoint
    let client: HTTPClient
    let logger: Logger

    func run(_ checklist: inout Checklist) async {
        guard let card = await checklist.check("GET /.well-known/agent-card.json answers an A2A 1.0 card with a JSON-RPC interface and the Parley extension", {
            try await endpoint.a2aCard()
        }) else { return }
        let required = card.card.capabilities.extensions.first { $0.uri == A2ABinding.extensionURI }?.required == true
        await checklist.check("the card marks the Parley extension required") {
            guard required else { throw ConformanceFailure("the extension is declared but not required") }
        }
        let rpc = card.endpoint
        if configuration.token != nil {
            await checklist.check("a JSON-RPC request without the token answers 401") {
                let answer = try await client.send(HTTPRequest(
                    method: .post, url: rpc, headers: [HTTPHeaderField(name: "A2A-Version", value: A2ABinding.protocolVersion)],
                    body: Data(#"{"jsonrpc":"2.0","id":1,"method":"GetTask","params":{"id":"x"}}"#.utf8)
                ))
                guard answer.status == 401 else { throw ConformanceFailure("answered \(answer.status)") }
            }
        }
        await wholeSessions(&checklist)
        await repeatedTurn(&checklist)
        await errors(rpc: rpc, &checklist)
    }

    /// Whole sessions through the arbiter over A2A, in both roles: the agent must never fail, break a rule or time out.
    private func wholeSessions(_ checklist: inout Checklist) async {
        let arbiter = Arbiter(clock: ContinuousClock(), logger: logger)
        for (number, file) in configuration.scenarios.enumerated() {
            for role in Role.allCases {
                await checklist.check("plays a whole session over A2A as \(role) on \(file.scenario.id) against \(configuration.opponent)") {
                    let remote = RemoteSource(transport: endpoint)
                    let opponent = try StrategySource(configuration.opponent)
                    let (buyer, seller): (any AgentSource, any AgentSource) = role == .buyer ? (remote, opponent) : (opponent, remote)
                    let id = SessionID(rawValue: "\(configuration.runID)-a2a-whole\(number)-\(role)")
                    let record = try await arbiter.play(Match(file: file, buyer: buyer, seller: seller, seed: configuration.seed, id: id))
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

    /// A task started by hand: its first turn asked twice must be answered the same, and another key must find nothing.
    private func repeatedTurn(_ checklist: inout Checklist) async {
        let file = ReferenceScenarios.reference
        let id = SessionID(rawValue: "\(configuration.runID)-a2a-repeat")
        let start = SessionStart(sessionID: id, scenario: file.scenario, role: .seller, profile: file.profile(for: .seller), seed: configuration.seed)
        guard let started = await checklist.check("a session's start creates a task waiting for input, whose status carries the session key", {
            let started = try await endpoint.startSession(start, timeout: .seconds(30))
            guard started.sessionKey != nil else { throw ConformanceFailure("no session key") }
            return started
        }) else { return }
        let first = file.scenario.issues.map { ($0.name, $0.domain.value(at: 0)) }
        let turn = TurnRequest(sessionID: id, turn: 2, opponentAction: .offer(Terms(Dictionary(uniqueKeysWithValues: first))), elapsed: 0.1, round: 1)
        await checklist.check("a turn asked twice in its task is answered the same") {
            let one = try await endpoint.requestTurn(turn, key: started.sessionKey, timeout: .seconds(30))
            let two = try await endpoint.requestTurn(turn, key: started.sessionKey, timeout: .seconds(30))
            guard one == two else { throw ConformanceFailure("\(one.action) the first time, \(two.action) the second") }
        }
        await checklist.check("a message with another session key finds no task (-32001)") {
            var lines = (started.sessionKey ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[lines.count - 1] = "not-the-key"
            do {
                _ = try await endpoint.requestTurn(turn, key: lines.joined(separator: "\n"), timeout: .seconds(30))
                throw ConformanceFailure("it was answered")
            } catch let error as RemoteAgentError {
                guard error.status == -32001 else { throw ConformanceFailure("answered \(error)") }
            }
        }
        await checklist.check("the outcome ends the task") {
            try await endpoint.reportOutcome(OutcomeNotice(sessionID: id, outcome: .walkAway(by: .buyer, reason: nil)), key: started.sessionKey, timeout: .seconds(30))
        }
    }

    /// The binding's errors, each a JSON-RPC error with its code (and, for Parley's own errors, Parley's code in `data`).
    private func errors(rpc: String, _ checklist: inout Checklist) async {
        func call(_ body: String, headers: [HTTPHeaderField] = []) async throws -> A2AError {
            let answer = try await client.send(HTTPRequest(
                method: .post, url: rpc,
                headers: HTTPHeaderField.bearer(configuration.token) + [
                    HTTPHeaderField(name: "Content-Type", value: "application/json"), HTTPHeaderField(name: "A2A-Version", value: A2ABinding.protocolVersion),
                ] + headers,
                body: Data(body.utf8)
            ))
            guard let error = (try? JSONDecoder().decode(A2AResponse.self, from: answer.body))?.error else {
                throw ConformanceFailure("answered \(answer.status) without a JSON-RPC error: \(String(decoding: answer.body.prefix(200), as: UTF8.self))")
            }
            return error
        }
        func expect(_ name: String, _ code: Int, parley: String? = nil, _ body: String, headers: [HTTPHeaderField] = []) async {
            await checklist.check(name) {
                let error = try await call(body, headers: headers)
                guard error.code == code else { throw ConformanceFailure("answered \(error.code) \(error.message)") }
                if let parley, error.parleyCode != parley { throw ConformanceFailure("data.code is \(error.parleyCode ?? "absent"), not \(parley)") }
            }
        }
        let file = ReferenceScenarios.reference
        var invalid = SessionStart(sessionID: SessionID(rawValue: "\(configuration.runID)-a2a-invalid"), scenario: file.scenario, role: .buyer, profile: file.profile(for: .buyer))
        invalid.scenario.issues = []
        let invalidPart = (try? A2ABinding.part(invalid, mediaType: A2ABinding.MediaType.sessionStart)).flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let message = { (part: String, extensions: String) in
            #"{"jsonrpc":"2.0","id":"c","method":"SendMessage","params":{"message":{"messageId":"m-\#(UUID().uuidString)","role":"ROLE_USER","parts":[\#(part)]\#(extensions)}}}"#
        }
        let named = #","extensions":["\#(A2ABinding.extensionURI)"]"#
        await expect("an invalid session start answers -32602 with data.code invalid_scenario", -32602, parley: "invalid_scenario", message(invalidPart, named))
        await expect("a message that does not name the extension answers -32008", -32008, message(invalidPart, ""))
        await expect("GetTask of an unknown task answers -32001", -32001, #"{"jsonrpc":"2.0","id":"c","method":"GetTask","params":{"id":"no-such-task"}}"#)
        await expect("an unknown method answers -32601", -32601, #"{"jsonrpc":"2.0","id":"c","method":"NoSuchMethod","params":{}}"#)
        await expect("a body that is not JSON answers -32700", -32700, "{not json")
    }
}

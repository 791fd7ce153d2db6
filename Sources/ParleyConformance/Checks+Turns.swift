import Foundation
import ParleyHTTPClient
import ParleyProtocol

extension Checks {
    /// One session played by hand on the reference scenario: starts, idempotent turns, and every turn error.
    func scriptedSession(card: AgentCard, _ checklist: inout Checklist) async {
        let role: Role = card.roles.contains(.buyer) ? .buyer : .seller
        var session = ScriptedSession(probe: probe, id: sessionID("turns"), role: role, file: ReferenceScenarios.reference, seed: configuration.seed)
        _ = try? await probe.send(.delete, AgentAPI.session(session.id))  // left over from an interrupted run
        guard await checklist.check("POST /v1/sessions starts a session: 201 SessionStarted", { try await session.begin() }) != nil else { return }
        await checklist.check("a repeated start is answered 200 and changes nothing") {
            _ = try probe.expect(SessionStarted.self, status: 200, from: try await probe.send(.post, AgentAPI.sessions, message: session.start))
        }
        await checklist.check("a different start for an open session answers 409 session_exists") {
            var other = session.start
            other.seed = (other.seed ?? 0) &+ 1
            try probe.expect(.sessionExists, from: try await probe.send(.post, AgentAPI.sessions, message: other))
        }
        let first = session.nextRequest
        guard let reply = await checklist.check("the agent's first turn is an action within the rules", { try await session.play() }) else { return }
        await checklist.check("a repeated turn gets the same reply") {
            let again = try probe.expect(TurnReply.self, status: 200, from: try await probe.send(.post, AgentAPI.turn(session.id, first.turn), message: first))
            guard again == reply else { throw ConformanceFailure("the repeat answered \(again.action.typeName) \(again.action.offeredTerms?.description ?? ""), first \(reply.action.typeName) \(reply.action.offeredTerms?.description ?? "")") }
        }
        guard session.rules.outcome == nil else {
            checklist.skip("turn errors", because: "the agent ended the session on its first turn (\(reply.action.typeName))")
            return
        }
        await turnErrors(session, &checklist)
        if role == .buyer {
            for message in InvalidMessage.catalog(session: session.id, scenario: session.start.scenario) {
                await checklist.check("invalid message (\(message.name)) answers \(message.status) \(message.code)") {
                    let path = message.kind == .sessionStart ? AgentAPI.sessions : AgentAPI.turn(session.id, 3)
                    try probe.expect(message.code, path: message.path, from: try await probe.send(.post, path, body: message.body, valid: false))
                }
            }
        } else {
            checklist.skip("invalid messages", because: "they are written for a buyer's turn 3, and this agent does not play the buyer")
        }
        await laterTurns(&session, &checklist)
    }

    /// Requests for the agent's next turn that are wrong in one way each; the session must go on unharmed.
    private func turnErrors(_ session: ScriptedSession, _ checklist: inout Checklist) async {
        let next = session.nextRequest
        // Always to the scripted session's path: only the body varies.
        func send(_ request: TurnRequest) async throws -> HTTPResponse {
            try await probe.send(.post, AgentAPI.turn(session.id, request.turn), message: request)
        }
        await checklist.check("a turn that is not the agent's next answers 409 turn_mismatch") {
            var request = next
            request.turn += 2
            try probe.expect(.turnMismatch, path: "$.turn", from: try await send(request))
        }
        await checklist.check("a turn of the other side answers 409 out_of_turn") {
            var request = next
            request.turn += 1
            try probe.expect(.outOfTurn, path: "$.turn", from: try await send(request))
        }
        await checklist.check("a turn without the opponent's action answers 422 invalid_opponent_action") {
            var request = next
            request.opponentAction = nil
            try probe.expect(.invalidOpponentAction, path: "$.opponentAction", from: try await send(request))
        }
        await checklist.check("an opponent offer outside the domain answers 422 invalid_opponent_action") {
            var request = next
            var terms = session.opponentOffer(variant: 0).offeredTerms ?? Terms()
            if let issue = session.start.scenario.issues.first { terms[issue.name] = .integer(-1) }
            request.opponentAction = .offer(terms)
            try probe.expect(.invalidOpponentAction, path: "$.opponentAction", from: try await send(request))
        }
        await checklist.check("a body naming another session than the path answers 422 session_mismatch") {
            var request = next
            request.sessionID = SessionID(rawValue: session.id.rawValue + "-other")
            try probe.expect(.sessionMismatch, path: "$.sessionID", from: try await send(request))
        }
        await checklist.check("a body naming another turn than the path answers 422 session_mismatch") {
            var request = next
            request.turn += 2
            let body = try WireCodec().encode(WireMessage(request))
            try probe.expect(.sessionMismatch, path: "$.turn", from: try await probe.send(.post, AgentAPI.turn(session.id, next.turn), body: body))
        }
        await checklist.check("a turn for an unknown session answers 404 unknown_session") {
            var request = next
            request.sessionID = SessionID(rawValue: sessionID("never-started"))
            try probe.expect(.unknownSession, from: try await probe.send(.post, AgentAPI.turn(request.sessionID, request.turn), message: request))
        }
        let withoutKey = "a turn without the session's key answers 404 unknown_session, as for another client's session"
        if probe.key(for: session.id) != nil {
            await checklist.check(withoutKey) {
                let body = try WireCodec().encode(WireMessage(next))
                try probe.expect(.unknownSession, from: try await probe.send(.post, AgentAPI.turn(session.id, next.turn), body: body, withKey: false))
            }
        } else {
            checklist.skip(withoutKey, because: "the server issues no session keys")
        }
    }

    /// The agent's second turn, a conflicting repeat, the outcome, and the drop.
    private func laterTurns(_ session: inout ScriptedSession, _ checklist: inout Checklist) async {
        let second = session.nextRequest
        guard await checklist.check("the agent answers the opponent's offer with an action within the rules", { try await session.play() }) != nil else { return }
        await checklist.check("a repeated turn with another opponent action answers 409 turn_conflict") {
            var request = second
            request.opponentAction = session.opponentOffer(variant: 1)
            try probe.expect(.turnConflict, from: try await probe.send(.post, AgentAPI.turn(session.id, request.turn), message: request))
        }
        let outcome = OutcomeNotice(sessionID: session.id, outcome: .walkAway(by: session.role.opponent, reason: "conformance check"))
        await checklist.check("POST …/outcome answers 204") {
            try probe.expect(status: 204, from: try await probe.send(.post, AgentAPI.outcome(session.id), message: outcome))
        }
        await checklist.check("a turn after the outcome answers 409 session_ended") {
            let request = session.nextRequest
            try probe.expect(.sessionEnded, from: try await probe.send(.post, AgentAPI.turn(session.id, request.turn), message: request))
        }
        await checklist.check("DELETE /v1/sessions/{id} answers 204, and the session is then unknown") {
            try probe.expect(status: 204, from: try await probe.send(.delete, AgentAPI.session(session.id)))
            try probe.expect(.unknownSession, from: try await probe.send(.delete, AgentAPI.session(session.id)))
        }
    }
}

import ParleyAgents
import ParleyProtocol

/// The agent API's behaviour, apart from any carrier: starting sessions, answering turns, taking outcomes and
/// deletes, each with the API's errors. The HTTP routes and the in-process transport both call it, so an agent
/// behaves the same however it is reached.
struct AgentService<C: Clock>: Sendable where C.Duration == Duration {
    /// The agent served.
    let agent: any AgentSource
    /// The card `GET /v1/agent` answers.
    let card: AgentCard
    /// The sessions held.
    let sessions: SessionTable<C>
    /// The largest outcome space a session may have here.
    let maximumOutcomes: Int

    init(agent: any AgentSource, sessions: SessionTable<C>, maximumOutcomes: Int) {
        self.agent = agent
        self.card = AgentCard(name: agent.descriptor.spec, strategy: agent.descriptor.strategy, needsProfile: agent.needsProfile)
        self.sessions = sessions
        self.maximumOutcomes = maximumOutcomes
    }

    /// Starts a session, or recognizes a repeated start; returns the session's key and whether it is new.
    ///
    /// The session's strategy is built on the global concurrent executor, off the connection's event loop and
    /// outside the session table, so an expensive start (a large outcome space to index) delays no other request.
    func start(_ message: SessionStart) async throws(APIError) -> (key: String, isNew: Bool) {
        if case .repeated(let key) = try await sessions.admit(message) { return (key, false) }
        let built = await withTaskExecutorPreference(globalConcurrentExecutor) {
            Result { () throws(APIError) in try makeSession(message) }
        }
        return try await sessions.insert(try built.get())
    }

    /// The live session with an id, asked for with its key; 404 when unknown, expired, or the key is not its own.
    func session(_ id: SessionID, key: String?) async throws(APIError) -> ServedSession {
        try await sessions.session(id, key: key)
    }

    /// Answers a turn of a session, asked for session `id` and turn `turn` (the HTTP path's, or the message's own).
    func turn(_ message: TurnRequest, on session: ServedSession, id: SessionID, turn: Int) async throws(APIError) -> TurnReply {
        try Self.check(message.sessionID, matches: id)
        guard message.turn == turn else {
            throw APIError(.sessionMismatch, "the body asks for turn \(message.turn), the path for turn \(turn)", path: "$.turn")
        }
        return try await session.turn(message)
    }

    /// Tells a session how it ended, once, and lets it make room.
    func end(_ notice: OutcomeNotice, on session: ServedSession, id: SessionID) async throws(APIError) {
        try Self.check(notice.sessionID, matches: id)
        await session.end(with: notice.outcome)
        await sessions.markEnded(id)
    }

    /// Drops a session; 404 when unknown or the key is not its own.
    func remove(_ id: SessionID, key: String?) async throws(APIError) {
        try await sessions.remove(id, key: key)
    }

    /// Builds the session's strategy from the start message, or says what is wrong with it.
    private func makeSession(_ message: SessionStart) throws(APIError) -> ServedSession {
        guard AgentAPI.isValidSessionID(message.sessionID) else {
            throw APIError(.invalidField, "a session id is 1 to 128 of A-Z a-z 0-9 . _ -", path: "$.sessionID")
        }
        let problems = message.scenario.validate(at: "$.scenario")
        guard problems.isEmpty else {
            throw APIError(.invalidScenario, "the scenario is invalid: " + problems.prefix(5).map(\.description).joined(separator: "; "), path: problems[0].path)
        }
        if let space = OutcomeSpace(message.scenario), space.count > maximumOutcomes {
            throw APIError(.invalidScenario, "the scenario has \(space.count) outcomes; this server plays at most \(maximumOutcomes)", path: "$.scenario.issues")
        }
        let seat = Seat(
            scenario: message.scenario, role: message.role, profile: message.profile, seed: message.seed ?? Self.seed(for: message.sessionID),
            sessionID: message.sessionID
        )
        if agent.needsProfile {
            guard let profile = message.profile else {
                throw APIError(.invalidProfile, "this agent (\(card.name)) needs its profile in the session start", path: "$.profile")
            }
            // Only paths and codes: a profile's values are private, even in an answer to its own sender.
            let profileProblems = profile.validate(against: message.scenario, at: "$.profile")
            guard profileProblems.isEmpty else {
                throw APIError(
                    .invalidProfile, "the profile does not fit the scenario: " + profileProblems.prefix(5).map { "\($0.path) [\($0.code)]" }.joined(separator: ", "),
                    path: profileProblems[0].path
                )
            }
        }
        do {
            return ServedSession(start: message, strategy: try agent.makeStrategy(for: seat))
        } catch {
            throw APIError(.invalidProfile, "the agent cannot play with this scenario and profile", path: "$.profile")
        }
    }

    /// A seed for a start that brings none: FNV-1a of the session id, so a repeated session draws the same.
    private static func seed(for id: SessionID) -> UInt64 {
        id.rawValue.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    private static func check(_ body: SessionID, matches path: SessionID) throws(APIError) {
        guard body == path else {
            throw APIError(.sessionMismatch, "the body names session \(body), the path \(path)", path: "$.sessionID")
        }
    }
}

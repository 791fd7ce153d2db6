import ParleyAgents
import ParleyLedger
import ParleyProtocol
import ParleyRecords

/// The sessions tools clients are playing: each one's seat, mandate and the task the arbiter plays it in.
actor TakePartSessions {
    /// One session a client plays.
    struct Running: Sendable {
        let seat: ClientSeat
        let role: Role
        let file: ScenarioFile
        let mandate: Mandate
        let opponent: String
        let task: Task<SessionRecord?, Never>
    }

    private var sessions: [String: Running] = [:]
    private var stored: [String: StoredSession] = [:]
    private var counter = 0

    /// Records a new session and returns its handle.
    func add(_ running: Running) -> String {
        counter += 1
        let id = "play-\(counter)"
        sessions[id] = running
        return id
    }

    /// A session by its handle; `unknown_session` when there is none.
    func running(_ id: String) throws -> Running {
        guard let running = sessions[id] else { throw ToolError("unknown_session", "there is no session '\(id.prefix(80))'; start_session returns one") }
        return running
    }

    /// Stores a finished session once, and returns where it is stored.
    func store(_ id: String, _ record: SessionRecord, in store: (any TranscriptStore)?) throws -> StoredSession? {
        if let known = stored[id] { return known }
        guard let store, let running = sessions[id] else { return nil }
        let saved = try store.save(record, profiles: running.file.profiles)
        stored[id] = saved
        return saved
    }
}

import ParleyProtocol

/// The sessions a server holds, bounded in number and expiring when idle.
///
/// A start that repeats a live session's start is recognized (the reply to a retried start); one that reuses the
/// id of a session whose outcome has arrived starts afresh, so a session replayed from its seed plays again.
/// At capacity, sessions whose outcome has arrived make room first; only when every held session is live does
/// a new start get ``APIError/Code/atCapacity``. A session untouched for the idle limit is dropped, checked on
/// every start and every lookup, so memory stays bounded without a timer.
actor SessionTable<C: Clock> where C.Duration == Duration {
    private struct Entry {
        let session: ServedSession
        var lastUsed: C.Instant
        var ended = false
    }

    private var entries: [SessionID: Entry] = [:]
    private let capacity: Int
    private let idleLimit: Duration
    private let clock: C

    init(capacity: Int, idleLimit: Duration, clock: C) {
        self.capacity = capacity
        self.idleLimit = idleLimit
        self.clock = clock
    }

    /// Adds a session built by `make`, or recognizes a repeated start. Returns whether it is new.
    func start(_ message: SessionStart, make: () throws(APIError) -> ServedSession) throws(APIError) -> Bool {
        let now = clock.now
        entries = entries.filter { $0.value.lastUsed.duration(to: now) < idleLimit }
        if let existing = entries[message.sessionID], !existing.ended {
            guard existing.session.start == message else {
                throw APIError(.sessionExists, "a session with the id \(message.sessionID) exists with a different start", path: "$.sessionID")
            }
            entries[message.sessionID]?.lastUsed = now
            return false
        }
        if entries.count >= capacity {
            let ended = entries.filter(\.value.ended).sorted { $0.value.lastUsed < $1.value.lastUsed }
            for (id, _) in ended.prefix(entries.count - capacity + 1) { entries[id] = nil }
        }
        guard entries.count < capacity else {
            throw APIError(.atCapacity, "the server holds \(capacity) live sessions, its limit; retry when one ends")
        }
        entries[message.sessionID] = Entry(session: try make(), lastUsed: now)
        return true
    }

    /// The session with an id, marked as used now; 404 when unknown or expired.
    func session(_ id: SessionID) throws(APIError) -> ServedSession {
        let now = clock.now
        guard let entry = entries[id] else { throw Self.unknown(id) }
        guard entry.lastUsed.duration(to: now) < idleLimit else {
            entries[id] = nil
            throw Self.unknown(id)
        }
        entries[id]?.lastUsed = now
        return entry.session
    }

    /// Marks a session as ended, so it makes room for new ones at capacity.
    func markEnded(_ id: SessionID) {
        entries[id]?.ended = true
    }

    /// Drops a session; 404 when unknown.
    func remove(_ id: SessionID) throws(APIError) {
        guard entries.removeValue(forKey: id) != nil else { throw Self.unknown(id) }
    }

    private static func unknown(_ id: SessionID) -> APIError {
        APIError(.unknownSession, "no session \(id) here: it was never started, was dropped, or expired")
    }
}

import ParleyProtocol

/// The sessions a server holds, bounded in number, expiring when idle, each bound to the client that started it.
///
/// A start that repeats a live session's start is recognized (the reply to a retried start, with the same key);
/// one that reuses the id of a session whose outcome has arrived starts afresh, so a session replayed from its
/// seed plays again. At capacity, sessions whose outcome has arrived make room first; only when every held
/// session is live does a new start get ``APIError/Code/atCapacity``. A session untouched for the idle limit is
/// dropped, checked on every start and every lookup, so memory stays bounded without a timer.
///
/// Every session has a key, an unguessable secret returned with its start; a lookup without the session's key
/// is answered as for a session that does not exist, so another client can neither see nor touch it.
actor SessionTable<C: Clock> where C.Duration == Duration {
    private struct Entry {
        let session: ServedSession
        let key: String
        var lastUsed: C.Instant
        var ended = false
    }

    /// What a start asks for: a session to build, or the one it repeats.
    enum Admission {
        /// The start is new: build its session, then ``insert(_:)`` it.
        case build
        /// The start repeats a live session's; its key.
        case repeated(key: String)
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

    /// Recognizes a repeated start, or checks that a new one fits, making room at capacity.
    func admit(_ message: SessionStart) throws(APIError) -> Admission {
        let now = clock.now
        entries = entries.filter { $0.value.lastUsed.duration(to: now) < idleLimit }
        if let existing = entries[message.sessionID], !existing.ended {
            guard existing.session.start == message else {
                throw APIError(.sessionExists, "a session with the id \(message.sessionID) exists with a different start", path: "$.sessionID")
            }
            entries[message.sessionID]?.lastUsed = now
            return .repeated(key: existing.key)
        }
        if entries.count >= capacity {
            let ended = entries.filter(\.value.ended).sorted { $0.value.lastUsed < $1.value.lastUsed }
            for (id, _) in ended.prefix(entries.count - capacity + 1) { entries[id] = nil }
        }
        guard entries.count < capacity || entries[message.sessionID] != nil else {
            throw APIError(.atCapacity, "the server holds \(capacity) live sessions, its limit; retry when one ends")
        }
        return .build
    }

    /// Adds a session built for an admitted start, with a new key; returns the key and whether the session is
    /// new (a repeat of the same start that was built meanwhile keeps the first one).
    func insert(_ session: ServedSession) throws(APIError) -> (key: String, isNew: Bool) {
        switch try admit(session.start) {
        case .repeated(let key):
            return (key, false)
        case .build:
            let key = Self.newKey()
            entries[session.start.sessionID] = Entry(session: session, key: key, lastUsed: clock.now)
            return (key, true)
        }
    }

    /// The session with an id, marked as used now; 404 when unknown, expired, or asked for without its key.
    func session(_ id: SessionID, key: String?) throws(APIError) -> ServedSession {
        let now = clock.now
        guard let entry = entries[id], entry.key == key else { throw Self.unknown(id) }
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

    /// Drops a session; 404 when unknown or asked for without its key.
    func remove(_ id: SessionID, key: String?) throws(APIError) {
        guard let entry = entries[id], entry.key == key else { throw Self.unknown(id) }
        entries[id] = nil
    }

    /// 128 random bits in hex, from the system's secure generator.
    private static func newKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    private static func unknown(_ id: SessionID) -> APIError {
        APIError(.unknownSession, "no session \(id) here: it was never started, was dropped, expired, or belongs to another client")
    }
}

import Foundation
import ParleyProtocol

/// The A2A tasks a server holds: each task's session, key, context and latest state, so that `GetTask` and
/// `CancelTask` can answer and a repeated start finds its task again.
///
/// Bounded: when it holds `capacity` tasks, the oldest ended ones are dropped first (a session's own state lives in
/// the session table, which has its own bound and idle limit).
actor A2ATaskBook {
    /// What is kept about a task.
    struct Entry: Sendable {
        /// The session the task negotiates.
        var session: SessionID
        /// The session's key, which every later message of the task must carry.
        var key: String
        /// The task as last answered.
        var task: A2ATask
        /// When it was created, for dropping the oldest.
        var order: Int
    }

    private var entries: [String: Entry] = [:]
    private var bySession: [SessionID: String] = [:]
    private var counter = 0
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The task of a session already started with this key, if any.
    func task(forSession session: SessionID, key: String) -> A2ATask? {
        guard let id = bySession[session], let entry = entries[id], entry.key == key else { return nil }
        return entry.task
    }

    /// Records a new task.
    func insert(_ task: A2ATask, session: SessionID, key: String) {
        if entries.count >= capacity { dropOldest() }
        counter += 1
        entries[task.id] = Entry(session: session, key: key, task: task, order: counter)
        bySession[session] = task.id
    }

    /// A task's entry; `nil` when unknown.
    func entry(_ id: String) -> Entry? { entries[id] }

    /// Replaces a task's latest state.
    func update(_ task: A2ATask) {
        entries[task.id]?.task = task
    }

    /// Drops the oldest ended task, or the oldest of all when none has ended.
    private func dropOldest() {
        let ended = entries.values.filter { A2ATaskState.isTerminal($0.task.status.state) }
        guard let oldest = (ended.isEmpty ? Array(entries.values) : ended).min(by: { $0.order < $1.order }) else { return }
        entries[oldest.task.id] = nil
        if bySession[oldest.session] == oldest.task.id { bySession[oldest.session] = nil }
    }
}

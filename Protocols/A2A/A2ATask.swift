/// An A2A 1.0 task (`Task` in `a2a.proto`): one Parley negotiation session, from its start to its outcome.
public struct A2ATask: Sendable, Hashable, Codable {
    /// The task's identifier.
    public var id: String
    /// The conversation it belongs to.
    public var contextId: String
    /// Where it stands.
    public var status: A2ATaskStatus
    /// What it produced: for a session that ended in agreement, the agreement.
    public var artifacts: [A2AArtifact]?
    /// Extra fields.
    public var metadata: [String: JSONValue]?

    /// A task.
    public init(id: String, contextId: String, status: A2ATaskStatus, artifacts: [A2AArtifact]? = nil, metadata: [String: JSONValue]? = nil) {
        self.id = id
        self.contextId = contextId
        self.status = status
        self.artifacts = artifacts
        self.metadata = metadata
    }
}

/// Where a task stands, with the agent's latest message.
public struct A2ATaskStatus: Sendable, Hashable, Codable {
    /// The state: one of ``A2ATaskState``'s values.
    public var state: String
    /// The agent's message with the state (a turn's reply, an outcome).
    public var message: A2AMessage?
    /// When the state was set, ISO 8601 in UTC.
    public var timestamp: String?

    /// A status.
    public init(state: String, message: A2AMessage? = nil, timestamp: String? = nil) {
        self.state = state
        self.message = message
        self.timestamp = timestamp
    }
}

/// The task states of A2A 1.0 that Parley uses, as their JSON names.
public enum A2ATaskState {
    /// Waiting for the other side: the session is open.
    public static let inputRequired = "TASK_STATE_INPUT_REQUIRED"
    /// Ended in agreement (terminal).
    public static let completed = "TASK_STATE_COMPLETED"
    /// Ended without agreement: a walk-away or the deadline (terminal).
    public static let rejected = "TASK_STATE_REJECTED"
    /// Ended by a fault: a rule violation, a failure or a time-out (terminal).
    public static let failed = "TASK_STATE_FAILED"
    /// Ended by the client (terminal).
    public static let canceled = "TASK_STATE_CANCELED"

    /// Whether a state is terminal.
    public static func isTerminal(_ state: String) -> Bool {
        [completed, rejected, failed, canceled].contains(state)
    }
}

/// Something a task produced.
public struct A2AArtifact: Sendable, Hashable, Codable {
    /// The artifact's identifier.
    public var artifactId: String
    /// Its name.
    public var name: String?
    /// Its content.
    public var parts: [A2APart]

    /// An artifact.
    public init(artifactId: String, name: String?, parts: [A2APart]) {
        self.artifactId = artifactId
        self.name = name
        self.parts = parts
    }
}

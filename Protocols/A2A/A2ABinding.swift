import Foundation

/// Parley's negotiation extension of A2A 1.0: how the agent API's messages travel as A2A messages
/// (`Protocols/Spec/a2a-binding.md`).
///
/// A negotiation session is one A2A task in one context. The client (the arbiter, or any A2A client) sends each of
/// the agent API's messages — the session's start, each turn's request, the outcome — as the one `data` part of a
/// `SendMessage`, with that message's Parley JSON as the data and its media type; the agent answers with the task,
/// whose status message carries the agent API's answer the same way. While the session is open the task waits in
/// `TASK_STATE_INPUT_REQUIRED`; its outcome makes it terminal: an agreement `TASK_STATE_COMPLETED` with the agreement
/// as an artifact, a walk-away or the deadline `TASK_STATE_REJECTED`, a violation, failure or time-out
/// `TASK_STATE_FAILED`; `CancelTask` drops the session (`TASK_STATE_CANCELED`).
public enum A2ABinding {
    /// The A2A version spoken.
    public static let protocolVersion = "1.0"
    /// The extension's URI, declared (required) in the agent card and named in every message.
    public static let extensionURI = "urn:parley:a2a:negotiation:v1"
    /// The JSON-RPC endpoint's path.
    public static let path = "/a2a"
    /// Where the agent card is served.
    public static let cardPath = "/.well-known/agent-card.json"
    /// The message metadata field that carries a session's key, from the start's answer on.
    public static let sessionKeyField = "parleySessionKey"

    /// The media types of the agent API's messages in `data` parts.
    public enum MediaType {
        /// ``SessionStart``, client to agent.
        public static let sessionStart = "application/vnd.parley.session-start+json"
        /// ``SessionStarted``, agent to client.
        public static let sessionStarted = "application/vnd.parley.session-started+json"
        /// ``TurnRequest``, client to agent.
        public static let turnRequest = "application/vnd.parley.turn-request+json"
        /// ``TurnReply``, agent to client.
        public static let turnReply = "application/vnd.parley.turn-reply+json"
        /// ``OutcomeNotice``, both ways: the client reports it, the terminal task repeats it.
        public static let outcome = "application/vnd.parley.outcome+json"
        /// An ``Agreement``, the artifact of a session that ended in one.
        public static let agreement = "application/vnd.parley.agreement+json"
    }

    /// A message from the client, read from its data part.
    public enum Inbound: Sendable, Hashable {
        /// Start a session (the first message of a task).
        case start(SessionStart)
        /// Answer a turn.
        case turn(TurnRequest)
        /// The session ended.
        case outcome(OutcomeNotice)
    }

    /// A data part carrying a Parley message, as the agent API writes it (with `"protocol": "parley/1"`), or, unwrapped,
    /// a value as it is (an agreement artifact).
    public static func part(_ message: some Codable & Sendable & Hashable, mediaType: String, wrapped: Bool = true) throws -> A2APart {
        let data = try wrapped ? WireCodec().encode(WireMessage(message)) : WireCodec().encode(message)
        return A2APart(data: try JSONDecoder().decode(JSONValue.self, from: data), mediaType: mediaType)
    }

    /// The Parley message a data part carries, decoded as strictly as the agent API decodes its bodies.
    public static func decode<Body: Codable & Sendable & Hashable>(_ type: Body.Type, from part: A2APart) throws(WireError) -> Body {
        guard let data = part.data else { throw WireError(.missingField, path: "$.parts[0].data", message: "the part carries no data") }
        let bytes: Data
        do {
            bytes = try JSONEncoder().encode(data)
        } catch {
            throw WireError(.malformedJSON, path: "$.parts[0].data", message: "the data cannot be read")
        }
        return try WireCodec().decode(WireMessage<Body>.self, from: bytes).body
    }

    /// The Parley message a client's message carries in its one data part: by the part's media type, or when it has
    /// none by its fields (`scenario` a start, `outcome` an outcome, `turn` a turn request).
    public static func inbound(_ message: A2AMessage) throws(WireError) -> Inbound {
        let data = message.parts.filter { $0.data != nil }
        guard data.count == 1, let part = data.first else {
            throw WireError(.invalidField, path: "$.message.parts", message: "a Parley message travels as exactly one data part; this message has \(data.count)")
        }
        var mediaType = part.mediaType ?? ""
        if mediaType.isEmpty, case .object(let fields)? = part.data {
            mediaType = fields["scenario"] != nil ? MediaType.sessionStart : fields["outcome"] != nil ? MediaType.outcome : MediaType.turnRequest
        }
        switch mediaType {
        case MediaType.sessionStart: return .start(try decode(SessionStart.self, from: part))
        case MediaType.turnRequest: return .turn(try decode(TurnRequest.self, from: part))
        case MediaType.outcome: return .outcome(try decode(OutcomeNotice.self, from: part))
        default:
            throw WireError(
                .invalidField, path: "$.message.parts[0].mediaType",
                message: "'\(mediaType.prefix(80))' is not a Parley message; send \(MediaType.sessionStart), \(MediaType.turnRequest) or \(MediaType.outcome)"
            )
        }
    }

    /// The terminal task state of a session's outcome.
    public static func state(of outcome: Outcome) -> String {
        switch outcome.kind {
        case .agreement: A2ATaskState.completed
        case .walkAway, .deadline: A2ATaskState.rejected
        case .turnTimeout, .violation, .failure: A2ATaskState.failed
        }
    }
}

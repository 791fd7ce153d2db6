/// An A2A 1.0 message (`Message` in `a2a.proto`, in its JSON form): who sent it, in which task and context, and
/// its parts. Parley's messages travel in `data` parts (see ``A2ABinding``).
public struct A2AMessage: Sendable, Hashable, Codable {
    /// The message's identifier, unique per sender.
    public var messageId: String
    /// The conversation it belongs to.
    public var contextId: String?
    /// The task it continues; absent on the message that starts one.
    public var taskId: String?
    /// `ROLE_USER` (client to agent) or `ROLE_AGENT` (agent to client).
    public var role: String
    /// The content.
    public var parts: [A2APart]
    /// Extra fields: Parley carries a session's key here (`parleySessionKey`).
    public var metadata: [String: JSONValue]?
    /// The extensions the message uses, by URI.
    public var extensions: [String]?

    /// A message.
    public init(
        messageId: String, contextId: String? = nil, taskId: String? = nil, role: String, parts: [A2APart], metadata: [String: JSONValue]? = nil,
        extensions: [String]? = nil
    ) {
        self.messageId = messageId
        self.contextId = contextId
        self.taskId = taskId
        self.role = role
        self.parts = parts
        self.metadata = metadata
        self.extensions = extensions
    }

    /// The role of a client's messages.
    public static let user = "ROLE_USER"
    /// The role of an agent's messages.
    public static let agent = "ROLE_AGENT"
}

/// One part of an A2A message or artifact: text, or structured data with its media type.
public struct A2APart: Sendable, Hashable, Codable {
    /// Text content.
    public var text: String?
    /// Structured content (any JSON value).
    public var data: JSONValue?
    /// The content's media type, such as `application/vnd.parley.turn-request+json`.
    public var mediaType: String?
    /// Extra fields.
    public var metadata: [String: JSONValue]?

    /// A part.
    public init(text: String? = nil, data: JSONValue? = nil, mediaType: String? = nil, metadata: [String: JSONValue]? = nil) {
        self.text = text
        self.data = data
        self.mediaType = mediaType
        self.metadata = metadata
    }
}

/// An A2A 1.0 agent card (`AgentCard` in `a2a.proto`), as `/.well-known/agent-card.json` serves it: who the agent
/// is, where and how to reach it, and the Parley negotiation extension it requires.
public struct A2AAgentCard: Sendable, Hashable, Codable {
    /// One way to reach the agent.
    public struct Interface: Sendable, Hashable, Codable {
        /// The endpoint.
        public var url: String
        /// `JSONRPC`.
        public var protocolBinding: String
        /// `1.0`.
        public var protocolVersion: String

        /// An interface.
        public init(url: String, protocolBinding: String, protocolVersion: String) {
            self.url = url
            self.protocolBinding = protocolBinding
            self.protocolVersion = protocolVersion
        }
    }

    /// What the agent can do beyond the core protocol.
    public struct Capabilities: Sendable, Hashable, Codable {
        /// Whether it streams (Parley's binding does not).
        public var streaming: Bool
        /// Whether it sends push notifications (Parley's binding does not).
        public var pushNotifications: Bool
        /// The extensions it supports.
        public var extensions: [Extension]

        /// Capabilities.
        public init(streaming: Bool, pushNotifications: Bool, extensions: [Extension]) {
            self.streaming = streaming
            self.pushNotifications = pushNotifications
            self.extensions = extensions
        }
    }

    /// An extension the agent supports.
    public struct Extension: Sendable, Hashable, Codable {
        /// Its URI.
        public var uri: String
        /// What it is.
        public var description: String
        /// Whether a client must use it.
        public var required: Bool
        /// Its parameters.
        public var params: [String: JSONValue]?

        /// An extension.
        public init(uri: String, description: String, required: Bool, params: [String: JSONValue]?) {
            self.uri = uri
            self.description = description
            self.required = required
            self.params = params
        }
    }

    /// A skill the agent offers.
    public struct Skill: Sendable, Hashable, Codable {
        /// The skill's identifier.
        public var id: String
        /// Its name.
        public var name: String
        /// What it does.
        public var description: String
        /// Keywords.
        public var tags: [String]
        /// Example requests.
        public var examples: [String]?
        /// The media types it reads.
        public var inputModes: [String]?
        /// The media types it writes.
        public var outputModes: [String]?

        /// A skill.
        public init(id: String, name: String, description: String, tags: [String], examples: [String]?, inputModes: [String]?, outputModes: [String]?) {
            self.id = id
            self.name = name
            self.description = description
            self.tags = tags
            self.examples = examples
            self.inputModes = inputModes
            self.outputModes = outputModes
        }
    }

    /// The agent's name.
    public var name: String
    /// What it is.
    public var description: String
    /// Where to reach it.
    public var supportedInterfaces: [Interface]
    /// The agent's version.
    public var version: String
    /// Where its binding is documented.
    public var documentationUrl: String?
    /// What it can do.
    public var capabilities: Capabilities
    /// How clients authenticate, when they must (`{"bearer": {"httpAuthSecurityScheme": {"scheme": "Bearer"}}}`).
    public var securitySchemes: [String: JSONValue]?
    /// Which schemes a request needs.
    public var securityRequirements: [JSONValue]?
    /// The media types it reads by default.
    public var defaultInputModes: [String]
    /// The media types it writes by default.
    public var defaultOutputModes: [String]
    /// Its skills.
    public var skills: [Skill]

    /// A card.
    public init(
        name: String, description: String, supportedInterfaces: [Interface], version: String, documentationUrl: String?, capabilities: Capabilities,
        securitySchemes: [String: JSONValue]?, securityRequirements: [JSONValue]?, defaultInputModes: [String], defaultOutputModes: [String], skills: [Skill]
    ) {
        self.name = name
        self.description = description
        self.supportedInterfaces = supportedInterfaces
        self.version = version
        self.documentationUrl = documentationUrl
        self.capabilities = capabilities
        self.securitySchemes = securitySchemes
        self.securityRequirements = securityRequirements
        self.defaultInputModes = defaultInputModes
        self.defaultOutputModes = defaultOutputModes
        self.skills = skills
    }
}

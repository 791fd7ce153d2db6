public import ParleyAgents
public import ParleyHTTPClient
public import ParleyProtocol

/// An LLM agent as sessions seat it: for each seat, an ``LLMAgent`` on the configured endpoint with its fallback
/// strategy built for the same seat.
public struct LLMSource: AgentSource {
    /// How the agent is named in transcripts: strategy `llm` and the agent's name.
    public let descriptor: AgentDescriptor
    /// The endpoint, model and limits.
    public let configuration: LLMConfiguration
    /// The strategy that moves when the model cannot; its registry and indexes serve the seat's context too.
    public let fallback: StrategySource
    /// The API key sent to the endpoint, if it needs one.
    public let apiKey: String?
    /// The API key sent to the judge's endpoint, if the configuration names a judge that needs one.
    public let judgeAPIKey: String?
    /// The client requests go through.
    public let client: HTTPClient
    /// The endpoint's gate, shared with every agent on the same endpoint.
    public let gate: EndpointGate
    /// The clock turns are measured and retries waited on.
    public let clock: any Clock<Duration>
    /// A model's turns wait on its endpoint.
    public var waitsOnNetwork: Bool { true }

    /// An LLM agent named `name`; `fallback` must be built from the configuration's fallback spec.
    ///
    /// - Parameter gate: the endpoint's gate; agents on one endpoint should share one (``EndpointGates`` hands them
    ///   out). A new gate when `nil`.
    public init(
        name: String, configuration: LLMConfiguration, fallback: StrategySource, apiKey: String?, judgeAPIKey: String? = nil, client: HTTPClient,
        gate: EndpointGate? = nil, clock: any Clock<Duration>
    ) {
        self.descriptor = AgentDescriptor(strategy: "llm", spec: name)
        self.configuration = configuration
        self.fallback = fallback
        self.apiKey = apiKey
        self.judgeAPIKey = judgeAPIKey
        self.client = client
        self.gate = gate ?? EndpointGate(clock: clock)
        self.clock = clock
    }

    /// The model is told its principal's preferences.
    public var needsProfile: Bool { true }

    /// Builds the agent for a seat, with its fallback for the same context.
    public func makeStrategy(for seat: Seat) throws -> any Strategy {
        let context = try seat.context(indexes: fallback.indexes)
        return makeAgent(context: context, fallback: try fallback.makeStrategy(context: context), clock: clock)
    }

    private func makeAgent(context: AgentContext, fallback: any Strategy, clock: some Clock<Duration>) -> any Strategy {
        LLMAgent(
            configuration: configuration, context: context, fallback: fallback, apiKey: apiKey, judgeAPIKey: judgeAPIKey, client: client, gate: gate,
            clock: clock
        )
    }
}

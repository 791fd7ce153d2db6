import MCP

/// `parley mcp`: Parley's tools (``ParleyTools``) served over MCP on standard input and output, with the official
/// Swift SDK. It runs until the client closes the connection.
public struct ParleyMCPServer: Sendable {
    /// The tools served.
    public let tools: ParleyTools
    /// The version reported to clients.
    public let version: String

    /// A server for these tools.
    public init(tools: ParleyTools, version: String) {
        self.tools = tools
        self.version = version
    }

    /// Serves on standard input and output until the client disconnects.
    public func run() async throws {
        let server = Server(name: "parley", version: version, capabilities: .init(tools: .init(listChanged: false)))
        let tools = self.tools
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: tools.tools) }
        await server.withMethodHandler(CallTool.self) { [weak server] params in
            // A client that sends a progress token gets `notifications/progress` while a long tool runs.
            let notifier = server
            let progress: (@Sendable (Double, Double?, String) async -> Void)? = params._meta?.progressToken.map { token in
                { done, total, message in
                    try? await notifier?.notify(ProgressNotification.message(.init(progressToken: token, progress: done, total: total, message: message)))
                }
            }
            return await tools.call(params.name, arguments: params.arguments ?? [:], progress: progress)
        }
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }
}

import ArgumentParser
import ParleyAssembly
import ParleyMCP

/// `parley mcp`: Parley as MCP tools on standard input and output, for assistants.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve Parley's tools over MCP (stdio): list strategies and scenarios, scenario stats, run sessions, read and verify stores.",
        discussion: """
            An MCP client (an assistant, or the official Python SDK) starts `parley mcp` as a stdio server. Tools:
            list_strategies, list_scenarios, scenario_stats, run_session, list_transcripts, show_transcript,
            verify_transcripts; each has a JSON Schema for its input, and failures are MCP tool errors with Parley's codes.
            Sessions run_session plays are stored in --store (none with --no-store).
            """
    )

    @Option(help: ArgumentHelp(stringLiteral: StoreLocation.help))
    var store = "parley.sqlite"

    @Flag(help: "Serve without a store: sessions are not stored, and the transcript tools answer no_store.")
    var noStore = false

    @Option(help: "The folder list_scenarios reads by default.")
    var scenarios = "Examples/Scenarios"

    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        let tools = ParleyTools(factory: remote.factory(), store: noStore ? nil : try StoreLocation.open(store), scenarioFolder: scenarios)
        try await ParleyMCPServer(tools: tools, version: Parley.configuration.version).run()
    }
}

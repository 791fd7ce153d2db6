import ArgumentParser

/// The `parley` command: negotiation sessions between software agents.
@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Run negotiations between software agents under enforced rules.",
        version: "0.1.0",
        subcommands: [Run.self, RFQ.self, Tournament.self, MCPCommand.self, Serve.self, Conformance.self, Transcripts.self, StoreCommand.self, Plot.self, Keys.self, ScenarioCommand.self, Strategies.self]
    )
}

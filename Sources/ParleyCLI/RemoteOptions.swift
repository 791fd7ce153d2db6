import ArgumentParser
import Foundation
import ParleyAgents
import ParleyAssembly
import ParleyHTTPClient
import ParleyProtocol

/// Options for commands whose agents may be remote (`http://HOST:PORT`).
struct RemoteOptions: ParsableArguments {
    @Option(help: "The bearer token sent to remote agents whose servers need one (parley serve --token).")
    var remoteToken: String?

    @Option(help: "Seconds a remote agent may take per request when the scenario sets no turn limit.")
    var remoteTimeout: Double = 30

    func validate() throws {
        try OptionRange.seconds(remoteTimeout, option: "--remote-timeout")
    }

    /// A factory that reaches remote agents with these options, and gives LLM agents their API keys from the
    /// environment.
    func factory(indexes: BiddingIndexCache = BiddingIndexCache()) -> AgentFactory {
        AgentFactory(
            indexes: indexes,
            http: HTTPClient(configuration: .init(requestTimeout: .saturating(seconds: remoteTimeout))), remoteToken: remoteToken,
            environment: ProcessInfo.processInfo.environment
        )
    }

    /// The agents references name, built by `factory` and preflighted: a wrong file, key variable, URL or token
    /// fails at once, not session by session.
    static func sources(_ references: [AgentReference], factory: AgentFactory) async throws -> [any AgentSource] {
        do {
            return try await factory.preflightedSources(for: references)
        } catch let error as AgentUnusable {
            throw ValidationError(error.description.escapingControlCharacters)
        }
    }
}

import ArgumentParser
import Foundation
import ParleyArbiter
import ParleyHTTPClient
import ParleyRemote

/// Options for commands whose agents may be remote (`http://HOST:PORT`).
struct RemoteOptions: ParsableArguments {
    @Option(help: "The bearer token sent to remote agents whose servers need one (parley serve --token).")
    var remoteToken: String?

    @Option(help: "Seconds a remote agent may take per request when the scenario sets no turn limit.")
    var remoteTimeout: Double = 30

    func validate() throws {
        guard remoteTimeout > 0 else { throw ValidationError("--remote-timeout must be positive") }
    }

    /// A factory that reaches remote agents with these options, and gives LLM agents their API keys from the
    /// environment.
    func factory() -> AgentFactory {
        AgentFactory(
            http: HTTPClient(configuration: .init(requestTimeout: .milliseconds(Int64(remoteTimeout * 1000)))), remoteToken: remoteToken,
            environment: ProcessInfo.processInfo.environment
        )
    }

    /// Checks every agent file and asks every remote agent for its card, so that a wrong file, key variable,
    /// URL or token fails at once, not session by session.
    static func preflight(_ agents: [AgentReference], factory: AgentFactory) async throws {
        for agent in agents {
            switch agent {
            case .remote(let url):
                do {
                    _ = try await AgentEndpoint(url: url, token: factory.remoteToken, client: factory.http).card()
                } catch {
                    throw ValidationError("the remote agent \(url) is not usable: \(error)")
                }
            case .file(let file):
                try factory.check(file)
            case .strategy:
                break
            }
        }
    }
}

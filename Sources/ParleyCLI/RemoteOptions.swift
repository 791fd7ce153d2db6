import ArgumentParser
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

    /// A factory that reaches remote agents with these options.
    func factory() -> AgentFactory {
        AgentFactory(http: HTTPClient(configuration: .init(requestTimeout: .milliseconds(Int64(remoteTimeout * 1000)))), remoteToken: remoteToken)
    }

    /// Asks every remote agent for its card, so that a wrong URL or token fails at once, not session by session.
    static func preflight(_ agents: [AgentReference], factory: AgentFactory) async throws {
        for case .remote(let url) in agents {
            do {
                _ = try await AgentEndpoint(url: url, token: factory.remoteToken, client: factory.http).card()
            } catch {
                throw ValidationError("the remote agent \(url) is not usable: \(error)")
            }
        }
    }
}

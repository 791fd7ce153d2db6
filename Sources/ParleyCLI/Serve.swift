import ArgumentParser
import Foundation
import Logging
import ParleyAgents
import ParleyAssembly
import ParleyProtocol
import ParleyServer

/// `parley serve`: one agent over HTTP, for arbiters elsewhere.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve an agent over HTTP (the agent API, parley/1) until interrupted.",
        discussion: """
            AGENT is anything `parley run` accepts. Every session gets its own agent, built from the profile and seed
            the arbiter sends. Point an arbiter at it with `parley run --buyer http://HOST:PORT` or list the URL in
            `parley tournament --agents`. The API is specified in Protocols/Spec/openapi.json.
            """
    )

    @Option(help: "The agent to serve: a strategy with parameters, such as boulware:e=0.2.")
    var agent: String

    @Option(help: "The interface to listen on; 0.0.0.0 listens on every interface.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one (printed on start).")
    var port = 8081

    @Option(help: "Require 'Authorization: Bearer TOKEN' on every request but /health.")
    var token: String?

    @Option(help: "The most sessions held at once; further starts get 503.")
    var maxSessions = 1024

    @Option(help: "Seconds a session may stay idle before it is dropped.")
    var idleTimeout: Double = 300

    @Option(help: "The largest request body accepted, in bytes (1 KiB to 16 MiB); larger ones get 413.")
    var maxBodyBytes = 1 << 20

    @Option(help: "The most connections open at once; further ones wait until one closes.")
    var maxConnections = 4096

    @Option(help: "Seconds a connection has to send a whole request (10 for a new one; a kept-alive one gets 60 after each response).")
    var requestTimeout: Double = 10

    @Option(help: "The largest outcome space a session may have; larger starts get 422.")
    var maxOutcomes = 1 << 22

    @Option(name: .customLong("index-cache-mib"), help: "MiB of bidding indexes kept for the sessions' profiles; the least recently used are dropped beyond it.")
    var indexCacheMiB = 512

    @Flag(help: "Also serve the agent as an A2A 1.0 agent: its card at /.well-known/agent-card.json, JSON-RPC at /a2a (Protocols/Spec/a2a-binding.md).")
    var a2a = false

    @OptionGroup var remote: RemoteOptions

    @Option(help: "Log level on standard error (trace, debug, info, notice, warning, error, critical).")
    var logLevel = "warning"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        try OptionRange.count(maxSessions, in: 1...1_000_000, option: "--max-sessions")
        try OptionRange.seconds(idleTimeout, option: "--idle-timeout")
        guard (1024...(16 << 20)).contains(maxBodyBytes) else { throw ValidationError("--max-body-bytes must be between 1024 and 16777216 (16 MiB)") }
        try OptionRange.count(maxConnections, in: 1...1_000_000, option: "--max-connections")
        try OptionRange.seconds(requestTimeout, option: "--request-timeout")
        try OptionRange.count(maxOutcomes, in: 1...OutcomeSpace.maximumCount, option: "--max-outcomes")
        try OptionRange.count(indexCacheMiB, in: 1...1 << 20, option: "--index-cache-mib")
        if let token, token.isEmpty { throw ValidationError("--token must not be empty") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown log level '\(logLevel)'") }
    }

    func run() async throws {
        var logger = Logger(label: "parley-serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        var configuration = AgentServer<ContinuousClock>.Configuration(
            host: host, port: port, token: token, maximumSessions: maxSessions, maximumBodyBytes: maxBodyBytes,
            idleTimeout: .saturating(seconds: idleTimeout),
            connections: ConnectionLimits(maximumConnections: maxConnections, requestTimeout: .saturating(seconds: requestTimeout)),
            maximumOutcomes: maxOutcomes
        )
        configuration.a2a = a2a
        // Not preflighted: an agent server relayed to may start after this one.
        let factory = remote.factory(indexes: BiddingIndexCache(maximumBytes: indexCacheMiB << 20))
        let server = AgentServer(agent: try factory.source(for: AgentReference.load(agent)), configuration: configuration, clock: ContinuousClock(), logger: logger)
        let running = try await server.start(handlingSignals: true)
        let protocols = a2a ? "parley/1, and A2A \(A2ABinding.protocolVersion) with its card at \(running.url)\(A2ABinding.cardPath)" : "parley/1"
        let line = "Serving \(server.card.name) on \(running.url) (\(protocols))\(token == nil ? "" : ", token required"); stop with Ctrl-C\n"
        FileHandle.standardOutput.write(Data(line.utf8))
        try await running.wait()
    }
}

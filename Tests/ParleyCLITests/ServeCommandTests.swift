import Foundation
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import Testing

@Suite("parley serve, and remote agents in parley run and parley tournament")
struct ServeCommandTests {
    static let scenario = "Examples/Scenarios/reference-supply.json"

    static func record(_ result: CLI.Result) throws -> SessionRecord {
        try WireCodec().decode(WireMessage<SessionRecord>.self, from: Data(result.output.utf8)).body
    }

    @Test("A served agent plays `parley run` exactly as in process, and SIGTERM stops the server cleanly")
    func runAgainstServedAgent() throws {
        let (server, url) = try CLI.serve(["--agent", "boulware"])
        defer { if server.isRunning { server.terminate() } }
        let remote = try CLI.run("run", "--scenario", Self.scenario, "--buyer", url, "--seller", "conceder", "--seed", "5", "--no-store", "--json")
        let local = try CLI.run("run", "--scenario", Self.scenario, "--buyer", "boulware", "--seller", "conceder", "--seed", "5", "--no-store", "--json")
        #expect(remote.status == 0, "\(remote.errors)")
        let remoteRecord = try Self.record(remote), localRecord = try Self.record(local)
        #expect(remoteRecord.settlement.outcome == localRecord.settlement.outcome)
        #expect(remoteRecord.transcript.entries.map(\.action) == localRecord.transcript.entries.map(\.action))
        #expect(remoteRecord.transcript.header.buyer == AgentDescriptor(strategy: "remote", spec: url))

        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit)
        #expect(server.terminationStatus == 0)
    }

    @Test("A tournament with a token-protected remote agent stores and verifies every session; a wrong token fails at once")
    func tournamentWithRemoteAgent() throws {
        let (server, url) = try CLI.serve(["--agent", "linear", "--token", "t0ken"])
        defer { server.terminate() }
        let store = try CLI.temporaryPath("parley.sqlite")
        let agents = "boulware,conceder,\(url)"
        let result = try CLI.run(
            "tournament", "--scenario", Self.scenario, "--agents", agents, "--repetitions", "2", "--store", store, "--remote-token", "t0ken"
        )
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains(url))
        #expect(result.output.contains("12 sessions"))
        let verify = try CLI.run("transcripts", "verify", "--all", "--store", store)
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
        let list = try CLI.run("transcripts", "list", "--store", store)
        #expect(!list.output.contains("failure"))

        let refused = try CLI.run("tournament", "--scenario", Self.scenario, "--agents", agents, "--store", store, "--remote-token", "nope")
        #expect(refused.status != 0)
        #expect(refused.errors.contains("the remote agent \(url) is not usable"))
        #expect(refused.errors.contains("unauthorized"))
    }

    @Test("serve rejects bad options with a clear message")
    func badOptions() throws {
        let unknown = try CLI.run("serve", "--agent", "bulwark")
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("unknown strategy 'bulwark'"))
        let port = try CLI.run("serve", "--agent", "boulware", "--port", "70000")
        #expect(port.status != 0)
        #expect(port.errors.contains("--port must be between 0 and 65535"))
    }
}

import Foundation
import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyProtocol
import ParleyRecords
import ParleyRemote
import ParleyServer
import Testing

@Suite("Multi-deal negotiations with edges on real agent servers, through today's agent API unchanged")
struct MultiDealRemoteTests {
    @Test("Served edges negotiate exactly as in-process ones do, superseded sessions included")
    func remoteEdges() async throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try JSONDecoder().decode(MultiDealScenario.self, from: Data(contentsOf: folder.appendingPathComponent("Examples/MultiDeal/pumps-single-sourcing.json")))
        let factory = AgentFactory(http: ServerSupport.client)
        let centre = try factory.centre(for: "best-standing+boulware")
        let local = try ["conceder", "linear", "boulware"].map { try factory.source(for: AgentReference(parsing: $0)) }
        let inProcess = try await RemoteSessionTests.arbiter.play(MultiDealMatch(scenario: scenario, centre: centre, edges: local, seed: 4))
        try await ServerSupport.withServer("conceder") { first in
            try await ServerSupport.withServer("linear") { second in
                let remote: [any AgentSource] = [
                    RemoteSource(transport: try ServerSupport.endpoint(first)), RemoteSource(transport: try ServerSupport.endpoint(second)), local[2],
                ]
                let record = try await RemoteSessionTests.arbiter.play(MultiDealMatch(scenario: scenario, centre: centre, edges: remote, seed: 4))
                #expect(record.sessions.map { $0.record.transcript.entries.map(\.action) } == inProcess.sessions.map { $0.record.transcript.entries.map(\.action) })
                #expect(record.sessions.map(\.end) == inProcess.sessions.map(\.end))
                #expect(record.settlement.deals.map(\.edge) == ["acme-pumps"], "a remote edge made the deal")
                #expect(record.sessions[1].end == .superseded(Supersession(cause: .needMet, after: "acme-pumps")), "a remote edge was superseded")
                #expect(record.sessions[0].record.transcript.header.seller.strategy == "remote")
            }
        }
    }

    @Test("A centre's agent on an agent server is refused with the reason: the rule may change its moves")
    func aServedCentreIsRefused() async throws {
        try await ServerSupport.withServer("boulware") { server in
            let error = #expect(throws: AgentSpecError.self) { try AgentFactory(http: ServerSupport.client).centre(for: "per-edge+\(server.url)") }
            #expect(error?.message.contains("not on an agent server") == true)
        }
    }
}

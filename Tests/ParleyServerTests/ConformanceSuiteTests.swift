import Foundation
import Hummingbird
import Logging
import ParleyConformance
import ParleyHTTPClient
import ParleyProtocol
import ParleyServer
import ParleyTesting
import Testing

/// `ConformanceSuite` against real servers: Parley's own conforms, a broken one is caught, and the suite sends
/// exactly the vectors' invalid messages.
@Suite("The conformance suite")
struct ConformanceSuiteTests {
    static func suite(_ server: RunningServer, token: String? = nil) -> ConformanceSuite {
        ConformanceSuite(.init(url: server.url, token: token, runID: "test"), client: ServerSupport.client, logger: ServerSupport.logger)
    }

    @Test("Parley's own agent server passes every check, and a session on the same server finishes unharmed")
    func ownServerConforms() async throws {
        try await ServerSupport.withServer("tit-for-tat") { server in
            let bystander = try await Bystander.begin(on: server)
            let report = await Self.suite(server).run()
            #expect(report.count(.failed) == 0, "\(report.results.filter { $0.verdict == .failed })")
            #expect(report.count(.passed) >= 35)
            #expect(report.results.filter { $0.verdict == .skipped }.map(\.name).allSatisfy { $0.contains("token") || $0.contains("does not play") })
            #expect(report.conforms)
            try await bystander.finish()
        }
    }

    @Test("Given a2a+http://…, the suite checks the A2A binding: Parley's own server served with A2A passes, one without it fails the card")
    func a2aChecks() async throws {
        var configuration = AgentServer<ContinuousClock>.Configuration(port: 0, token: "s3cret")
        configuration.a2a = true
        try await ServerSupport.withServer(configuration: configuration) { server in
            let suite = ConformanceSuite(.init(url: "a2a+" + server.url, token: "s3cret", runID: "a2a"), client: ServerSupport.client, logger: ServerSupport.logger)
            let report = await suite.run()
            #expect(report.conforms && report.count(.passed) == 16, "\(report.results.filter { $0.verdict == .failed })")
            #expect(report.results.contains { $0.name == "a turn asked twice in its task is answered the same" && $0.verdict == .passed })
        }
        try await ServerSupport.withServer { server in
            let report = await ConformanceSuite(.init(url: "a2a+" + server.url, runID: "plain"), client: ServerSupport.client, logger: ServerSupport.logger).run()
            #expect(!report.conforms && report.results.count == 1, "no card, nothing more to check: \(report.results)")
            #expect(report.results.first?.detail?.contains("404") == true)
        }
    }

    @Test("With a token, requests without it or with a wrong one are checked to fail with 401")
    func tokenChecks() async throws {
        try await ServerSupport.withServer(configuration: .init(port: 0, token: "s3cret")) { server in
            let report = await Self.suite(server, token: "s3cret").run()
            #expect(report.conforms, "\(report.results.filter { $0.verdict == .failed })")
            let tokenChecks = report.results.filter { $0.name.contains("token answers 401") }
            #expect(tokenChecks.count == 2)
            #expect(tokenChecks.allSatisfy { $0.verdict == .passed })
        }
    }

    @Test("A server that answers sessions with 500 and plain text fails, each check saying why")
    func brokenServerIsCaught() async throws {
        let router = Router()
        router.get(RouterPath(AgentAPI.health)) { _, _ in "{\"protocol\":\"parley/1\",\"status\":\"ok\"}" }
        router.get(RouterPath(AgentAPI.card)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try WireCodec().encode(WireMessage(AgentCard(name: "broken", strategy: "broken")))))
            )
        }
        router.post("/v1/sessions") { _, _ -> Response in Response(status: .internalServerError, body: ResponseBody(byteBuffer: ByteBuffer(string: "oops"))) }
        try await RunningServer.start(router: router, host: "127.0.0.1", port: 0, logger: ServerSupport.logger).stopping { server in
            let report = await Self.suite(server).run()
            #expect(!report.conforms)
            let failed = report.results.filter { $0.verdict == .failed }
            #expect(failed.contains { $0.name.hasPrefix("plays a whole session") && ($0.detail ?? "").contains("500") })
            #expect(failed.contains { $0.name == "an unknown path answers 404 not_found" })
            #expect(failed.contains { $0.name.hasPrefix("POST /v1/sessions starts a session") && ($0.detail ?? "").contains("expected 201, got 500 oops") })
            #expect(report.results.contains { $0.name.hasPrefix("GET /v1/agent answers a card") && $0.verdict == .passed })
        }
    }

    @Test("The suite's invalid messages are exactly the invalid conformance vectors")
    func invalidMessagesAreTheVectors() throws {
        let catalog = InvalidMessage.catalog(session: SessionID(rawValue: "s-00000000000000a1-buyer"), scenario: ReferenceScenarios.reference.scenario)
        let vectors = ConformanceVectorTests.invalid
        #expect(catalog.map(\.name) == vectors.map(\.name))
        for (message, vector) in zip(catalog, vectors) {
            #expect(message.kind.rawValue == vector.message, "\(message.name)")
            #expect(message.code.rawValue == vector.code, "\(message.name)")
            #expect(message.status == vector.status, "\(message.name)")
            #expect(message.path == vector.path, "\(message.name)")
            let parsed = try? JSONSerialization.jsonObject(with: message.body) as? NSDictionary
            let expected = try? JSONSerialization.jsonObject(with: vector.body) as? NSDictionary
            if let expected {
                #expect(parsed == expected, "\(message.name)")
            } else {
                #expect(message.body == vector.body, "\(message.name)")
            }
        }
    }
}

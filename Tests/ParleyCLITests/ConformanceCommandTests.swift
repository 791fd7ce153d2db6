import Foundation
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import Testing

@Suite("parley conformance")
struct ConformanceCommandTests {
    @Test("Against parley serve: every check passes, one line each, and the exchanges are written as JSON")
    func passesAgainstParleyServe() throws {
        let (server, url) = try CLI.serve(["--agent", "boulware", "--token", "t0ken"])
        defer { server.terminate() }
        let exchanges = try CLI.temporaryPath("exchanges.json")
        let result = try CLI.run("conformance", url, "--token", "t0ken", "--exchanges", exchanges)
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.hasPrefix("Conformance of \(url) to parley/1\n"))
        #expect(result.output.contains("  PASS  a repeated turn gets the same reply\n"))
        #expect(result.output.contains("  PASS  GET /v1/agent without the token answers 401 unauthorized\n"))
        #expect(!result.output.contains("FAIL"))
        #expect(result.output.hasSuffix("0 failed, 1 skipped: the server conforms.\n"))
        let recorded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: exchanges))) as? [[String: Any]]
        #expect((recorded?.count ?? 0) >= 30)
        #expect(recorded?.first?["path"] as? String == "/health")
    }

    @Test("--json prints every result as JSON")
    func json() throws {
        let (server, url) = try CLI.serve(["--agent", "conceder"])
        defer { server.terminate() }
        let result = try CLI.run("conformance", url, "--json", "--scenario", "Examples/Scenarios/industrial-components.json")
        #expect(result.status == 0, "\(result.errors)")
        let results = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        #expect(results?.contains { $0["name"] as? String == "plays a whole session as seller on industrial-components against conceder" && $0["verdict"] as? String == "passed" } == true)
        #expect(results?.contains { $0["verdict"] as? String == "failed" } == false)
    }

    @Test("Against a port where nothing listens: exit 1, and each failed check says why")
    func failsWhereNothingListens() throws {
        let result = try CLI.run("conformance", "http://127.0.0.1:9", "--timeout", "2")
        #expect(result.status == 1)
        #expect(result.output.contains("  FAIL  GET /health answers 200 {status: ok}, without a token: "))
        #expect(result.output.contains("connection_refused") || result.output.contains("refused"))
        #expect(result.output.hasSuffix("the server does not conform.\n"))
    }

    @Test("Against a server that accepts connections and never answers: --timeout bounds every request")
    func timeoutBoundsAHangingServer() throws {
        // A listener that accepts and then says nothing, printing its port first. SIGTERM, which a child of the
        // test runner inherits blocked, is unblocked, so terminate() stops it.
        let script = """
            signal = __import__("signal"); signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM]); signal.signal(signal.SIGTERM, signal.SIG_DFL)
            s = __import__("socket").socket(); s.bind(("127.0.0.1", 0)); s.listen(64)
            print("http://127.0.0.1:%d listening" % s.getsockname()[1], flush=True)
            held = []
            while True: held.append(s.accept()[0])
            """
        let (hanging, url) = try CLI.launchServer(PythonAgentTests.python, ["python3", "-c", script])
        defer { hanging.terminate() }
        let result = try CLI.run("conformance", url, "--timeout", "0.5")
        #expect(result.status == 1)
        #expect(result.output.contains("no complete answer within 0.5 seconds"), "\(result.output)")
        #expect(result.output.hasSuffix("the server does not conform.\n"))
    }
}

@Suite("The example Python agent")
struct PythonAgentTests {
    static let python = URL(fileURLWithPath: "/usr/bin/env")

    @Test("passes parley conformance, every answer it gave fits the OpenAPI document and the schemas, and SIGTERM stops it")
    func conforms() throws {
        let (agent, url) = try CLI.launchServer(Self.python, ["python3", "Examples/python-agent/agent.py", "--port", "0", "--token", "py-t0ken"])
        defer { if agent.isRunning { agent.terminate() } }
        let exchanges = try CLI.temporaryPath("exchanges.json")
        let result = try CLI.run(
            "conformance", url, "--token", "py-t0ken", "--exchanges", exchanges, "--scenario", "Examples/Scenarios/reference-supply.json",
            "--scenario", "Examples/Scenarios/industrial-components.json"
        )
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.hasSuffix("0 failed, 1 skipped: the server conforms.\n"), "\(result.output)")

        let validate = Process()
        validate.executableURL = Self.python
        validate.arguments = ["python3", "Protocols/Spec/validate.py", "--exchanges", exchanges]
        validate.currentDirectoryURL = CLI.repository
        let output = Pipe()
        validate.standardOutput = output
        try validate.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validate.waitUntilExit()
        #expect(validate.terminationStatus == 0, "\(text)")

        agent.terminate()
        agent.waitUntilExit()
        #expect(agent.terminationStatus == 0)
    }

    @Test("plays parley run against a built-in and settles within both reservation values")
    func playsARun() throws {
        let (agent, url) = try CLI.launchServer(Self.python, ["python3", "Examples/python-agent/agent.py", "--port", "0"])
        defer { agent.terminate() }
        let result = try CLI.run(
            "run", "--scenario", "Examples/Scenarios/industrial-components.json", "--buyer", url, "--seller", "boulware", "--seed", "3", "--no-store", "--json"
        )
        #expect(result.status == 0, "\(result.errors)")
        let record = try ServeCommandTests.record(result)
        let analysis = try #require(record.settlement.analysis)
        #expect(record.settlement.outcome.typeName == "agreement")
        #expect(analysis.buyer.utility >= 0.35)
        #expect(analysis.seller.utility >= 0.3)
    }
}

import Foundation
import ParleyHTTPClient
import ParleyProtocol
import ParleyRemote
import ParleyServer
import ParleyTesting
import PropertyBased
import Testing

/// Session starts and turn requests across the full range of every field, sent to a real server over
/// loopback: each gets a success or a 4xx with a typed error body, never a crash, and a session that is
/// halfway through on the same server finishes unharmed.
///
/// A failure names its seed; should the server ever crash, the last request is in `$TMPDIR/parley-fuzz-request.json`.
@Suite("Hostile messages")
struct HostileMessageTests {
    static let cases = 300
    static let lastCase = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fuzz-request.json")

    @Test func everyStartAndTurnGetsATypedAnswerAndHarmsNoOtherSession() async throws {
        try await ServerSupport.withServer { server in
            let bystander = try await Bystander.begin(on: server)
            let endpoint = try ServerSupport.endpoint(server)
            let space = try #require(OutcomeSpace(ServerSupport.file.scenario))
            let legalTerms = try (0..<5).map { String(decoding: try WireCodec().encode(space.terms(at: $0 * 997 % space.count)), as: UTF8.self) }
            let tally = Tally()
            await propertyCheck(count: Self.cases, input: Gen.uint64(in: .min ... .max)) { seed in
                var values = HostileValues(seed: seed)
                let startID = "fuzz-start-\(seed)"
                let started = try await Self.send(values.sessionStart(id: startID), to: AgentAPI.sessions, on: server)
                if started.status < 300 {
                    let key = try ServerSupport.sessionKey(of: started)
                    let dropped = try await ServerSupport.raw(server, AgentAPI.session(SessionID(rawValue: startID)), method: .delete, key: key)
                    #expect(dropped.status == 204)
                }
                await tally.count(started.status)

                // A turn of a live session: the seller's first turn follows the buyer's opening.
                let id = SessionID(rawValue: "fuzz-\(seed)")
                let key = try await endpoint.start(ServerSupport.start(id.rawValue, role: .seller)).sessionKey
                let request = values.turnRequest(sessionID: id.rawValue, turn: 2, legalTerms: values.pick(legalTerms))
                let turn = try await Self.send(request, to: AgentAPI.turn(id, 2), key: key, on: server)
                await tally.count(turn.status)
                _ = try await ServerSupport.raw(server, AgentAPI.session(id), method: .delete, key: key)
            }
            let health = try await ServerSupport.raw(server, AgentAPI.health, method: .get)
            #expect(health.status == 200)
            try await bystander.finish()
            let statuses = await tally.statuses
            print("hostile messages: answers by status \(statuses.sorted { $0.key < $1.key })")
            #expect(statuses.keys.contains { $0 < 300 } && statuses.keys.contains { $0 >= 400 })
        }
    }

    /// Sends a body, and checks the answer: a success, or a 4xx whose body is a typed API error.
    static func send(_ body: String, to path: String, key: String? = nil, on server: RunningServer) async throws -> HTTPResponse {
        try? Data(body.utf8).write(to: lastCase)
        let response = try await ServerSupport.raw(server, path, body: body, key: key)
        #expect(response.status < 300 || (400..<500).contains(response.status), "\(response.status) for \(body)")
        if response.status >= 400 {
            let error = try ServerSupport.apiError(response)
            #expect(error.code.status == response.status && !error.message.isEmpty)
        }
        return response
    }

    actor Tally {
        var statuses: [Int: Int] = [:]
        func count(_ status: Int) { statuses[status, default: 0] += 1 }
    }
}

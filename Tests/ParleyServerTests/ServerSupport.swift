import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyHTTPClient
import ParleyProtocol
import ParleyRecords
import ParleyRemote
import ParleyServer
import ParleyTesting
import Testing

/// Starts agent servers on free loopback ports and talks to them through the real libcurl client.
enum ServerSupport {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    static let file = ReferenceScenarios.reference
    static let client = HTTPClient()

    /// Runs `body` against a server for `agent`, stopping the server afterwards.
    static func withServer<T>(
        _ agent: String = "boulware", configuration: AgentServer<ContinuousClock>.Configuration = .init(port: 0),
        _ body: (RunningServer) async throws -> T
    ) async throws -> T {
        try await withServer(agent, configuration: configuration, clock: ContinuousClock(), body)
    }

    /// Runs `body` against a server on an injected clock.
    static func withServer<T, C: Clock>(
        _ agent: String = "boulware", configuration: AgentServer<C>.Configuration, clock: C, _ body: (RunningServer) async throws -> T
    ) async throws -> T where C.Duration == Duration {
        let server = AgentServer(agent: try AgentFactory().source(for: AgentReference(parsing: agent)), configuration: configuration, clock: clock, logger: logger)
        return try await server.start().stopping(after: body)
    }

    /// The start of a session on the reference scenario, with the side's profile.
    static func start(_ id: String, role: Role = .buyer, seed: UInt64 = 7) -> SessionStart {
        SessionStart(sessionID: SessionID(rawValue: id), scenario: file.scenario, role: role, profile: file.profile(for: role), seed: seed)
    }

    static func endpoint(_ server: RunningServer, token: String? = nil) throws -> AgentEndpoint {
        try AgentEndpoint(url: server.url, token: token, client: client)
    }

    /// Sends raw bytes, as a misbehaving client would, with a session's key when given.
    static func raw(
        _ server: RunningServer, _ path: String, method: HTTPRequest.Method = .post, body: String? = nil, token: String? = nil, key: String? = nil
    ) async throws -> HTTPResponse {
        let headers = HTTPHeaderField.bearer(token) + HTTPHeaderField.sessionKey(key)
        return try await client.send(HTTPRequest(method: method, url: server.url + path, headers: headers, body: body.map { Data($0.utf8) }))
    }

    /// The session key in a start's answer.
    static func sessionKey(of response: HTTPResponse) throws -> String? {
        try WireCodec().decode(WireMessage<SessionStarted>.self, from: response.body).body.sessionKey
    }

    /// The API error in an error answer; records an issue if the body is not one.
    static func apiError(_ response: HTTPResponse) throws -> APIError {
        try WireCodec().decode(WireMessage<APIErrorBody>.self, from: response.body).body.error
    }

    /// Encodes a message as the wire carries it.
    static func json(_ body: some Codable & Sendable & Hashable) throws -> String {
        String(decoding: try WireCodec().encode(WireMessage(body)), as: UTF8.self)
    }
}

/// A session that is halfway through when something bad happens on the same server, and must finish unharmed.
struct Bystander {
    let endpoint: AgentEndpoint
    let id: SessionID
    /// The key the server issued for the session.
    let key: String?
    let opening: Action

    /// Starts a buyer session and plays its first turn.
    static func begin(on server: RunningServer, token: String? = nil, id: String = "bystander") async throws -> Bystander {
        let endpoint = try ServerSupport.endpoint(server, token: token)
        let start = ServerSupport.start(id)
        let key = try await endpoint.start(start).sessionKey
        let reply = try await endpoint.turn(TurnRequest(sessionID: start.sessionID, turn: 1, opponentAction: nil, elapsed: 0), key: key)
        return Bystander(endpoint: endpoint, id: start.sessionID, key: key, opening: reply.action)
    }

    /// Plays the rest: the seller counters with the buyer's own opening offer for 20 rounds, then the outcome.
    func finish() async throws {
        for turn in stride(from: 3, through: 41, by: 2) {
            let reply = try await endpoint.turn(TurnRequest(sessionID: id, turn: turn, opponentAction: opening, elapsed: 0), key: key)
            #expect(reply.turn == turn)
            #expect(reply.action.offeredTerms != nil || reply.action.move == .accept)
            if reply.action.move == .accept { break }
        }
        try await endpoint.report(OutcomeNotice(sessionID: id, outcome: .deadline), key: key)
    }
}

/// A bare TCP connection to a loopback port, for clients that misbehave below HTTP: one that sends half a
/// request head and then nothing, say.
///
/// Its reads wait on a Dispatch thread, never on a thread of Swift's cooperative pool, which the server under
/// test (and every other test running meanwhile) needs.
final class RawConnection: @unchecked Sendable {
    // @unchecked: the descriptor is only read, by one caller at a time.
    private let descriptor: Int32

    /// Connects to `127.0.0.1:port`; throws if the connection is refused.
    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    /// Sends text as it is.
    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(descriptor, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
    }

    /// Whether the server closed the connection within `milliseconds` (reading and dropping anything it sent).
    func closedByServer(within milliseconds: Int32) async -> Bool {
        await read(within: milliseconds).closed
    }

    /// Everything the server sends until it closes the connection or `milliseconds` pass without a byte.
    func answer(within milliseconds: Int32) async -> String {
        String(decoding: await read(within: milliseconds).bytes, as: UTF8.self)
    }

    private func read(within milliseconds: Int32) async -> (bytes: [UInt8], closed: Bool) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.read(within: milliseconds)) }
        }
    }

    private func read(within milliseconds: Int32) -> (bytes: [UInt8], closed: Bool) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var received: [UInt8] = []
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&waiting, 1, milliseconds) > 0 {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return (received, true) }
            received += buffer.prefix(count)
        }
        return (received, false)
    }
}

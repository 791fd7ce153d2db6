import Foundation
public import ParleyAgents
public import ParleyProtocol

/// An ``ParleyAgents/AgentTransport`` to an agent server in the same process: each message goes through the wire
/// format (encoded and decoded, as over HTTP) to the server's sessions, with the same rules and the same
/// ``ParleyProtocol/APIError``s, but no socket. Get one from ``AgentServer/inProcessTransport()``; tests run the same
/// remote-agent sessions over it and over HTTP.
public struct InProcessTransport<C: Clock>: AgentTransport where C.Duration == Duration {
    private let service: AgentService<C>
    private let codec = WireCodec()

    init(service: AgentService<C>) {
        self.service = service
    }

    /// `memory:` and the served agent's name.
    public var address: String { "memory:" + service.card.name }

    /// None: calls run where they are made.
    public var executor: (any TaskExecutor)? { nil }

    /// The server's card.
    public func card() async throws -> AgentCard {
        try wire(service.card)
    }

    /// Starts a session on the server.
    public func startSession(_ message: SessionStart, timeout: Duration?) async throws -> SessionStarted {
        let message = try wire(message)
        return try wire(SessionStarted(sessionID: message.sessionID, sessionKey: try await service.start(message).key))
    }

    /// Asks the server for a turn's action, with the session's key.
    public func requestTurn(_ request: TurnRequest, key: String?, timeout: Duration?) async throws -> TurnReply {
        let request = try wire(request)
        let session = try await service.session(request.sessionID, key: key)
        return try wire(try await service.turn(request, on: session, id: request.sessionID, turn: request.turn))
    }

    /// Tells the server how a session ended, with the session's key.
    public func reportOutcome(_ notice: OutcomeNotice, key: String?, timeout: Duration?) async throws {
        let notice = try wire(notice)
        try await service.end(notice, on: try await service.session(notice.sessionID, key: key), id: notice.sessionID)
    }

    /// A message as the other side would read it off the wire.
    private func wire<Message: Codable & Sendable & Hashable>(_ message: Message) throws -> Message {
        try codec.decode(WireMessage<Message>.self, from: try codec.encode(WireMessage(message))).body
    }
}

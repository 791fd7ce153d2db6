import ParleyProtocol
@testable import ParleyServer
import Testing

@Suite("The turn replay machine: a retried turn never makes a second move")
struct TurnReplayTests {
    static let session = SessionID(rawValue: "s")
    static let offer = Action.offer(["price": .integer(10)])

    static func request(_ turn: Int, _ opponent: Action? = nil) -> TurnRequest {
        TurnRequest(sessionID: session, turn: turn, opponentAction: opponent, elapsed: 0)
    }

    @Test("A new turn is answered; while it is, a repeat joins it and another turn is a mismatch")
    func inProgress() throws {
        var replay = TurnReplay()
        #expect(try replay.decide(Self.request(1)) == .answer)
        replay.begin(Self.request(1))
        #expect(try replay.decide(Self.request(1)) == .join)
        #expect {
            try replay.decide(Self.request(3, Self.offer))
        } throws: { ($0 as? APIError)?.code == .turnMismatch }
    }

    @Test("An answered turn replays its reply; with another opponent action it conflicts; the next turn is new")
    func answered() throws {
        var replay = TurnReplay()
        let reply = TurnReply(sessionID: Self.session, turn: 3, action: .accept)
        replay.begin(Self.request(3, Self.offer))
        replay.finish(with: reply)
        #expect(replay.inProgress == nil)
        #expect(try replay.decide(Self.request(3, Self.offer)) == .replay(reply))
        #expect {
            try replay.decide(Self.request(3, .walkAway()))
        } throws: { ($0 as? APIError)?.code == .turnConflict }
        #expect(try replay.decide(Self.request(5, Self.offer)) == .answer)
    }

    @Test("A turn that failed leaves nothing to replay")
    func failed() throws {
        var replay = TurnReplay()
        replay.begin(Self.request(1))
        replay.finish(with: nil)
        #expect(replay.answered == nil && replay.inProgress == nil)
        #expect(try replay.decide(Self.request(1)) == .answer)
    }
}

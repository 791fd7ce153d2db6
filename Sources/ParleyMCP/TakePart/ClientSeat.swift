import ParleyAgents
import ParleyProtocol

/// One side of a session played by a tools client: the arbiter's turn waits here for the client's move, and the
/// client's tool calls wait here for the arbiter's next turn or the session's end.
actor ClientSeat {
    /// How long the arbiter waits for the client's move before the session ends as the client's turn time-out.
    let patience: Duration
    /// The clock the patience is counted on.
    let clock: any Clock<Duration>
    /// The turn the arbiter asked for and the client has not answered yet.
    private(set) var view: TurnView?
    /// How the session ended, once it has.
    private(set) var outcome: Outcome?
    private var pending: CheckedContinuation<Action, any Error>?
    private var watchers: [CheckedContinuation<Void, Never>] = []
    private var asked = 0

    init(patience: Duration, clock: any Clock<Duration>) {
        self.patience = patience
        self.clock = clock
    }

    /// The arbiter asks for the client's move: the view is published and the turn waits for ``play(_:)``, at most
    /// ``patience``; a client that does not come back in time loses the session to a turn time-out, so a session never
    /// waits forever.
    func ask(_ view: TurnView) async throws -> Action {
        self.view = view
        asked += 1
        let turn = asked, patience = self.patience, clock = self.clock
        wake()
        Task { [weak self] in
            try? await clock.sleep(for: patience)
            await self?.expire(turn)
        }
        return try await withCheckedThrowingContinuation { pending = $0 }
    }

    /// Ends a turn the client has not answered in time.
    private func expire(_ turn: Int) {
        guard turn == asked, let pending else { return }
        self.pending = nil
        view = nil
        pending.resume(throwing: AgentTimedOut("the tools client did not move within \(patience)"))
    }

    /// The session ended: anyone waiting is woken, and a turn still waiting is abandoned.
    func end(_ outcome: Outcome) {
        self.outcome = outcome
        view = nil
        pending?.resume(throwing: CancellationError())
        pending = nil
        wake()
    }

    /// Plays the client's move on the turn the arbiter is waiting for; `false` when it is not waiting.
    func play(_ action: Action) -> Bool {
        guard let pending else { return false }
        self.pending = nil
        view = nil
        pending.resume(returning: action)
        return true
    }

    /// Returns once the session has ended.
    func waitForEnd() async {
        while outcome == nil { await withCheckedContinuation { watchers.append($0) } }
    }

    /// Returns once it is the client's turn or the session has ended.
    func waitForTurnOrEnd() async {
        if view != nil || outcome != nil { return }
        await withCheckedContinuation { watchers.append($0) }
    }

    private func wake() {
        let waiting = watchers
        watchers = []
        for watcher in waiting { watcher.resume() }
    }
}

/// The agent of a client's seat: every move is the client's, recorded as decided by the client.
struct ClientStrategy: Strategy {
    let seat: ClientSeat

    mutating func respond(to view: TurnView) async throws -> Action {
        try await seat.ask(view)
    }

    mutating func sessionEnded(with outcome: Outcome) async {
        await seat.end(outcome)
    }

    var lastDecision: DecisionTrace? { DecisionTrace(decidedBy: .client, attempts: []) }
}

/// A source that seats the client: one seat per session.
struct ClientSource: AgentSource {
    let seat: ClientSeat

    var descriptor: AgentDescriptor { AgentDescriptor(strategy: "client", spec: "mcp-client") }
    var needsProfile: Bool { false }

    func makeStrategy(for seat: Seat) throws -> any Strategy { ClientStrategy(seat: self.seat) }
}

/// How many requests go to one model endpoint at once, shared by every session and agent that uses it, and how a
/// 429 slows them: the back-pressure of one endpoint, which never holds up sessions on other endpoints.
///
/// The gate keeps a window of requests allowed at once: at most the smallest limit any agent file states for the
/// endpoint (`maxConcurrentRequests`), unlimited when none does. A 429 halves the window (at least 1) and pauses every
/// request to the endpoint for the wait the endpoint asked for (`Retry-After`, or the agent's backoff; at most
/// ``longestPause``); each answer that is not a 429 widens it by one again, up to the limit (additive increase,
/// multiplicative decrease, as TCP does). Requests wait their turn in order, each at most the time its turn has left.
public actor EndpointGate {
    /// The longest a 429 pauses the endpoint, whatever `Retry-After` says.
    public static let longestPause = Duration.seconds(60)

    /// What became of one request, for the gate.
    public enum Result: Sendable, Hashable {
        /// Answered, or failed in a way that says nothing of the endpoint's load.
        case answered
        /// 429: the endpoint asked to wait this long.
        case rateLimited(wait: Duration)
    }

    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<Bool, Never>
    }

    private let clock: any Clock<Duration>
    /// Time on the gate's clock since the gate was made.
    private let elapsed: @Sendable () -> Duration
    /// The smallest limit stated for the endpoint; `nil` for none.
    public private(set) var limit: Int?
    /// Requests allowed at once now.
    public private(set) var window: Int
    /// Requests sent and not yet answered.
    public private(set) var inFlight = 0
    /// The most requests that were in flight at once.
    public private(set) var mostInFlight = 0
    /// The 429s the gate was told of.
    public private(set) var rateLimits = 0
    /// No request is sent before this time (on ``elapsed``).
    private var pausedUntil = Duration.zero
    private var waiting: [Waiter] = []
    private var nextWaiter = 0

    /// A gate whose pauses are measured on `clock`.
    public init(clock: some Clock<Duration>) {
        self.clock = clock
        let origin = clock.now
        self.elapsed = { origin.duration(to: clock.now) }
        self.window = Int.max
    }

    /// Waits for the endpoint to take one more request, at most `patience`; `true` once the request may be sent
    /// (then ``finish(_:)`` must follow), `false` when the wait ran out.
    ///
    /// - Parameter limit: the limit the caller's agent file states, if any; the gate keeps the smallest it was told.
    public func enter(limit: Int?, patience: Duration) async -> Bool {
        if let limit, limit >= 1, limit < (self.limit ?? Int.max) {
            self.limit = limit
            window = min(window, limit)
        }
        if waiting.isEmpty, isOpen, inFlight < window {
            admit()
            return true
        }
        guard patience > .zero else { return false }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [clock] in
            try? await clock.sleep(for: patience)
            self.giveUp(id)
        }
        let admitted = await withCheckedContinuation { continuation in
            waiting.append(Waiter(id: id, continuation: continuation))
            admitWaiting()
        }
        timer.cancel()
        return admitted
    }

    /// Ends a request that ``enter(limit:patience:)`` let through, with what became of it.
    public func finish(_ result: Result) {
        inFlight -= 1
        switch result {
        case .answered:
            if window < (limit ?? Int.max) { window += 1 }
        case .rateLimited(let wait):
            rateLimits += 1
            let now = elapsed()
            // One halving per pause: the 429s of requests sent together are one signal, not several.
            if pausedUntil <= now { window = max(1, min(window, inFlight + 1) / 2) }
            let until = now + min(max(wait, .zero), Self.longestPause)
            if until > pausedUntil {
                pausedUntil = until
                let pause = until - now
                Task { [clock] in
                    try? await clock.sleep(for: pause)
                    self.admitWaiting()
                }
            }
        }
        admitWaiting()
    }

    private var isOpen: Bool { pausedUntil <= elapsed() }

    private func admit() {
        inFlight += 1
        mostInFlight = max(mostInFlight, inFlight)
    }

    private func admitWaiting() {
        while !waiting.isEmpty, inFlight < window, isOpen {
            admit()
            waiting.removeFirst().continuation.resume(returning: true)
        }
    }

    private func giveUp(_ id: Int) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(returning: false)
    }
}

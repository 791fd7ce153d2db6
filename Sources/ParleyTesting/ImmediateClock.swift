import Synchronization

/// A clock whose sleeps return at once and move its time forward by the time slept: code that waits (a
/// backoff, a `Retry-After`) runs without real waiting, and a test reads how long it would have waited.
public final class ImmediateClock: Clock, Sendable {
    // A class because the test and the code under test share one timeline; the mutex makes it Sendable.

    private let current = Mutex(ManualClock.Instant(offset: .zero))

    /// A clock at zero.
    public init() {}

    /// The current instant: zero plus every sleep so far.
    public var now: ManualClock.Instant { current.withLock { $0 } }

    /// The smallest step the clock can take.
    public var minimumResolution: Duration { .zero }

    /// Moves time to `deadline` (if it is later) and returns; throws `CancellationError` if the task is cancelled.
    public func sleep(until deadline: ManualClock.Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        current.withLock { $0 = max($0, deadline) }
    }
}

/// Where a running tournament stands, reported as sessions complete and as batches reach the store.
public struct TournamentProgress: Sendable, Hashable {
    /// Sessions in the tournament.
    public var total: Int
    /// Sessions already stored before this run started (a resumed tournament).
    public var resumed: Int
    /// Sessions this run has played so far.
    public var played: Int
    /// Sessions this run has stored so far.
    public var stored: Int
    /// Of the sessions played, those an agent ended by a fault: a failure, a rule violation or a turn timeout.
    public var failures: Int
    /// Seconds since this run started.
    public var elapsed: Double

    /// Progress as reported.
    public init(total: Int, resumed: Int, played: Int, stored: Int, failures: Int, elapsed: Double) {
        self.total = total
        self.resumed = resumed
        self.played = played
        self.stored = stored
        self.failures = failures
        self.elapsed = elapsed
    }

    /// Sessions finished, counting resumed ones.
    public var done: Int { resumed + played }

    /// Sessions played per second in this run.
    public var rate: Double { elapsed > 0 ? Double(played) / elapsed : 0 }

    /// Estimated seconds left at the current rate, when there is a rate.
    public var secondsLeft: Double? { rate > 0 ? Double(total - done) / rate : nil }
}

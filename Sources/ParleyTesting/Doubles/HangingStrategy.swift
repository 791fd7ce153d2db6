public import ParleyAgents
public import ParleyProtocol

/// A strategy that never answers: it sleeps on a manual clock far beyond any limit, and stops only when its task
/// is cancelled. The arbiter must end its turn at the limit as a `turnTimeout`.
public struct HangingStrategy: Strategy {
    /// The clock it sleeps on.
    public let clock: ManualClock

    /// A strategy that hangs on `clock`.
    public init(clock: ManualClock) {
        self.clock = clock
    }

    /// Sleeps for a million seconds of the clock's time, then accepts (if anyone is still waiting).
    public func respond(to view: TurnView) async throws -> Action {
        try await clock.sleep(for: .seconds(1_000_000))
        return .accept
    }
}

public import ParleyAgents
public import ParleyProtocol

/// A strategy that answers, but only after the manual clock has moved on by `delay`: past a turn limit, its late
/// answer must be refused as a `turnTimeout`.
public struct LateStrategy: Strategy {
    /// The clock it moves.
    public let clock: ManualClock
    /// How far it moves the clock before answering.
    public let delay: Duration

    /// A strategy that takes `delay` of `clock`'s time per turn.
    public init(clock: ManualClock, delay: Duration) {
        self.clock = clock
        self.delay = delay
    }

    /// Advances the clock, then walks away with reason `late`.
    public func respond(to view: TurnView) -> Action {
        clock.advance(by: delay)
        return .walkAway(reason: "late")
    }
}

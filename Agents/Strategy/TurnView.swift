public import ParleyProtocol

/// What a strategy sees on its turn: the public state of the session. It holds nothing private of the opponent.
public struct TurnView: Sendable {
    /// What every view of one session shares: its scenario. The arbiter makes one per session, so a view costs a
    /// reference rather than a copy of the scenario.
    public final class Shared: Sendable {
        /// The scenario.
        public let scenario: Scenario

        /// Shares a scenario between the views of a session.
        public init(scenario: Scenario) { self.scenario = scenario }
    }

    private let shared: Shared
    /// The side this strategy plays.
    public let role: Role
    /// The number of this action in the session, from 1.
    public let turn: Int
    /// The current round, from 1.
    public let round: Int
    /// Every action so far, in order.
    public let history: [TranscriptEntry]
    /// Time since the session started.
    public let elapsed: Duration

    /// The scenario.
    public var scenario: Scenario { shared.scenario }

    /// Creates a view of a session whose views share `shared`; the arbiter does this.
    public init(shared: Shared, role: Role, turn: Int, history: [TranscriptEntry], elapsed: Duration) {
        self.shared = shared
        self.role = role
        self.turn = turn
        self.round = (turn - 1) / 2 + 1
        self.history = history
        self.elapsed = elapsed
    }

    /// Creates a view of its own.
    public init(scenario: Scenario, role: Role, turn: Int, history: [TranscriptEntry], elapsed: Duration) {
        self.init(shared: Shared(scenario: scenario), role: role, turn: turn, history: history, elapsed: elapsed)
    }

    /// The opponent's offer that this side may accept now, if there is one.
    public var standingOffer: Terms? {
        // By index, so that only the terms are copied, not the whole entry.
        guard let last = history.indices.last, history[last].by == role.opponent else { return nil }
        return history[last].action.offeredTerms
    }

    /// The standing offer if it was made after turn `seen`, with `seen` moved to its turn: a strategy that learns
    /// from offers keeps one counter, passes it each turn, and so sees each offer once.
    public func newStandingOffer(since seen: inout Int) -> Terms? {
        guard let last = history.indices.last, history[last].by == role.opponent, history[last].turn > seen,
            let terms = history[last].action.offeredTerms
        else { return nil }
        seen = history[last].turn
        return terms
    }

    /// The opponent's last action, if it has acted.
    public var lastOpponentAction: Action? {
        history.lastIndex { $0.by == role.opponent }.map { history[$0].action }
    }

    /// Rounds left after this one, if rounds are limited.
    public var roundsLeft: Int? { shared.scenario.deadline.rounds.map { max(0, $0 - round) } }

    /// Whether this is this side's last chance to act under the rounds deadline (or the turn cap of a
    /// wall-clock-only deadline, ``Deadline/maximumTurns``).
    public var isLastTurn: Bool { turn + 1 >= shared.scenario.deadline.maximumTurns }

    /// Time left before the session's wall-clock deadline, if it has one.
    public var timeLeft: Duration? { shared.scenario.deadline.duration.map { max(.zero, $0 - elapsed) } }

    /// Relative time in [0, 1]: how far the session has gone toward its deadline, by rounds or by wall-clock
    /// time, whichever is further. A side's first round is 0 and its last round is 1.
    ///
    /// Time counts in steps of 1/1000 of the wall-clock deadline, so that microseconds of scheduling jitter
    /// never change a decision: a session that runs well inside its deadline replays exactly from its seed.
    public var progress: Double {
        let deadline = shared.scenario.deadline
        var progress = 0.0
        if let rounds = deadline.rounds {
            progress = rounds > 1 ? Double(round - 1) / Double(rounds - 1) : 1
        }
        if let limit = deadline.duration, limit > .zero {
            progress = max(progress, (elapsed / limit * Self.timeSteps).rounded(.down) / Self.timeSteps)
        }
        return min(1, max(0, progress))
    }

    /// The relative time at which a discounting profile values an agreement made now
    /// (``Deadline/discountTime(round:elapsed:)``): what this side's terms are worth if accepted on this turn is
    /// `utility × δ^discountTime` (see ``UtilityFunction/discounted(_:at:)``).
    public var discountTime: Double { shared.scenario.deadline.discountTime(round: round, elapsed: elapsed.seconds) }

    /// The relative time at which a discounting profile values an agreement in the next round, when the earliest an
    /// offer made now can be answered by the side that moves first is its next turn.
    public var nextRoundDiscountTime: Double { shared.scenario.deadline.discountTime(round: round + 1, elapsed: elapsed.seconds) }

    /// How many steps wall-clock progress counts in.
    static let timeSteps = 1000.0
}

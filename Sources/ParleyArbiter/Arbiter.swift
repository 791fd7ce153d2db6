public import Foundation
public import Logging
public import ParleyAgents
import ParleyAnalysis
import ParleyProtocol
public import ParleyRecords

/// Runs negotiation sessions between two agents and enforces the rules: turn order, domains, the deadline and
/// the per-turn time limit.
///
/// The clock, the wall clock and the logger are injected, so a session replays exactly from its seed and
/// tests control time. The arbiter checks every action with ``AlternatingOffers`` and writes the transcript as
/// the session goes. An agent that throws, breaks a rule, or takes too long ends only its own session, with
/// the outcome that names it. A strategy that throws ``AgentTimedOut`` (a remote agent whose request timed out)
/// ends it as a turn timeout.
///
/// Without a per-turn limit or a wall-clock deadline, a turn is a direct call; with one, each turn races the
/// strategy against a timer on the clock.
public struct Arbiter<C: Clock>: Sendable where C.Duration == Duration {
    /// The clock for elapsed times, deadlines and turn limits.
    public let clock: C
    /// The wall clock for the transcript's start date.
    public let wallClock: @Sendable () -> Date
    /// Where the arbiter logs session starts and ends (never private values).
    public let logger: Logger

    /// Creates an arbiter.
    public init(clock: C, wallClock: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.clock = clock
        self.wallClock = wallClock
        self.logger = logger
    }

    /// Runs one session to its end and returns its transcript and settlement.
    ///
    /// The session runs on the executor its buyer or else its seller prefers (``Strategy/preferredExecutor``), if
    /// any: a session with a remote agent runs on its HTTP client's transfer thread.
    public func run(_ setup: SessionSetup, buyer: any Strategy, seller: any Strategy) async -> SessionRecord {
        let executor = buyer.preferredExecutor ?? seller.preferredExecutor
        return await withTaskExecutorPreference(executor) {
            await session(setup, buyer: buyer, seller: seller, on: executor)
        }
    }

    private func session(_ setup: SessionSetup, buyer: any Strategy, seller: any Strategy, on executor: (any TaskExecutor)?) async -> SessionRecord {
        let scenario = setup.scenario
        var logger = logger
        logger[metadataKey: "session"] = "\(setup.id)"
        logger.debug("session started", metadata: ["scenario": "\(scenario.id)", "buyer": "\(setup.buyer)", "seller": "\(setup.seller)"])

        let startedAt = wallClock()
        let start = clock.now
        var sides = Sides(buyer: buyer, seller: seller)
        let shared = TurnView.Shared(scenario: scenario)
        var rules = AlternatingOffers(scenario: scenario)
        var entries: [TranscriptEntry] = []
        entries.reserveCapacity(min(scenario.deadline.maximumTurns, 256))
        var elapsed = Duration.zero

        while rules.outcome == nil {
            let role = rules.sideToMove
            let remaining = scenario.deadline.duration.map { $0 - elapsed }
            if let remaining, remaining <= .zero {
                rules.close(.deadline)
                break
            }
            let budget = Self.budget(turn: scenario.turnDuration, remaining: remaining)
            let result: TurnResult
            do {
                // The view lives only in this block, so the history is no longer shared when an entry is appended.
                let view = TurnView(shared: shared, role: role, turn: rules.turns + 1, history: entries, elapsed: elapsed)
                result = await turn(sides.take(role), view: view, budget: budget, clock: clock, on: executor)
            }
            let before = elapsed
            elapsed = start.duration(to: clock.now)
            switch consume result {
            case .answered(let action, let strategy):
                sides.put(strategy, for: role)
                if let limit = scenario.turnDuration, elapsed - before > limit {
                    rules.close(.turnTimeout(by: role))
                    break
                }
                let (turn, round) = (rules.turns + 1, rules.round)
                var violation: ProtocolViolation?
                do {
                    try rules.apply(action, by: role, elapsed: elapsed)
                } catch {
                    violation = error
                    rules.close(error.code == .pastDeadline ? .deadline : .violation(by: role, code: error.code))
                }
                // Built in place in the history, never copied.
                entries.append(
                    TranscriptEntry(turn: turn, round: round, by: role, action: action, elapsed: elapsed.seconds, violation: violation, trace: strategy.lastDecision)
                )
            case .threw(let error, let strategy):
                sides.put(strategy, for: role)
                rules.close(error is AgentTimedOut ? .turnTimeout(by: role) : .failure(by: role, error: Self.describe(error)))
            case .timedOut(let strategy):
                sides.put(strategy, for: role)
                let wallClockRanOut = remaining.map { $0 <= budget! } ?? false
                rules.close(wallClockRanOut ? .deadline : .turnTimeout(by: role))
            }
        }

        let outcome = rules.outcome!
        var accuracy: [Role: ModelAccuracy] = [:]
        for role in Role.allCases {
            var strategy = sides.take(role)
            await strategy.sessionEnded(with: outcome)
            if let landscape = setup.landscape, let model = (strategy as? any ModelCarrying)?.opponentModel {
                accuracy[role] = Self.accuracy(of: model, against: role == .buyer ? landscape.seller : landscape.buyer, in: landscape.space)
            }
            sides.put(strategy, for: role)
        }
        elapsed = start.duration(to: clock.now)
        logger.debug("session ended", metadata: ["outcome": "\(outcome.typeName)", "turns": "\(entries.count)"])
        let transcript = Transcript(
            header: .init(sessionID: setup.id, scenario: scenario, buyer: setup.buyer, seller: setup.seller, seed: setup.seed, startedAt: startedAt),
            entries: entries, outcome: outcome, elapsed: elapsed.seconds
        )
        var analysis = setup.landscape?.analyze(outcome, rounds: transcript.rounds, elapsed: elapsed.seconds)
        analysis?.buyer.modelAccuracy = accuracy[.buyer]
        analysis?.seller.modelAccuracy = accuracy[.seller]
        let settlement = Settlement(outcome: outcome, turns: entries.count, rounds: transcript.rounds, elapsed: elapsed.seconds, analysis: analysis)
        return SessionRecord(transcript: transcript, settlement: settlement)
    }

    /// How well a model estimates the opponent's true utility, over the space or an even sample of it.
    static func accuracy(of model: any OpponentModel, against truth: UtilityFunction, in space: OutcomeSpace) -> ModelAccuracy {
        let ordinals = ModelAccuracy.sample(count: space.count)
        var digits = [Int](repeating: 0, count: space.radices.count)
        let actual = ordinals.map { ordinal in
            for position in digits.indices { digits[position] = space.digit(of: ordinal, at: position) }
            return truth.utility(digits: digits)
        }
        return ModelAccuracy(estimated: ordinals.map { model.estimatedUtility(of: $0, in: space) }, truth: actual)
    }

    /// The time a turn may take: the per-turn limit or the time left before the deadline, whichever is shorter.
    static func budget(turn limit: Duration?, remaining: Duration?) -> Duration? {
        guard let limit else { return remaining }
        guard let remaining else { return limit }
        return min(limit, remaining)
    }

    /// A strategy's error as the transcript shows it: its description, at most 300 characters.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}

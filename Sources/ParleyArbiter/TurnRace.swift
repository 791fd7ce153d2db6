import ParleyAgents
import ParleyProtocol
import Synchronization

/// The result of asking a strategy to act within a time budget.
enum TurnResult: Sendable {
    /// It answered; the strategy's state after answering comes back with it.
    case answered(Action, any Strategy)
    /// It threw.
    case threw(any Error, any Strategy)
    /// It did not answer in time; its abandoned task keeps its state, so the strategy as it was before the turn
    /// comes back (to be told the outcome).
    case timedOut(any Strategy)
}

/// Asks a strategy for its turn's action: a direct call without a time budget, a race against a timer on the clock
/// with one (``race(_:view:budget:clock:on:)``).
@inline(__always)
func turn<C: Clock>(
    _ strategy: consuming any Strategy, view: TurnView, budget: Duration?, clock: C, on executor: (any TaskExecutor)?
) async -> TurnResult where C.Duration == Duration {
    if let budget { return await race(strategy, view: view, budget: budget, clock: clock, on: executor) }
    // A consuming parameter is the caller's strategy itself, moved in: mutating it copies nothing.
    do {
        let action = try await strategy.respond(to: view)
        return .answered(action, strategy)
    } catch {
        return .threw(error, strategy)
    }
}

/// The longest a turn's timer sleeps at once.
let timerStep = Duration.milliseconds(100)

/// Resumes a continuation once, whichever of the racers finishes first.
private final class FirstFinisher: Sendable {
    // A class because two tasks share it; the mutex makes it Sendable.
    private let continuation: Mutex<CheckedContinuation<TurnResult, Never>?>

    init(_ continuation: CheckedContinuation<TurnResult, Never>) {
        self.continuation = Mutex(continuation)
    }

    func finish(_ result: TurnResult) {
        continuation.withLock { $0.take() }?.resume(returning: result)
    }
}

/// Runs a strategy's turn in its own task (on the session's executor, if it has one), against a timer on the
/// injected clock.
///
/// If the timer wins, the strategy's task is cancelled and abandoned: a strategy that ignores cancellation
/// keeps its task, but no longer holds up the session.
///
/// The timer sleeps in steps of ``timerStep`` at most: Swift's runtime keeps a cancelled sleep's memory until the
/// time it was to wake, so a timer that slept the whole budget would hold memory for every turn of the last
/// minute or more (measured: about 48 KB per session of a 60-second scenario, growing with the tournament).
func race<C: Clock>(
    _ strategy: any Strategy, view: TurnView, budget: Duration, clock: C, on executor: (any TaskExecutor)?
) async -> TurnResult where C.Duration == Duration {
    var tasks: [Task<Void, Never>] = []
    let result = await withCheckedContinuation { (continuation: CheckedContinuation<TurnResult, Never>) in
        let finisher = FirstFinisher(continuation)
        tasks.append(Task(executorPreference: executor) {
            var strategy = strategy
            do {
                let action = try await strategy.respond(to: view)
                finisher.finish(.answered(action, strategy))
            } catch {
                finisher.finish(.threw(error, strategy))
            }
        })
        tasks.append(Task {
            do {
                // In steps, so that a cancelled timer ends within a step: a cancelled sleep keeps its task's memory
                // until the sleep's own deadline, which for a long budget and thousands of turns a second adds up.
                let deadline = clock.now.advanced(by: budget)
                while clock.now < deadline {
                    try await clock.sleep(until: min(deadline, clock.now.advanced(by: timerStep)), tolerance: nil)
                }
                finisher.finish(.timedOut(strategy))
            } catch {}
        })
    }
    for task in tasks { task.cancel() }
    return result
}

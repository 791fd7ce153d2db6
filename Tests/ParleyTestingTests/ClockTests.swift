import ParleyTesting
import Synchronization
import Testing

@Suite("Test clocks: a manual clock moves only when told, an immediate clock never waits")
struct ClockTests {
    @Test("A sleeper on the manual clock wakes only once time reaches its deadline, and only then")
    func manualClockWakesAtTheDeadline() async throws {
        let clock = ManualClock()
        let woke = Mutex(false)
        let sleeper = Task {
            try await clock.sleep(for: .seconds(10))
            woke.withLock { $0 = true }
        }
        await clock.waitForSleepers(count: 1)
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(9))
        #expect(clock.sleeperCount == 1, "nine seconds is not ten")
        #expect(!woke.withLock { $0 })
        clock.advance(by: .seconds(1))
        try await sleeper.value
        #expect(woke.withLock { $0 })
        #expect(clock.sleeperCount == 0)
        #expect(clock.now == ManualClock.Instant(offset: .seconds(10)))
    }

    @Test("A sleep whose deadline has passed returns at once; a cancelled sleeper throws and leaves the clock")
    func pastDeadlinesAndCancellation() async throws {
        let clock = ManualClock()
        clock.advance(by: .seconds(5))
        try await clock.sleep(until: ManualClock.Instant(offset: .seconds(3)))
        let sleeper = Task { try await clock.sleep(for: .seconds(100)) }
        await clock.waitForSleepers(count: 1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test("The immediate clock returns from every sleep at once and counts the time slept")
    func immediateClock() async throws {
        let clock = ImmediateClock()
        try await clock.sleep(for: .seconds(2))
        try await clock.sleep(for: .milliseconds(500))
        #expect(clock.now == ManualClock.Instant(offset: .milliseconds(2500)))
        try await clock.sleep(until: ManualClock.Instant(offset: .seconds(1)))
        #expect(clock.now == ManualClock.Instant(offset: .milliseconds(2500)), "a deadline in the past does not move time back")
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(for: .seconds(1))
        }
        await #expect(throws: CancellationError.self) { try await cancelled.value }
    }
}

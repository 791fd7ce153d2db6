import ParleyAgents
import ParleyArbiter
import Dispatch
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Synchronization

import Testing

@Suite("A session runs on the executor its agents prefer")
struct PreferredExecutorTests {
    @Test("Every turn of both agents runs with the preferred executor as its task's preference, and the session is the same as without one", arguments: [nil, 5.0])
    func everyTurnRunsThere(turnTimeLimit: Double?) async throws {
        var file = try Support.file()
        file.scenario.turnTimeLimit = turnTimeLimit
        let setup = try Support.setup(file, buyer: "boulware", seller: "conceder")
        let executor = QueueExecutor()
        let expected = executor.asUnownedTaskExecutor()

        let pinnedTurns = Mutex<[UnownedTaskExecutor?]>.Box([])
        let pinned = await Support.arbiter(ManualClock()).run(
            setup,
            buyer: PreferenceRecording(inner: try Support.agent("boulware", .buyer, file), seen: pinnedTurns, preferredExecutor: executor),
            seller: PreferenceRecording(inner: try Support.agent("conceder", .seller, file), seen: pinnedTurns)
        )
        let freeTurns = Mutex<[UnownedTaskExecutor?]>.Box([])
        let free = await Support.arbiter(ManualClock()).run(
            setup,
            buyer: PreferenceRecording(inner: try Support.agent("boulware", .buyer, file), seen: freeTurns),
            seller: PreferenceRecording(inner: try Support.agent("conceder", .seller, file), seen: freeTurns)
        )

        let pinnedSeen = pinnedTurns.value.withLock { $0 }, freeSeen = freeTurns.value.withLock { $0 }
        #expect(pinnedSeen.count == pinned.transcript.entries.count)
        #expect(pinnedSeen.count > 10)
        #expect(pinnedSeen.allSatisfy { $0 == expected })
        #expect(freeSeen.allSatisfy { $0 == nil })
        #expect(pinned.transcript.entries == free.transcript.entries)
        #expect(pinned.settlement == free.settlement)
    }
}

/// Wraps a strategy, records the executor preference of the task each turn runs in, and states a preferred executor.
struct PreferenceRecording: Strategy {
    var inner: any Strategy
    let seen: Mutex<[UnownedTaskExecutor?]>.Box
    var preferredExecutor: (any TaskExecutor)? = nil

    mutating func respond(to view: TurnView) async throws -> Action {
        let preference = withUnsafeCurrentTask { $0?.unownedTaskExecutor }
        seen.value.withLock { $0.append(preference) }
        return try await inner.respond(to: view)
    }
}

/// A task executor that runs jobs on a serial dispatch queue, as a transport's own thread would.
final class QueueExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "parley-test-executor")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

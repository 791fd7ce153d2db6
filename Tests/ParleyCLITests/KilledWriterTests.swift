import Foundation
import ParleyStore
import Testing

@Suite("A killed writer loses nothing")
struct KilledWriterTests {
    /// Starts `parley run --repeat` writing many sessions, kills it with SIGKILL once it has stored some, and
    /// checks that the store opens cleanly, verifies, and holds only complete sessions.
    @Test func sigkillMidwayLeavesOnlyCompleteSessions() async throws {
        let store = try CLI.temporaryPath("killed.sqlite")
        let writer = Process()
        writer.executableURL = CLI.binary
        writer.arguments = [
            "run", "--scenario", "Examples/Scenarios/reference-supply.json", "--buyer", "boulware", "--seller", "conceder",
            "--repeat", "1000000", "--store", store,
        ]
        writer.currentDirectoryURL = CLI.repository
        writer.standardOutput = FileHandle.nullDevice
        try writer.run()

        // Waiting on another process: no clock can be injected, so poll, bounded by a deadline.
        let deadline = ContinuousClock.now + .seconds(60)
        var stored = 0
        while stored < 40, writer.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            stored = (try? TranscriptStore(path: store, options: .init(readOnly: true)).count()) ?? 0
        }
        #expect(writer.isRunning, "the writer was still writing when killed")
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(writer.terminationReason == .uncaughtSignal)

        let reopened = try TranscriptStore(path: store)
        let result = try reopened.verifyAll()
        #expect(result.failures.isEmpty)
        #expect(result.checked >= 40)
        for session in try reopened.sessions() {
            #expect(try reopened.links(of: session).count == session.turns + 2, "header, every event, settlement")
        }
        #expect(Set(try reopened.sessions().map(\.seed)).count == result.checked, "no session stored twice")
    }
}

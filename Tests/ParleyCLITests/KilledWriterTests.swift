import Foundation
import ParleyLedger
import ParleyStore
import Testing

@Suite("A killed writer loses nothing")
struct KilledWriterTests {
    /// Starts `parley run --repeat` writing many sessions, kills it with SIGKILL once it has stored some, and
    /// checks that the store opens cleanly, verifies, and holds only complete sessions.
    @Test func sigkillMidwayLeavesOnlyCompleteSessions() throws {
        let store = try CLI.temporaryPath("killed.sqlite")
        let writer = try CLI.start(
            [
                "run", "--scenario", "Examples/Scenarios/reference-supply.json", "--buyer", "boulware", "--seller", "conceder",
                "--repeat", "1000000", "--store", store,
            ],
            untilStored: 40, in: store
        )
        #expect(writer.isRunning, "the writer was still writing when killed")
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(writer.terminationReason == .uncaughtSignal)

        let reopened = try SQLiteStore(path: store)
        let result = try reopened.verifyAll()
        #expect(result.failures.isEmpty)
        #expect(result.checked >= 40)
        for session in try reopened.sessions() {
            #expect(try reopened.links(of: session).count == session.turns + 2, "header, every event, settlement")
        }
        #expect(Set(try reopened.sessions().map(\.seed)).count == result.checked, "no session stored twice")
    }
}

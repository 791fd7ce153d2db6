import Foundation
import ParleyLedger
import ParleyPostgres
import Testing

@Suite("Commands on a PostgreSQL store")
struct PostgresCommandTests {
    /// A tournament into PostgreSQL (`--store postgres://…`) resumes like one into SQLite, verifies, lists its
    /// sessions, and reports the same leaderboard as the same tournament in an SQLite file.
    @Test func aTournamentInPostgresReportsWhatTheSameTournamentInSQLiteDoes() throws {
        let url = try CLI.postgresDatabase()
        let arguments = [
            "tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--agents", "boulware,linear,conceder,random", "--repetitions", "4",
        ]
        let run = try CLI.run(arguments + ["--store", url])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("48 of 48 stored in \(url)"), "\(run.output)")
        let again = try CLI.run(arguments + ["--store", url])
        #expect(again.output.contains("Played 0 sessions") && again.output.contains("resumed after 48 already stored"), "\(again.output)")
        let verify = try CLI.run("transcripts", "verify", "--store", url)
        #expect(verify.status == 0 && verify.output.contains("verified 48 sessions"), "\(verify.output)\(verify.errors)")
        let list = try CLI.run("transcripts", "list", "--store", url, "--limit", "3")
        #expect(list.status == 0 && list.output.contains("3 sessions"), "\(list.output)")
        let sqlite = try CLI.temporaryPath("same.sqlite")
        #expect(try CLI.run(arguments + ["--store", sqlite]).status == 0)
        let expected = try CLI.run("tournament", "report", "--store", sqlite)
        let report = try CLI.run("tournament", "report", "--store", url)
        #expect(report.status == 0 && report.output == expected.output)
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() throws {
        let run = try CLI.run("transcripts", "list", "--store", "postgres://parley:hunter2@127.0.0.1:1/parley")
        #expect(run.status != 0)
        #expect(run.errors.contains("cannot reach postgres://parley@127.0.0.1:1/parley") && run.errors.contains("[cannot_open]"), "\(run.errors)")
        #expect(!run.errors.contains("hunter2"))
    }
}

@Suite("Tournament workers sharing a PostgreSQL store")
struct TournamentWorkerTests {
    /// Three worker processes play one tournament into one PostgreSQL store; one is killed with SIGKILL midway. The
    /// other two finish it, claiming the dead worker's blocks once its lease expires: every planned session is stored
    /// exactly once, the store verifies, and the leaderboard equals a single process's run into SQLite.
    @Test func aKilledWorkersBlocksArePlayedByTheOthers() throws {
        let url = try CLI.postgresDatabase()
        let arguments = [
            "tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--agents", "boulware,linear,conceder,tit-for-tat,random",
            "--repetitions", "60", "--seed", "5", "--jobs", "1",
        ]
        let total = 20 * 60
        let shared = arguments + ["--store", url, "--worker", "--lease", "2"]
        let doomed = try CLI.start(shared + ["--worker-name", "doomed"], untilStored: 1, in: url)
        let survivors = try ["steady", "patient"].map { name in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = shared + ["--worker-name", name]
            process.currentDirectoryURL = CLI.repository
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        // Kill the doomed worker once the three together have stored a fifth of the tournament.
        let deadline = ContinuousClock.now + .seconds(60)
        while (try? CLI.storedCount(in: url)) ?? 0 < total / 5, doomed.isRunning, ContinuousClock.now < deadline { usleep(5_000) }
        #expect(doomed.isRunning, "the worker was still playing when killed")
        kill(doomed.processIdentifier, SIGKILL)
        doomed.waitUntilExit()
        for survivor in survivors {
            survivor.waitUntilExit()
            #expect(survivor.terminationStatus == 0)
        }

        let store = try PostgresStore(url: url)
        let tournament = try #require(try store.tournaments().first)
        #expect(try store.count() == total && tournament.completed == total, "every planned session stored, none twice")
        #expect(try store.completedSessions(of: tournament.id, total: total).members == total)
        let verify = try CLI.run("transcripts", "verify", "--store", url)
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
        let sqlite = try CLI.temporaryPath("single.sqlite")
        #expect(try CLI.run(arguments + ["--store", sqlite]).status == 0)
        let expected = try CLI.run("tournament", "report", "--store", sqlite)
        let report = try CLI.run("tournament", "report", "--store", url)
        #expect(report.output == expected.output)
    }

    @Test func workersNeedASharedStore() throws {
        let sqlite = try CLI.temporaryPath("alone.sqlite")
        let run = try CLI.run("tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--store", sqlite, "--worker")
        #expect(run.status != 0 && run.errors.contains("--worker needs a store that workers share"), "\(run.errors)")
        let both = try CLI.run("tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--store", "postgres://a@127.0.0.1/b", "--worker", "--shard", "1/2")
        #expect(both.status != 0 && both.errors.contains("cannot be combined"))
        let lease = try CLI.run("tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "--store", "postgres://a@127.0.0.1/b", "--worker", "--lease", "0")
        #expect(lease.status != 0 && lease.errors.contains("--lease must be between"))
    }
}

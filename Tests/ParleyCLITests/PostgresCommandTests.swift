import Foundation
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

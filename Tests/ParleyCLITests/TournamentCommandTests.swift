import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import ParleyAgents
import ParleyLedger
import ParleyStore
import Testing

@Suite("parley tournament and plot")
struct TournamentCommandTests {
    static let scenarios = ["Examples/Scenarios/industrial-components.json", "Examples/Scenarios/reference-supply.json"]

    @Test func theBuiltInsPlayOnTheExampleScenariosAndEveryReportIsWritten() throws {
        let store = try CLI.temporaryPath("tournament.sqlite")
        let out = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("reports")
        let run = try CLI.run(["tournament", "--scenario"] + Self.scenarios + ["--repetitions", "2", "--store", store, "--out", out.path])
        #expect(run.status == 0, "\(run.errors)")
        let agents = StrategyRegistry.builtIns.defaultField.count
        let total = agents * (agents - 1) * Self.scenarios.count * 2
        #expect(agents == 11)
        for name in StrategyRegistry.builtIns.defaultField {
            #expect(run.output.contains("  \(name) "), "the leaderboard lists \(name)")
        }
        #expect(run.output.split(separator: "\n").contains { $0.hasPrefix("rank ") && $0.contains(" agent ") }, "the leaderboard's header")
        #expect(run.output.contains("Played \(total) sessions"))
        #expect(run.errors.isEmpty, "no progress lines when standard error is not a terminal")
        for file in ["leaderboard.md", "leaderboard.csv", "sessions.csv", "tournament.json", "summary.svg", "index.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) written")
        }
        let sessions = try String(contentsOf: out.appendingPathComponent("sessions.csv"), encoding: .utf8).split(separator: "\n")
        #expect(sessions.count == total + 1, "a header and one row per session")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("tournament.json"))) as? [String: Any])
        #expect(summary["total"] as? Int == total && summary["completed"] as? Int == total)
        #expect(XMLParser(data: try Data(contentsOf: out.appendingPathComponent("summary.svg"))).parse())

        // The report rebuilds the same files from the store alone.
        let rebuilt = out.deletingLastPathComponent().appendingPathComponent("rebuilt")
        let report = try CLI.run("tournament", "report", "--store", store, "--out", rebuilt.path)
        #expect(report.status == 0)
        for file in ["leaderboard.md", "leaderboard.csv", "sessions.csv", "tournament.json", "index.html"] {
            #expect(try Data(contentsOf: rebuilt.appendingPathComponent(file)) == Data(contentsOf: out.appendingPathComponent(file)), "\(file) rebuilt identically")
        }

        // Any session replays alone with `parley run` and the seed from sessions.csv.
        let columns = sessions[0].split(separator: ",").map(String.init)
        let row = sessions[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func field(_ name: String) -> String { row[columns.firstIndex(of: name)!] }
        let scenarioFile = Self.scenarios.first { $0.contains(field("scenario")) }!
        let replay = try CLI.run("run", "--scenario", scenarioFile, "--buyer", field("buyer"), "--seller", field("seller"), "--seed", field("seed"), "--no-store", "--json")
        // Decoded with JSONDecoder, which reads every double exactly (JSONSerialization on Linux may go through
        // Decimal and lose the last digit).
        struct Replayed: Decodable {
            struct Settlement: Decodable {
                struct Analysis: Decodable { struct Side: Decodable { let utility: Double }; let buyer: Side }
                let turns: Int
                let analysis: Analysis
            }
            let settlement: Settlement
        }
        let replayed = try JSONDecoder().decode(Replayed.self, from: Data(replay.output.utf8))
        #expect(replayed.settlement.turns == Int(field("turns")))
        #expect(replayed.settlement.analysis.buyer.utility == Double(field("buyer_utility")))

        let plot = out.appendingPathComponent("session.svg")
        let drawn = try CLI.run("plot", "3", "--store", store, "--out", plot.path)
        #expect(drawn.status == 0)
        #expect(XMLParser(data: try Data(contentsOf: plot)).parse())
    }

    /// A scenario whose profiles discount time: each session's settlement has both sides' discounted utilities at
    /// its round, the leaderboard ranks by them with the undiscounted mean beside, and the store verifies.
    @Test func aDiscountedScenarioRanksByDiscountedUtilityAndVerifies() throws {
        let store = try CLI.temporaryPath("discounted.sqlite")
        let out = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("discounted")
        let scenario = "Examples/Scenarios/raw-materials-indexation.json"
        let run = try CLI.run("tournament", "--scenario", scenario, "--agents", "boulware,conceder,hardliner", "--store", store, "--out", out.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("±95%  undiscounted") && run.output.contains("Some profiles discount time"))
        let sessions = try String(contentsOf: out.appendingPathComponent("sessions.csv"), encoding: .utf8).split(separator: "\n")
        let columns = sessions[0].split(separator: ",").map(String.init)
        #expect(columns.suffix(6).prefix(2) == ["buyer_discounted_utility", "seller_discounted_utility"])
        for line in sessions.dropFirst() {
            let row = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            func number(_ name: String) -> Double { Double(row[columns.firstIndex(of: name)!]) ?? .nan }
            // Both profiles discount by 0.7 over 80 rounds: utility × 0.7^(rounds / 80).
            let factor = pow(0.7, min(1, number("rounds") / 80))
            #expect(abs(number("buyer_discounted_utility") - number("buyer_utility") * factor) < 1e-12)
            #expect(abs(number("seller_discounted_utility") - number("seller_utility") * factor) < 1e-12)
        }
        let verified = try CLI.run("transcripts", "verify", "--all", "--store", store)
        #expect(verified.status == 0, "\(verified.output)\(verified.errors)")
    }

    /// An oracle experiment: refused unless profiles are revealed; with them, the oracle's accuracy is perfect.
    @Test func anOracleNeedsRevealedProfilesAndIsThenPerfect() throws {
        let store = try CLI.temporaryPath("oracle.sqlite")
        let arguments = ["tournament", "--scenario", Self.scenarios[1], "--agents", "linear:model=oracle,boulware:model=bayes", "--store", store]
        let refused = try CLI.run(arguments)
        #expect(refused.status != 0 && refused.errors.contains("--reveal-profiles"))
        let run = try CLI.run(arguments + ["--reveal-profiles"])
        #expect(run.status == 0, "\(run.errors)")
        let line = try #require(run.output.split(separator: "\n").first { $0.contains("linear:model=oracle") })
        #expect(line.contains("1.000    1.000"), "\(line)")
    }

    @Test func badArgumentsGetClearErrors() throws {
        let store = try CLI.temporaryPath("bad.sqlite")
        let duplicate = try CLI.run("tournament", "--scenario", Self.scenarios[1], "--agents", "boulware,boulware", "--store", store)
        #expect(duplicate.status != 0)
        #expect(duplicate.errors.contains("named twice") && duplicate.errors.contains("duplicate_agent"))
        let unknown = try CLI.run("tournament", "--scenario", Self.scenarios[1], "--agents", "boulware,nobody", "--store", store)
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("nobody"))
        #expect(!FileManager.default.fileExists(atPath: store), "a tournament with a bad agent fails before it creates the store")
        let noStore = try CLI.run("tournament", "report", "--store", store)
        #expect(noStore.status != 0)
        #expect(noStore.errors.contains("there is no store"))
        #expect(try CLI.run("run", "--scenario", Self.scenarios[1], "--buyer", "boulware", "--seller", "conceder", "--store", store).status == 0)
        let empty = try CLI.run("tournament", "report", "--store", store)
        #expect(empty.status != 0)
        #expect(empty.errors.contains("holds no tournament"))
        let missing = try CLI.run("plot", "99", "--store", store, "--out", store + ".svg")
        #expect(missing.status != 0)
        #expect(missing.errors.contains("no session '99'"))
    }

    /// Kills a tournament with SIGKILL midway, reruns the same command, and checks that every session exists
    /// exactly once and that the leaderboard equals an uninterrupted run's.
    @Test func aKilledTournamentResumesToTheSameLeaderboard() throws {
        let store = try CLI.temporaryPath("killed.sqlite")
        let arguments = [
            "tournament", "--scenario", Self.scenarios[1], "--agents", "boulware,linear,conceder,tit-for-tat,random",
            "--repetitions", "100", "--seed", "11", "--jobs", "2",
        ]
        let total = 20 * 100
        let writer = try CLI.start(arguments + ["--store", store], untilStored: 200, in: store)
        #expect(writer.isRunning, "the tournament was still running when killed")
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        let survived = try SQLiteStore(path: store, options: .init(readOnly: true)).count()
        #expect(survived > 0 && survived < total)

        let resumed = try CLI.run(arguments + ["--store", store])
        #expect(resumed.status == 0)
        #expect(resumed.output.contains("Played \(total - survived) sessions"))
        #expect(resumed.output.contains("resumed after \(survived) already stored"))
        let counts = try DatabaseQueue(path: store).read { db in
            try Row.fetchOne(db, sql: "SELECT count(*) AS rows, count(DISTINCT idx) AS positions, (SELECT count(*) FROM sessions) AS sessions FROM tournament_sessions")!
        }
        #expect(counts["rows"] as Int == total && counts["positions"] as Int == total && counts["sessions"] as Int == total)
        #expect(try SQLiteStore(path: store).verifyAll().failures.isEmpty)

        let fresh = try CLI.temporaryPath("uninterrupted.sqlite")
        let uninterrupted = try CLI.run(arguments + ["--store", fresh])
        func leaderboard(_ output: String) -> String { String(output.split(separator: "\nPlayed ")[0]) }
        #expect(leaderboard(resumed.output) == leaderboard(uninterrupted.output))
    }
}

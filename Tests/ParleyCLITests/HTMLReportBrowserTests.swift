import Foundation
import Testing

/// The HTML report in a real browser: Chromium (Debian's `chromium`, headless) opens `index.html` from disk, the
/// page drives its own controls once (`#selftest`) and writes what it saw into the page, and the test reads the
/// page back with `--dump-dom`.
@Suite("The HTML report in Chromium")
struct HTMLReportBrowserTests {
    /// Where the screenshot is kept, in the build tree: `.build/report-artifacts/`.
    static let artifacts = CLI.repository.appendingPathComponent(".build/report-artifacts")

    static func chromium(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    struct SelfTest: Decodable {
        var errors: [String]
        var leaderboard: [[String: String]]
        var ascending: [Double]
        var descending: [Double]
        var replayMoves: Int?
        var afterFirstMove: String?
        var currentMarks: Int?
        var visibleMarks: Int?
        var agreementRowsShown: Int
        var agreementRowsExpected: Int
    }

    @Test func theReportLoadsSortsFiltersAndReplaysWithoutErrors() throws {
        let store = try CLI.temporaryPath("report.sqlite")
        let out = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("reports")
        let run = try CLI.run([
            "tournament", "--scenario", "Examples/Scenarios/reference-supply.json", "Examples/Scenarios/raw-materials-indexation.json",
            "--agents", "boulware,conceder,hardheaded,micro", "--repetitions", "2", "--store", store, "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.errors)")
        let page = out.appendingPathComponent("index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Self-contained: no external script, style, image or link target.
        #expect(!html.contains("<link") && !html.contains(" src=") && !html.contains("href=\"http") && !html.contains("@import"))
        // Readable without the script: the leaderboard's rows are in the markup.
        #expect(html.contains("<tr data-agent=\"boulware\">") && html.contains("<tr data-agent=\"micro\">"))

        let dump = try Self.chromium(["--virtual-time-budget=10000", "--dump-dom", page.absoluteString + "#selftest"])
        #expect(dump.status == 0)
        let start = try #require(dump.output.range(of: "<pre id=\"selftest-result\">"), "the page's script ran to its end")
        let end = try #require(dump.output.range(of: "</pre>", range: start.upperBound..<dump.output.endIndex))
        let json = String(dump.output[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let result = try JSONDecoder().decode(SelfTest.self, from: Data(json.utf8))
        #expect(result.errors.isEmpty, "console errors: \(result.errors)")

        // The leaderboard: one row per agent, with the figures of leaderboard.csv.
        let csv = try String(contentsOf: out.appendingPathComponent("leaderboard.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = csv[0]
        #expect(result.leaderboard.count == csv.count - 1 && result.leaderboard.count == 4)
        for (row, shown) in zip(csv.dropFirst(), result.leaderboard) {
            for (column, value) in zip(header, row) where shown[column] != nil {
                let cell = shown[column] ?? ""
                if let number = Double(value) {
                    #expect(Double(cell) == number, "\(row[2]) \(column): page \(cell), csv \(value)")
                } else {
                    #expect(cell == value, "\(row[2]) \(column)")
                }
            }
        }
        // Sorting, both ways; the replay's slider; a filter.
        #expect(result.ascending == result.ascending.sorted() && result.descending == result.ascending.reversed())
        #expect((result.replayMoves ?? 0) > 1)
        #expect(result.afterFirstMove?.hasPrefix("turn 1 ·") == true, "\(result.afterFirstMove ?? "")")
        #expect(result.currentMarks == 1 && result.visibleMarks == 1)
        #expect(result.agreementRowsShown == result.agreementRowsExpected && result.agreementRowsShown > 0)

        // A screenshot, kept in the build tree as the run's artefact.
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let screenshot = Self.artifacts.appendingPathComponent("index.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try Self.chromium(["--virtual-time-budget=5000", "--window-size=1280,2400", "--screenshot=\(screenshot.path)", page.absoluteString])
        #expect(shot.status == 0)
        let png = try Data(contentsOf: screenshot)
        #expect(png.count > 10_000 && png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }
}

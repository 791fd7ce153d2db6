import ArgumentParser
import Foundation
import ParleyLedger
import ParleyReports
import ParleyStore
import ParleyTournament

/// `parley plot`: draw a stored session.
struct Plot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a stored session as SVG: both sides' offers in utility space, the Pareto frontier, Nash and Kalai points, the agreement."
    )

    @Argument(help: "The session: its number in the store, or its session id.")
    var session: String

    @Option(help: ArgumentHelp(stringLiteral: StoreLocation.help))
    var store = "parley.sqlite"

    @Option(help: "The SVG file to write.")
    var out: String

    func run() async throws {
        let transcripts = try StoreLocation.open(store, readOnly: true)
        let stored = try transcripts.session(session)
        let (record, profiles) = try transcripts.record(of: stored)
        try Data(SessionPlot(record: record, profiles: profiles).svg().utf8).write(to: URL(fileURLWithPath: out))
        print("Session \(stored.number) drawn in \(out).")
    }
}

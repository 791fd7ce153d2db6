import Foundation
import ParleyTournament
import Synchronization

/// Shows a running tournament's progress on standard error: a line redrawn in place on a terminal (at most ten
/// times a second), nothing otherwise, so logs and pipes get only the final summary.
final class ProgressDisplay: Sendable {
    private let interactive: Bool
    private let state = Mutex<(last: TournamentProgress?, drawnAt: Double)>((nil, 0))

    init(interactive: Bool) {
        self.interactive = interactive
    }

    /// Records progress; redraws when on a terminal and enough time has passed.
    @Sendable func update(_ progress: TournamentProgress) {
        let line: String? = state.withLock { state in
            state.last = progress
            guard interactive, progress.elapsed - state.drawnAt >= 0.1 || progress.done == progress.total else { return nil }
            state.drawnAt = progress.elapsed
            return Self.line(progress)
        }
        if let line { FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8)) }
    }

    /// Ends the progress line.
    func finish() {
        let last = state.withLock { $0.last }
        if interactive, let last { FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Self.line(last) + "\n").utf8)) }
    }

    /// `1234/5000 sessions · 2,400/s · ETA 2s · 0 failures`.
    static func line(_ progress: TournamentProgress) -> String {
        let eta = progress.secondsLeft.map { " · ETA " + duration($0) } ?? ""
        return "\(progress.done)/\(progress.total) sessions · \(String(format: "%.0f", progress.rate))/s\(eta) · \(progress.failures) failure\(progress.failures == 1 ? "" : "s")"
    }

    /// The one line printed at the end, terminal or not.
    static func summary(_ progress: TournamentProgress, store: String) -> String {
        var text = "Played \(progress.played) sessions in \(String(format: "%.2f", progress.elapsed)) s (\(String(format: progress.rate < 10 ? "%.2f" : "%.0f", progress.rate)) sessions/s)"
        if progress.resumed > 0 { text += ", resumed after \(progress.resumed) already stored" }
        text += "; \(progress.failures) ended by an agent fault; \(progress.done) of \(progress.total) stored in \(store)."
        return text
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? String(format: "%.0fs", seconds.rounded(.up)) : String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
    }
}

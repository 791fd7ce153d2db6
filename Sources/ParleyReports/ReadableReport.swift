import Foundation
public import ParleyAnalysis
public import ParleyRecords
import ParleyProtocol

/// A session as people read it (what `parley run` and `parley transcripts show` print): each turn with both
/// sides' utilities, how each LLM move was decided, then the outcome and the settlement analysis.
public struct ReadableReport: Sendable {
    /// The session.
    public let record: SessionRecord
    /// Both sides' utilities, to show each offer's worth; `nil` shows the moves only.
    public let landscape: OutcomeLandscape?

    /// A report of a session, with its offers' utilities when the landscape is given.
    public init(record: SessionRecord, landscape: OutcomeLandscape?) {
        self.record = record
        self.landscape = landscape
    }

    /// The report, one line per turn, with every control character in text from the agents (notes, reasons,
    /// errors, names) escaped, so printing it cannot steer a terminal.
    public var text: String {
        lines.map(\.escapingControlCharacters).joined(separator: "\n")
    }

    private var lines: [String] {
        let transcript = record.transcript
        let header = transcript.header
        let scenario = header.scenario
        var lines = [
            "\(scenario.name) (\(scenario.id)) · session \(header.sessionID) · seed \(header.seed)",
            "buyer: \(header.buyer) · seller: \(header.seller) · \(scenario.opener) opens · \(Self.deadline(scenario.deadline))",
            "",
            "turn round side    " + "action".padding(toLength: 58, withPad: " ", startingAt: 0) + "u(buyer) u(seller)",
        ]
        for entry in transcript.entries {
            var row = "\(Self.pad(entry.turn, 4)) \(Self.pad(entry.round, 5)) \(entry.by.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) "
            row += describe(entry.action, in: scenario).padding(toLength: 58, withPad: " ", startingAt: 0)
            if let terms = entry.action.offeredTerms, let (buyer, seller) = landscape?.utilities(of: terms) {
                row += "  \(Self.number(buyer))    \(Self.number(seller))"
            }
            if let violation = entry.violation { row += "  refused: \(violation)" }
            if let trace = entry.trace { row += "  " + Self.describe(trace) }
            lines.append(row)
        }
        lines.append("")
        lines.append("Outcome: " + describe(record.settlement.outcome, in: scenario) + " after \(record.settlement.turns) turns")
        if let analysis = record.settlement.analysis { lines += describe(analysis, in: scenario) }
        let usages = Role.allCases.compactMap { side in ModelUsage(entries: transcript.entries, side: side).map { (side, $0) } }
        if !usages.isEmpty { lines.append("") }
        for (side, usage) in usages { lines.append("the \(side)'s model: " + Self.describe(usage)) }
        return lines
    }

    /// What a side's model cost in brief: requests, tokens, cost, latency, and who decided the moves.
    static func describe(_ usage: ModelUsage) -> String {
        var text = "\(usage.requests) request\(usage.requests == 1 ? "" : "s"), \(usage.promptTokens) prompt + \(usage.completionTokens) completion tokens"
        if let cost = usage.cost { text += ", cost " + String(format: "%.6f", cost) + (usage.currency.map { " \($0)" } ?? "") }
        text += String(format: ", latency %.2f s a request (slowest %.2f s)", usage.meanLatency, usage.slowest)
        var moves = ["\(usage.modelMoves) by the model", "\(usage.fallbackMoves) by the fallback"]
        if usage.strategyMoves > 0 { moves.append("\(usage.strategyMoves) by the strategy with the model's note") }
        text += "; moves: " + moves.joined(separator: ", ")
        if usage.mandateRefusals > 0 { text += "; \(usage.mandateRefusals) out-of-mandate replies refused" }
        if usage.notesWithheld > 0 { text += "; \(usage.notesWithheld) notes withheld" }
        if let leak = usage.meanLeakScore, let format = usage.meanFormatScore {
            text += String(format: "; the judge scored %d notes: leak %.2f, format %.2f on average", usage.judgedNotes, leak, format)
        }
        return text
    }

    private func describe(_ analysis: SettlementAnalysis, in scenario: Scenario) -> [String] {
        var lines = [
            "",
            "              buyer   seller",
            "utility       \(Self.number(analysis.buyer.utility))   \(Self.number(analysis.seller.utility))",
            "reservation   \(Self.number(analysis.buyer.reservation))   \(Self.number(analysis.seller.reservation))",
            "advantage     \(Self.number(analysis.buyer.advantage))   \(Self.number(analysis.seller.advantage))",
        ]
        if let t = analysis.discountTime {
            let buyer = analysis.buyer.discountedUtility.map(Self.number) ?? "    – "
            let seller = analysis.seller.discountedUtility.map(Self.number) ?? "    – "
            lines.append("discounted    \(buyer)   \(seller)   (at t = \(Self.number(t)))")
        }
        lines += [
            "",
            "social welfare \(Self.number(analysis.socialWelfare)) · Nash product \(Self.number(analysis.nashProduct))",
            "Pareto-optimal: \(analysis.paretoOptimal ? "yes" : "no") · distance to frontier \(Self.number(analysis.distanceToPareto)) "
                + "(\(analysis.frontierSize) frontier points of \(analysis.outcomeCount) outcomes)",
        ]
        var points = [
            ("Nash point             ", analysis.nash, analysis.distanceToNash),
            ("Kalai–Smorodinsky point", analysis.kalaiSmorodinsky, analysis.distanceToKalaiSmorodinsky),
        ]
        // A record stored before the egalitarian point was reported has none even when the others exist: no line then.
        if analysis.egalitarian != nil || analysis.nash == nil {
            points.append(("egalitarian point      ", analysis.egalitarian, analysis.distanceToEgalitarian))
        }
        for (name, point, distance) in points {
            guard let point, let distance else {
                lines.append("\(name): none (no outcome is acceptable to both)")
                continue
            }
            lines.append("\(name): \(Self.format(point.terms, in: scenario)) · buyer \(Self.number(point.buyer)) seller \(Self.number(point.seller)) · distance \(Self.number(distance))")
        }
        return lines
    }

    private func describe(_ action: Action, in scenario: Scenario) -> String {
        let text: String
        switch action.move {
        case .offer(let terms): text = "offer " + Self.format(terms, in: scenario)
        case .accept: text = "accept"
        case .walkAway(let reason): text = "walk away" + (reason.map { ": \($0)" } ?? "")
        }
        return text + (action.note.map { " “\($0)”" } ?? "")
    }

    private func describe(_ outcome: Outcome, in scenario: Scenario) -> String {
        switch outcome {
        case .agreement(let agreement): "agreement on \(Self.format(agreement.terms, in: scenario)) (offered by the \(agreement.proposer))"
        case .walkAway(let role, let reason): "the \(role) walked away" + (reason.map { ": \($0)" } ?? "")
        case .deadline: "deadline reached without agreement"
        case .turnTimeout(let role): "the \(role) exceeded its turn time limit"
        case .violation(let role, let code): "the \(role) broke a rule (\(code))"
        case .failure(let role, let error): "the \(role)'s agent failed: \(error)"
        }
    }

    /// Terms as people read them, in the scenario's issue order (`price EUR 150.00, quantity 40`), any issue the
    /// scenario lacks after them.
    static func format(_ terms: Terms, in scenario: Scenario) -> String {
        let known = scenario.issues.compactMap { issue in terms[issue.name].map { "\(issue.name) \(issue.domain.format($0))" } }
        let unknown = terms.values.keys.filter { scenario.issue(named: $0) == nil }.sorted().map { "\($0) \(terms[$0]!)" }
        return (known + unknown).joined(separator: ", ")
    }

    private static func deadline(_ deadline: Deadline) -> String {
        [deadline.rounds.map { "\($0) rounds" }, deadline.seconds.map { "\($0) s" }].compactMap { $0 }.joined(separator: " or ")
    }

    private static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    /// An LLM move in brief: who decided, after how many requests, what was refused; a tools client's move as such.
    static func describe(_ trace: DecisionTrace) -> String {
        if trace.decidedBy == .client { return "[decided by the tools client]" }
        let refused = trace.attempts.compactMap { $0.rejection?.code.rawValue }
        var text = "[\(trace.decidedBy.rawValue), \(trace.attempts.count) request\(trace.attempts.count == 1 ? "" : "s")"
        if let choices = trace.choices { text += "; picked from \(choices) moves" }
        if !refused.isEmpty { text += "; refused: " + refused.joined(separator: ", ") }
        if trace.noteRedacted { text += "; note withheld" }
        if let leak = trace.judgement?.leak { text += String(format: "; judged leak %.2f", leak) }
        if let reason = trace.fallbackReason { text += "; \(reason)" }
        return text + "]"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

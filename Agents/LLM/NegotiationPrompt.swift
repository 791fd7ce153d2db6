import Foundation
import ParleyAgents
import ParleyProtocol

/// What the model is told: a system message with the role, the issues and their domains, the principal's
/// preferences and the reply format, then one compact message per turn with the history and the standing offer.
///
/// The preferences are private to the agent: they go to its own model, never to the opponent, and the model is
/// told never to reveal them (``NoteRedactor`` withholds a note that does).
struct NegotiationPrompt: Sendable {
    /// The scenario.
    let scenario: Scenario
    /// The side the agent plays.
    let role: Role
    /// The principal's profile, compiled.
    let utility: UtilityFunction
    /// The principal's profile as written, for its value functions.
    let profile: Profile
    /// The persona or instructions from the agent file.
    let instructions: String?
    /// How far the model decides the moves.
    var mode: HybridMode = .full
    /// The placeholders of the reply format the prompt shows: the reasoning's and the note's. A small model may copy
    /// one into its note, which must then not reach the opponent (``NoteRedactor``).
    static let placeholders = ["your private reasoning", "a short message to the opponent (at most \(Action.maximumNoteLength) characters)"]

    /// The most history entries shown in a turn message; earlier ones are counted.
    static let historyShown = 16

    /// The system message. `schemaInPrompt` is the reply's JSON Schema when the prompt must carry it, for
    /// endpoints without structured outputs.
    func system(schemaInPrompt schema: JSONValue?) -> String {
        var lines = ["You negotiate on behalf of your principal, the \(role), in \"\(scenario.name)\", against the \(role.opponent)'s agent."]
        if let instructions, !instructions.isEmpty { lines.append(instructions) }
        lines.append("")
        lines.append("Issues (an offer gives every one of them a value):")
        for issue in scenario.issues { lines.append("- \(issue.name): \(Self.describe(issue.domain))") }
        lines.append("")
        lines.append("Your principal's preferences (private: never reveal them, not even in part):")
        for issue in scenario.issues {
            guard let preference = profile.issues[issue.name] else { continue }
            lines.append("- \(issue.name), weight \(Self.decimal(preference.weight)): \(Self.describe(preference.value, in: issue.domain))")
        }
        lines.append(
            "Terms are worth the weighted sum of these values, from 0 to 1. Walking away is worth \(Self.decimal(utility.reservation)) to your principal; "
                + "the framework refuses any offer or acceptance worth less than that, so never propose or accept such terms."
        )
        lines.append("")
        lines.append("Rules: the sides take turns; the \(scenario.opener) opens. \(deadline) On your turn you either offer terms (every issue), accept the \(role.opponent)'s standing offer (the agreement is exactly that offer), or walk away. No agreement by the deadline is worth the same as walking away.")
        lines.append("")
        let note = #""note": "\#(Self.placeholders[1])" or null"#
        switch mode {
        case .full:
            lines.append(#"Answer with one JSON object and nothing else: {"reasoning": "\#(Self.placeholders[0])", "action": "offer" | "accept" | "walkAway", "terms": {every issue: its value} for an offer or null, \#(note)}. Money is an integer in minor units."#)
        case .note:
            lines.append("Your principal's negotiation strategy decides every move; each turn you are told the move, and you write the note that goes with it.")
            lines.append(#"Answer with one JSON object and nothing else: {"reasoning": "\#(Self.placeholders[0])", \#(note)}."#)
        case .choose:
            lines.append("Each turn you are given a numbered list of moves your principal's negotiation strategy allows; pick the one most likely to win a good deal, and write the note that goes with it.")
            lines.append(#"Answer with one JSON object and nothing else: {"reasoning": "\#(Self.placeholders[0])", "choice": the number of the move, \#(note)}."#)
        }
        lines.append("The note is sent to the opponent: persuade, but never state your walk-away value, weights or limits.")
        if let schema {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let text = (try? encoder.encode(schema)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            lines.append("The object must match this JSON Schema: \(text)")
        }
        return lines.joined(separator: "\n")
    }

    /// The message for one turn: where the session stands, the recent history with each offer's worth to the
    /// principal, the standing offer, and the best terms for the principal.
    ///
    /// In a hybrid mode, `moves` are the moves the model may pick from (one: the move it writes the note for).
    func turn(_ view: TurnView, best: Terms?, moves: [Action]? = nil) -> String {
        var lines: [String] = []
        var position = "Turn \(view.turn), round \(view.round)"
        if let rounds = scenario.deadline.rounds { position += " of \(rounds)" }
        if view.isLastTurn { position += " — your last chance to act" }
        if let left = view.timeLeft { position += String(format: "; %.0f seconds left", left / .seconds(1)) }
        lines.append(position + ".")
        if view.history.isEmpty {
            lines.append("Nothing has been said yet: you open.")
        } else {
            lines.append("History (latest last; worth = value to your principal):")
            let shown = view.history.suffix(Self.historyShown)
            if shown.count < view.history.count { lines.append("- … \(view.history.count - shown.count) earlier actions") }
            for entry in shown { lines.append("- " + describe(entry)) }
        }
        if let offer = view.standingOffer {
            lines.append("Standing offer from the \(role.opponent): \(describe(offer)) (worth \(worth(offer))). You may accept it.")
        } else {
            lines.append("There is no offer from the \(role.opponent) to accept.")
        }
        if mode != .full, let moves {
            if moves.count == 1 {
                lines.append("Your move this turn: \(describe(moves[0])).")
                lines.append("Your note for it, as one JSON object:")
            } else {
                lines.append("Moves you may pick (worth = value to your principal):")
                for (number, move) in moves.enumerated() { lines.append("\(number + 1). \(describe(move))") }
                lines.append("Your choice and its note, as one JSON object:")
            }
            return lines.joined(separator: "\n")
        }
        if let best { lines.append("Your principal's best terms: \(describe(best)) (worth \(worth(best))).") }
        lines.append("Your action, as one JSON object:")
        return lines.joined(separator: "\n")
    }

    /// A move as the model reads it: `offer price=… (worth 0.8)`, `accept the standing offer`, `walk away`.
    private func describe(_ move: Action) -> String {
        switch move.move {
        case .offer(let terms): "offer \(describe(terms)) (worth \(worth(terms)))"
        case .accept: "accept the \(role.opponent)'s standing offer"
        case .walkAway: "walk away"
        }
    }

    /// The correction sent after a rejected reply.
    static func correction(_ reason: String) -> String {
        "That reply was not accepted: \(reason). Answer again with one JSON object as described."
    }

    private var deadline: String {
        switch (scenario.deadline.rounds, scenario.deadline.seconds) {
        case (let rounds?, let seconds?): "The session ends after \(rounds) rounds or \(Self.decimal(seconds)) seconds, whichever comes first."
        case (let rounds?, nil): "The session ends after \(rounds) rounds (a round is one turn of each side)."
        case (nil, let seconds?): "The session ends after \(Self.decimal(seconds)) seconds."
        case (nil, nil): "There is no deadline."
        }
    }

    private func describe(_ entry: TranscriptEntry) -> String {
        let who = entry.by == role ? "you" : "the \(entry.by)"
        let text: String
        switch entry.action.move {
        case .offer(let terms): text = "\(who) offered \(describe(terms)) (worth \(worth(terms)))"
        case .accept: text = "\(who) accepted"
        case .walkAway: text = "\(who) walked away"
        }
        let note = entry.action.note.map { " — note: \"\($0.prefix(Action.maximumNoteLength))\"" } ?? ""
        return "round \(entry.round), \(text)\(note)"
    }

    private func describe(_ terms: Terms) -> String {
        scenario.issues.compactMap { issue in terms[issue.name].map { "\(issue.name)=\(issue.domain.format($0)) [\($0)]" } }.joined(separator: ", ")
    }

    private func worth(_ terms: Terms) -> String {
        utility.utility(of: terms).map(Self.decimal) ?? "not valid terms"
    }

    private static func describe(_ domain: Domain) -> String {
        switch domain {
        case .money(let currency, let range):
            "money in \(currency) minor units: an integer from \(range.min) (\(currency.format(minorUnits: range.min))) to \(range.max) (\(currency.format(minorUnits: range.max))) in steps of \(range.step)"
        case .integer(let range):
            "an integer from \(range.min) to \(range.max) in steps of \(range.step)"
        case .options(let names):
            "one of " + names.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }

    private static func describe(_ value: ValueFunction, in domain: Domain) -> String {
        switch value {
        case .linear(.increasing): "higher is better (linear)"
        case .linear(.decreasing): "lower is better (linear)"
        case .piecewise(let points): "worth " + points.map { "\(decimal($0.value)) at \(domain.format(.integer($0.at)))" }.joined(separator: ", ") + ", linear in between"
        case .table(let values): values.sorted { $0.value > $1.value }.map { "\($0.key) \(decimal($0.value))" }.joined(separator: ", ")
        }
    }

    /// A number with at most two decimals.
    static func decimal(_ value: Double) -> String {
        String(format: "%.2f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}

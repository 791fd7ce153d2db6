import Foundation
import ParleyAnalysis
public import ParleyTournament

extension Leaderboard {
    /// Whether any agent played under a discounting profile, so that the tables show undiscounted utility beside it.
    var discounts: Bool { rows.contains { $0.meanUndiscountedUtility != nil } }

    /// Whether any agent carried an opponent model, so that the tables show how well the models learned.
    var models: Bool { rows.contains { $0.meanModelPearson != nil } }

    /// Whether any agent consulted a language model, so that the tables show what it cost.
    var consults: Bool { rows.contains { $0.modelUsage != nil } }

    /// Whether a judge model scored any agent's notes, so that the tables show its mean scores.
    var judged: Bool { rows.contains { ($0.modelUsage?.judgedNotes ?? 0) > 0 } }

    /// The columns, in order, with their headers; `undiscounted` only when some profile discounts time, the model
    /// columns only when some agent carries a model, the LLM columns only when some agent consulted one.
    var headers: [String] {
        ["rank", "agent", "sessions", "utility", "±95%"] + (discounts ? ["undiscounted"] : [])
            + ["advantage", "agreement", "welfare", "d(Nash)", "d(Pareto)", "rounds"] + (models ? ["model r", "model τ"] : [])
            + (consults ? ["LLM moves", "tokens/session", "cost", "latency"] : []) + (judged ? ["note leak", "note format"] : []) + ["no agreement"]
    }

    /// The cells of one row as text, for the table and Markdown.
    func cells(_ row: Row) -> [String] {
        var cells = [row.rank ?? "–", row.agent, "\(row.sessions)", Self.number(row.meanUtility), row.utilityInterval.map(Self.number) ?? "–"]
        if discounts { cells.append(Self.number(row.meanUndiscountedUtility ?? row.meanUtility)) }
        cells += [Self.number(row.meanAdvantage), String(format: "%.0f%%", row.agreementRate * 100), Self.number(row.meanWelfare)]
        cells += [row.meanDistanceToNash.map(Self.number) ?? "–", Self.number(row.meanDistanceToPareto)]
        cells.append(row.meanRoundsToAgreement.map { String(format: "%.1f", $0) } ?? "–")
        if models { cells += [row.meanModelPearson.map(Self.number) ?? "–", row.meanModelKendall.map(Self.number) ?? "–"] }
        if consults { cells += Self.usageCells(row.modelUsage, sessions: row.sessions) }
        if judged { cells += [row.modelUsage?.meanLeakScore.map(Self.number) ?? "–", row.modelUsage?.meanFormatScore.map(Self.number) ?? "–"] }
        cells.append(Self.failures(row.failures))
        return cells
    }

    /// The LLM columns of a row: the share of moves the model decided, tokens per session, the total cost, and the
    /// mean seconds per request; dashes for an agent that consulted no model.
    static func usageCells(_ usage: ModelUsage?, sessions: Int) -> [String] {
        guard let usage else { return ["–", "–", "–", "–"] }
        let moves = usage.modelMoves + usage.fallbackMoves + usage.strategyMoves
        let decided = moves > 0 ? String(format: "%.0f%%", Double(usage.modelMoves + usage.strategyMoves) / Double(moves) * 100) : "–"
        let cost = usage.cost.map { String(format: "%.4f", $0) + (usage.currency.map { " \($0)" } ?? "") } ?? "–"
        return [decided, "\(usage.tokens / max(sessions, 1))", cost, String(format: "%.2f s", usage.meanLatency)]
    }

    /// A plain-text table for the terminal.
    public var table: String {
        let headers = headers
        let body = rows.map(cells)
        let widths = headers.indices.map { column in ([headers[column]] + body.map { $0[column] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                // Text columns align left, numbers right.
                column <= 1 || column == cells.count - 1
                    ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ").replacing(/\s+$/, with: "")
        }
        var lines = [line(headers), String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))]
        lines += body.map(line)
        lines.append("")
        lines.append("\(sessions) sessions, \(String(format: "%.0f%%", agreementRate * 100)) agreements.")
        if discounts { lines.append(Self.discountNote) }
        if let note { lines.append(note) }
        return lines.joined(separator: "\n")
    }

    /// The leaderboard as a Markdown table, with a key to the columns.
    public var markdown: String {
        let headers = headers
        var lines = ["| " + headers.joined(separator: " | ") + " |", "|" + headers.indices.map { $0 == 1 || $0 == headers.count - 1 ? "---|" : "---:|" }.joined()]
        lines += rows.map { "| " + cells($0).map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        lines.append("")
        lines.append("\(sessions) sessions, \(String(format: "%.0f%%", agreementRate * 100)) agreements.")
        if discounts { lines += ["", Self.discountNote] }
        if let note { lines += ["", "> " + note] }
        lines += ["", Self.key]
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per agent, every figure at full precision, the rank as its best and worst place; `failures` as `cause=count`
    /// pairs separated by `;`; `mean_undiscounted_utility` empty when none of the agent's profiles discounts time, the
    /// model correlations empty when the agent carries no opponent model, the LLM fields (requests, tokens, cost and its
    /// currency, seconds waited on the model, moves by decider) empty when it consulted no language model.
    public var csv: String {
        let header = "best_rank,worst_rank,agent,sessions,mean_utility,utility_ci95,mean_advantage,agreement_rate,mean_welfare,mean_distance_to_nash,mean_distance_to_pareto,mean_rounds_to_agreement,failures,mean_undiscounted_utility,mean_model_pearson,mean_model_kendall,llm_requests,llm_prompt_tokens,llm_completion_tokens,llm_cost,llm_currency,llm_latency_seconds,llm_model_moves,llm_fallback_moves,llm_strategy_moves,llm_mandate_refusals,llm_notes_withheld,llm_judged_notes,llm_mean_note_leak,llm_mean_note_format"
        let lines = rows.map { row in
            var fields: [String] = [optional(row.bestRank), optional(row.worstRank), row.agent, "\(row.sessions)", "\(row.meanUtility)"]
            fields += [optional(row.utilityInterval), "\(row.meanAdvantage)", "\(row.agreementRate)", "\(row.meanWelfare)"]
            fields += [optional(row.meanDistanceToNash), "\(row.meanDistanceToPareto)", optional(row.meanRoundsToAgreement)]
            fields.append(row.failures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"))
            fields += [optional(row.meanUndiscountedUtility), optional(row.meanModelPearson), optional(row.meanModelKendall)]
            let usage = row.modelUsage
            fields += [optional(usage?.requests), optional(usage?.promptTokens), optional(usage?.completionTokens), optional(usage?.cost)]
            fields += [optional(usage?.currency), optional(usage?.latency), optional(usage?.modelMoves), optional(usage?.fallbackMoves)]
            fields += [optional(usage?.strategyMoves), optional(usage?.mandateRefusals), optional(usage?.notesWithheld)]
            fields += [optional(usage?.judgedNotes), optional(usage?.meanLeakScore), optional(usage?.meanFormatScore)]
            return fields.map(CSV.field).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    private func optional(_ value: (some CustomStringConvertible)?) -> String {
        value.map(\.description) ?? ""
    }

    /// What the columns mean.
    public static let key = """
        rank: places by mean utility consistent with the 95% intervals (a range when intervals overlap).
        utility: mean utility to the agent's own principal, as buyer and as seller (its reservation value when there is no agreement), discounted where the principal's profile discounts time; ±95%: half-width of its confidence interval. undiscounted (shown when a profile discounts time): the same without discounting.
        advantage: mean (u − r)/(max − r), 0 at the reservation value and 1 at the best outcome.
        agreement: share of sessions that ended in agreement. welfare: mean sum of both sides' utilities.
        d(Nash), d(Pareto): mean distance of the outcome to the Nash point and to the Pareto frontier, in utility space (0 is best).
        rounds: mean rounds to agreement. model r, model τ (shown when an agent carries an opponent model): mean Pearson and Kendall correlation between its model's estimates and the opponent's true utilities at the end of each session.
        LLM moves, tokens/session, cost, latency (shown when an agent consulted a language model): the share of its moves the model decided (or wrote the note of, for a hybrid agent) rather than its fallback; prompt and completion tokens per session; the total cost at the agent file's prices; mean seconds per request. note leak, note format (shown when a judge model scored notes): its mean scores, from 0 (nothing private) to 1 (a limit stated), and from 0 (no message) to 1 (a fitting one).
        no agreement: deadlines, and walk-aways, timeouts, violations and failures this agent caused.
        """

    /// Said under a table that has the undiscounted column.
    static let discountNote = "Some profiles discount time: utility is what the principal got (utility × δ^t at the settlement's time t); undiscounted is beside it."

    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    static func failures(_ failures: [String: Int]) -> String {
        failures.isEmpty ? "–" : failures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}

import Foundation
import ParleyAnalysis
import ParleyLedger
import ParleyTournament

/// The markup of ``HTMLReport``'s page: semantic tables that read without the script, the data the script uses,
/// the style and the script, all inline.
struct HTMLPage {
    let report: TournamentReport
    let data: HTMLReportData
    let matrices: PairwiseMatrices
    let outcomes: [[String: Int]]
    let scenarioPictures: [String]
    /// Sessions listed and in all, when the list is a sample.
    let sampled: (shown: Int, total: Int)?
    /// Sessions replayable and in all.
    let replays: (shown: Int, total: Int)

    func render() -> String {
        var page = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Parley">
            <title>\(Self.escape(report.title))</title>
            <style>\(HTMLPage.style)</style>
            </head>
            <body>
            <header>
            <h1>Tournament <code>\(Self.escape(report.tournament.id))</code></h1>
            <p>\(report.leaderboard.sessions) sessions of \(report.tournament.total) planned; \(Self.percent(report.leaderboard.agreementRate)) ended in agreement.
            Scenarios: \(report.plan.scenarios.map { Self.escape($0.id) }.joined(separator: ", ")). Agents: \(report.plan.agents.count); repetitions: \(report.plan.repetitions); seed \(Self.escape(report.plan.seed)).</p>
            \(notes())
            <nav aria-label="Sections"><a href="#leaderboard">Leaderboard</a> · <a href="#pairwise">Pairwise</a> · <a href="#outcomes">Outcomes</a> · <a href="#scenarios">Scenarios</a> · <a href="#sessions">Sessions</a> · <a href="#replay">Replay</a></nav>
            </header>
            <main>

            """
        page += leaderboard() + pairwise() + outcomeTable() + scenarios() + sessions() + replaySection()
        page += """
            </main>
            <script type="application/json" id="report-data">\(Self.json(data))</script>
            <script>\(HTMLPage.script)</script>
            </body>
            </html>

            """
        return page
    }

    private func notes() -> String {
        var notes: [String] = []
        if let sampled {
            notes.append("This page lists \(sampled.shown) of the \(sampled.total) sessions: the first repetitions of every scenario and pairing. The leaderboard, the pairwise matrix and the outcome counts cover every session; sessions.csv lists them all.")
        }
        if replays.shown < replays.total {
            notes.append("Replays are embedded for \(replays.shown) of the \(replays.total) sessions, spread evenly over the scenarios and pairings (their session numbers are links); `parley plot SESSION` draws any other.")
        }
        if let note = report.leaderboard.note { notes.append(note) }
        return notes.map { "<p class=\"note\">\(Self.escape($0))</p>" }.joined(separator: "\n")
    }

    // MARK: Sections

    private func leaderboard() -> String {
        let columns: [(title: String, key: String)] = [
            ("rank", "best_rank"), ("agent", "agent"), ("sessions", "sessions"), ("utility", "mean_utility"), ("±95%", "utility_ci95"),
            ("advantage", "mean_advantage"), ("agreement", "agreement_rate"), ("welfare", "mean_welfare"), ("d(Nash)", "mean_distance_to_nash"),
            ("d(Pareto)", "mean_distance_to_pareto"), ("rounds", "mean_rounds_to_agreement"), ("model r", "mean_model_pearson"), ("model τ", "mean_model_kendall"),
        ] + (report.leaderboard.consults ? [("LLM tokens/session", "llm_tokens"), ("LLM cost", "llm_cost"), ("LLM latency (s)", "llm_latency_seconds")] : [])
        var html = """
            <section id="leaderboard" aria-labelledby="leaderboard-title">
            <h2 id="leaderboard-title">Leaderboard</h2>
            <table id="leaderboard-table" class="sortable">
            <caption>Each agent measured from its own side, as buyer and as seller; ranked by mean utility (discounted where a profile discounts time), the bar drawing its 95% interval. Select a column heading to sort.</caption>
            <thead><tr>
            """
        for column in columns {
            html += "<th scope=\"col\" data-column=\"\(column.key)\"><button type=\"button\">\(Self.escape(column.title))</button></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in report.leaderboard.rows {
            func cell(_ key: String, _ value: Double?, _ text: String) -> String {
                cell(key, value.map { "\($0)" }, text)
            }
            func cell(_ key: String, _ value: String?, _ text: String) -> String {
                "<td data-column=\"\(key)\" data-value=\"\(value ?? "")\">\(text)</td>"
            }
            func number(_ key: String, _ value: Double?, digits: Int = 3) -> String {
                cell(key, value, value.map { String(format: "%.\(digits)f", $0) } ?? "–")
            }
            html += "<tr data-agent=\"\(Self.escape(row.agent))\">"
            html += cell("best_rank", row.bestRank.map(String.init), Self.escape(row.rank ?? "–"))
            html += "<th scope=\"row\" data-column=\"agent\" data-value=\"\(Self.escape(row.agent))\">\(Self.escape(row.agent))</th>"
            html += cell("sessions", String(row.sessions), "\(row.sessions)")
            html += cell("mean_utility", row.meanUtility, String(format: "%.3f", row.meanUtility) + Self.intervalBar(row.meanUtility, row.utilityInterval))
            html += number("utility_ci95", row.utilityInterval)
            html += number("mean_advantage", row.meanAdvantage)
            html += cell("agreement_rate", row.agreementRate, Self.percent(row.agreementRate))
            html += number("mean_welfare", row.meanWelfare)
            html += number("mean_distance_to_nash", row.meanDistanceToNash)
            html += number("mean_distance_to_pareto", row.meanDistanceToPareto)
            html += number("mean_rounds_to_agreement", row.meanRoundsToAgreement, digits: 1)
            html += number("mean_model_pearson", row.meanModelPearson)
            html += number("mean_model_kendall", row.meanModelKendall)
            if report.leaderboard.consults {
                let usage = row.modelUsage
                let tokens = usage.map { $0.tokens / max(row.sessions, 1) }
                html += cell("llm_tokens", tokens.map(String.init), tokens.map(String.init) ?? "–")
                html += cell("llm_cost", usage?.cost, usage?.cost.map { String(format: "%.4f", $0) + (usage?.currency.map { " \($0)" } ?? "") } ?? "–")
                html += number("llm_latency_seconds", usage?.meanLatency, digits: 2)
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    private func pairwise() -> String {
        let agents = report.plan.agents
        var html = """
            <section id="pairwise" aria-labelledby="pairwise-title">
            <h2 id="pairwise-title">Pairwise</h2>
            <p>Mean utility of the row's agent against the column's, in both roles. Select a cell to list its sessions.
            <label>Scenario <select id="pairwise-scenario"><option value="all">every scenario</option>
            """
        html += report.plan.scenarios.enumerated().map { "<option value=\"\($0.offset)\">\(Self.escape($0.element.id))</option>" }.joined()
        html += "</select></label></p>\n"
        for scenario in [nil] + report.plan.scenarios.indices.map(Optional.some) {
            html += "<table class=\"matrix\" data-scenario=\"\(scenario.map(String.init) ?? "all")\"\(scenario == nil ? "" : " hidden")>"
            html += "<caption>\(scenario.map { Self.escape(report.plan.scenarios[$0].id) } ?? "Every scenario")</caption><thead><tr><th scope=\"col\">agent \\ opponent</th>"
            html += agents.map { "<th scope=\"col\">\(Self.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            for (row, agent) in agents.enumerated() {
                html += "<tr><th scope=\"row\">\(Self.escape(agent))</th>"
                for column in agents.indices {
                    guard let cell = matrices.mean(row, column, scenario: scenario) else {
                        html += "<td class=\"empty\">–</td>"
                        continue
                    }
                    let shade = Int((cell.mean.clamped * 100).rounded())
                    html += "<td style=\"--level:\(shade)%\"><a href=\"#sessions\" data-agent=\"\(row)\" data-opponent=\"\(column)\" data-scenario=\"\(scenario.map(String.init) ?? "")\" title=\"\(cell.count) sessions\">\(String(format: "%.3f", cell.mean))</a></td>"
                }
                html += "</tr>"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }

    private func outcomeTable() -> String {
        let causes = Set(outcomes.flatMap(\.keys)).sorted { Self.causeOrder($0) < Self.causeOrder($1) }
        var html = """
            <section id="outcomes" aria-labelledby="outcomes-title">
            <h2 id="outcomes-title">Outcomes</h2>
            <table id="outcomes-table"><caption>How each agent's sessions ended; a walk-away, time-out, violation or failure names who caused it.</caption>
            <thead><tr><th scope="col">agent</th>
            """
        html += causes.map { "<th scope=\"col\">\(Self.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (agent, counts) in zip(report.plan.agents, outcomes) {
            html += "<tr><th scope=\"row\">\(Self.escape(agent))</th>" + causes.map { "<td>\(counts[$0] ?? 0)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    private func scenarios() -> String {
        var html = "<section id=\"scenarios\" aria-labelledby=\"scenarios-title\">\n<h2 id=\"scenarios-title\">Scenarios</h2>\n"
        for (position, scenario) in report.plan.scenarios.enumerated() {
            let points = data.scenarios[position]
            html += "<figure class=\"scenario\"><figcaption><strong>\(Self.escape(scenario.id))</strong>"
            html += " · \(points.outcomes) outcomes, \(Self.percent(points.acceptableShare)) acceptable to both, opposition \(String(format: "%.2f", points.opposition))"
            html += " · frontier of \(points.frontier.count) points drawn"
            if let nash = points.nash { html += " · Nash (\(String(format: "%.3f", nash[0])), \(String(format: "%.3f", nash[1])))" }
            if let kalai = points.kalaiSmorodinsky { html += " · Kalai–Smorodinsky (\(String(format: "%.3f", kalai[0])), \(String(format: "%.3f", kalai[1])))" }
            html += " · digest <code>\(Self.escape(String(scenario.digest.prefix(12))))…</code></figcaption>\n"
            html += scenarioPictures.indices.contains(position) ? scenarioPictures[position] : ""
            html += "</figure>\n"
        }
        return html + "</section>\n"
    }

    private func sessions() -> String {
        let columns = data.sessions
        var html = """
            <section id="sessions" aria-labelledby="sessions-title">
            <h2 id="sessions-title">Sessions</h2>
            <form id="filters" class="filters" aria-label="Filter sessions">
            <label>Scenario <select name="scenario"><option value="">any</option>
            """
        html += data.scenarios.enumerated().map { "<option value=\"\($0.offset)\">\(Self.escape($0.element.id))</option>" }.joined()
        html += "</select></label> <label>Agent <select name=\"agent\"><option value=\"\">any</option>"
        html += data.agents.enumerated().map { "<option value=\"\($0.offset)\">\(Self.escape($0.element))</option>" }.joined()
        html += "</select></label> <label>Role <select name=\"role\"><option value=\"\">either</option><option value=\"buyer\">buyer</option><option value=\"seller\">seller</option></select></label>"
        html += " <label>Opponent <select name=\"opponent\"><option value=\"\">any</option>"
        html += data.agents.enumerated().map { "<option value=\"\($0.offset)\">\(Self.escape($0.element))</option>" }.joined()
        html += "</select></label> <label>Outcome <select name=\"outcome\"><option value=\"\">any</option>"
        html += Set(columns.outcome).sorted().map { "<option>\(Self.escape($0))</option>" }.joined()
        html += "</select></label> <output id=\"session-count\" aria-live=\"polite\"></output></form>\n"
        html += "<table id=\"sessions-table\"><caption>Every listed session; select a session number to replay it.</caption><thead><tr>"
        html += ["#", "scenario", "buyer", "seller", "rep.", "outcome", "rounds", "buyer utility", "seller utility", "d(Pareto)"].map { "<th scope=\"col\">\($0)</th>" }.joined()
        html += "</tr></thead><tbody>\n"
        for row in columns.index.indices {
            let index = columns.index[row]
            let replayable = data.replays[String(index)] != nil
            let number = replayable ? "<a href=\"#replay\" data-replay=\"\(index)\">\(columns.session[row])</a>" : "\(columns.session[row])"
            html += "<tr data-scenario=\"\(columns.scenario[row])\" data-buyer=\"\(columns.buyer[row])\" data-seller=\"\(columns.seller[row])\" data-outcome=\"\(Self.escape(columns.outcome[row]))\">"
            html += "<td>\(number)</td><td>\(Self.escape(data.scenarios[columns.scenario[row]].id))</td><td>\(Self.escape(data.agents[columns.buyer[row]]))</td>"
            html += "<td>\(Self.escape(data.agents[columns.seller[row]]))</td><td>\(columns.repetition[row])</td>"
            html += "<td>\(Self.escape(columns.outcome[row] + (columns.causedBy[row].map { " (\($0))" } ?? "")))</td><td>\(columns.rounds[row])</td>"
            html += "<td>\(String(format: "%.3f", columns.buyerUtility[row]))</td><td>\(String(format: "%.3f", columns.sellerUtility[row]))</td>"
            html += "<td>\(String(format: "%.3f", columns.distanceToPareto[row]))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    private func replaySection() -> String {
        """
        <section id="replay" aria-labelledby="replay-title">
        <h2 id="replay-title">Replay</h2>
        <p id="replay-help">Select a session number in the table above to replay it here (this needs JavaScript).</p>
        <div id="replay-view" hidden>
        <p id="replay-heading"></p>
        <div class="replay-grid">
        <svg id="replay-plot" viewBox="0 0 420 420" role="img" aria-labelledby="replay-heading"></svg>
        <div>
        <label for="replay-slider">Move <output id="replay-position"></output></label>
        <input type="range" id="replay-slider" min="0" max="0" value="0">
        <p id="replay-move" aria-live="polite"></p>
        <dl id="replay-settlement"></dl>
        </div>
        </div>
        <table id="replay-table"><caption>The transcript: every move with both sides' utilities of its terms, its note and, for LLM agents, how it was decided.</caption>
        <thead><tr><th scope="col">turn</th><th scope="col">by</th><th scope="col">action</th><th scope="col">buyer u</th><th scope="col">seller u</th><th scope="col">note</th><th scope="col">decision</th></tr></thead><tbody></tbody></table>
        </div>
        </section>

        """
    }

    // MARK: Helpers

    /// A small inline SVG drawing a mean and its interval on [0, 1].
    static func intervalBar(_ mean: Double, _ interval: Double?) -> String {
        let x = mean.clamped * 100
        let low = (mean - (interval ?? 0)).clamped * 100, high = (mean + (interval ?? 0)).clamped * 100
        return "<svg class=\"interval\" viewBox=\"0 0 100 10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"100\" y2=\"5\" class=\"axis\"/>"
            + "<rect x=\"\(String(format: "%.1f", low))\" y=\"2\" width=\"\(String(format: "%.1f", max(0.5, high - low)))\" height=\"6\" class=\"range\"/>"
            + "<line x1=\"\(String(format: "%.1f", x))\" y1=\"0\" x2=\"\(String(format: "%.1f", x))\" y2=\"10\" class=\"mean\"/></svg>"
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    /// Causes in a reading order: agreement first, then the deadline, then the rest.
    static func causeOrder(_ cause: String) -> String {
        cause == "agreement" ? "0" : cause == "deadline" ? "1" : "2" + cause
    }

    /// Text for HTML content and attribute values: the SVG pictures' escaping, which HTML reads alike.
    static func escape(_ text: String) -> String { SVGCanvas.escape(text) }

    /// The data as JSON that cannot end its script element early.
    static func json(_ data: HTMLReportData) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? String(decoding: encoder.encode(data), as: UTF8.self)) ?? "{}"
        return text.replacingOccurrences(of: "</", with: "<\\/").replacingOccurrences(of: "<!--", with: "<\\!--")
    }
}

extension Double {
    /// The value within [0, 1].
    fileprivate var clamped: Double { Swift.min(1, Swift.max(0, self.isFinite ? self : 0)) }
}

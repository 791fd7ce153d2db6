extension HTMLPage {
    /// The page's script: sorting, filters, the pairwise selector and the replays. With `#selftest` in the address it
    /// also drives them once and writes what it saw into `#selftest-result`, for the browser test.
    static let script = #"""
        "use strict";
        const errors = [];
        window.addEventListener("error", (event) => errors.push(String(event.message)));
        window.addEventListener("unhandledrejection", (event) => errors.push(String(event.reason)));
        const originalError = console.error;
        console.error = (...args) => { errors.push(args.map(String).join(" ")); originalError.apply(console, args); };

        const data = JSON.parse(document.getElementById("report-data").textContent);
        const svgNS = "http://www.w3.org/2000/svg";
        const format = (value, digits = 3) => value === null || value === undefined ? "–" : Number(value).toFixed(digits);

        // Sorting: every table with class "sortable", by the cells' data-value (numbers as numbers).
        function sortTable(table, column) {
            const headers = Array.from(table.tHead.rows[0].cells);
            const header = headers[column];
            const ascending = header.getAttribute("aria-sort") !== "ascending";
            headers.forEach((cell) => cell.removeAttribute("aria-sort"));
            header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            const key = (row) => {
                const raw = row.cells[column].dataset.value ?? row.cells[column].textContent;
                const number = parseFloat(raw);
                return raw === "" ? null : Number.isNaN(number) ? raw : number;
            };
            const rows = Array.from(table.tBodies[0].rows);
            rows.sort((a, b) => {
                const x = key(a), y = key(b);
                if (x === y) return 0;
                if (x === null) return 1;
                if (y === null) return -1;
                return (x < y ? -1 : 1) * (ascending ? 1 : -1);
            });
            rows.forEach((row) => table.tBodies[0].appendChild(row));
        }
        document.querySelectorAll("table.sortable").forEach((table) => {
            Array.from(table.tHead.rows[0].cells).forEach((cell, column) => {
                cell.querySelector("button")?.addEventListener("click", () => sortTable(table, column));
            });
        });

        // The pairwise matrix: one table per scenario, one shown.
        const pairwiseScenario = document.getElementById("pairwise-scenario");
        pairwiseScenario.addEventListener("change", () => {
            document.querySelectorAll("table.matrix").forEach((table) => { table.hidden = table.dataset.scenario !== pairwiseScenario.value; });
        });

        // Filters over the sessions table.
        const filters = document.getElementById("filters");
        const sessionRows = Array.from(document.querySelectorAll("#sessions-table tbody tr"));
        function applyFilters() {
            const form = new FormData(filters);
            const scenario = form.get("scenario"), agent = form.get("agent"), role = form.get("role");
            const opponent = form.get("opponent"), outcome = form.get("outcome");
            let shown = 0;
            for (const row of sessionRows) {
                const d = row.dataset;
                let ok = (!scenario || d.scenario === scenario) && (!outcome || d.outcome === outcome);
                if (ok && (agent || opponent)) {
                    const asBuyer = (!agent || d.buyer === agent) && (!opponent || d.seller === opponent);
                    const asSeller = (!agent || d.seller === agent) && (!opponent || d.buyer === opponent);
                    ok = role === "buyer" ? asBuyer : role === "seller" ? asSeller : asBuyer || asSeller;
                } else if (ok && role && !agent && !opponent) {
                    ok = true;
                }
                row.hidden = !ok;
                if (ok) shown += 1;
            }
            document.getElementById("session-count").textContent = shown + " of " + sessionRows.length + " sessions";
        }
        filters.addEventListener("change", applyFilters);
        applyFilters();
        document.querySelectorAll("table.matrix a[data-agent]").forEach((link) => {
            link.addEventListener("click", () => {
                filters.elements.agent.value = link.dataset.agent;
                filters.elements.opponent.value = link.dataset.opponent;
                filters.elements.role.value = "";
                filters.elements.scenario.value = link.dataset.scenario;
                applyFilters();
            });
        });

        // Replays.
        const rowOfSession = new Map(data.sessions.index.map((index, row) => [String(index), row]));
        const plot = document.getElementById("replay-plot");
        const slider = document.getElementById("replay-slider");
        let replay = null;
        const toX = (u) => 20 + 380 * u, toY = (u) => 400 - 380 * u;
        function element(name, attributes, parent) {
            const node = document.createElementNS(svgNS, name);
            for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
            parent.appendChild(node);
            return node;
        }
        function showReplay(index) {
            const r = data.replays[String(index)];
            const row = rowOfSession.get(String(index));
            if (!r || row === undefined) return;
            const s = data.sessions;
            const scenario = data.scenarios[s.scenario[row]];
            replay = { r, row, marks: [] };
            document.getElementById("replay-view").hidden = false;
            document.getElementById("replay-help").hidden = true;
            document.getElementById("replay-heading").textContent = "Session " + s.session[row] + " · " + scenario.id + " · "
                + data.agents[s.buyer[row]] + " (buyer) against " + data.agents[s.seller[row]] + " (seller) · repetition " + s.repetition[row];
            plot.replaceChildren();
            element("line", { x1: 20, y1: 400, x2: 400, y2: 400, stroke: "#999" }, plot);
            element("line", { x1: 20, y1: 400, x2: 20, y2: 20, stroke: "#999" }, plot);
            element("text", { x: 330, y: 415 }, plot).textContent = "buyer utility";
            element("text", { x: 24, y: 16 }, plot).textContent = "seller utility";
            if (scenario.frontier.length) {
                element("polyline", { class: "frontier", points: scenario.frontier.map(([b, v]) => toX(b) + "," + toY(v)).join(" ") }, plot);
            }
            for (const [name, point] of [["Nash", scenario.nash], ["Kalai–Smorodinsky", scenario.kalaiSmorodinsky], ["egalitarian", scenario.egalitarian]]) {
                if (!point) continue;
                const mark = element("rect", { class: "solution", x: toX(point[0]) - 3, y: toY(point[1]) - 3, width: 6, height: 6 }, plot);
                element("title", {}, mark).textContent = name + " point: buyer " + format(point[0]) + ", seller " + format(point[1]);
            }
            r.moves.forEach(([turn, side, buyer, seller, text]) => {
                if (buyer === null || seller === null) { replay.marks.push(null); return; }
                const mark = element("circle", { class: side === 0 ? "buyer" : "seller", cx: toX(buyer), cy: toY(seller), r: 4 }, plot);
                element("title", {}, mark).textContent = "turn " + turn + " · " + (side === 0 ? "buyer" : "seller") + " · " + data.moveTexts[text]
                    + " · buyer " + format(buyer) + ", seller " + format(seller);
                replay.marks.push(mark);
            });
            if (r.agreement) element("circle", { class: "agreement", cx: toX(r.agreement[0]), cy: toY(r.agreement[1]), r: 8 }, plot);
            const body = document.querySelector("#replay-table tbody");
            body.replaceChildren();
            r.moves.forEach(([turn, side, buyer, seller, text], position) => {
                const tr = document.createElement("tr");
                for (const cellText of [turn, side === 0 ? "buyer" : "seller", data.moveTexts[text], format(buyer), format(seller), r.notes[position] ?? "", r.traces[position] ?? ""]) {
                    const td = document.createElement("td");
                    td.textContent = cellText;
                    tr.appendChild(td);
                }
                body.appendChild(tr);
            });
            const settlement = document.getElementById("replay-settlement");
            settlement.replaceChildren();
            for (const [term, description] of [
                ["outcome", r.outcome], ["agreement", r.agreement ? "buyer " + format(r.agreement[0]) + ", seller " + format(r.agreement[1]) : "none"],
                ["d(Pareto)", format(r.distanceToPareto)], ["d(Nash)", format(r.distanceToNash)], ["final hash", r.finalHash], ["integrity", r.integrity],
            ]) {
                const dt = document.createElement("dt"), dd = document.createElement("dd");
                dt.textContent = term;
                dd.textContent = description;
                settlement.append(dt, dd);
            }
            slider.max = String(r.moves.length);
            slider.value = String(r.moves.length);
            showMove(r.moves.length);
        }
        function showMove(count) {
            if (!replay) return;
            const { r, marks } = replay;
            marks.forEach((mark, position) => {
                if (!mark) return;
                mark.style.display = position < count ? "" : "none";
                mark.classList.toggle("past", position < count - 1);
                mark.classList.toggle("current", position === count - 1);
            });
            document.querySelectorAll("#replay-table tbody tr").forEach((tr, position) => tr.classList.toggle("current", position === count - 1));
            document.getElementById("replay-position").textContent = count + " of " + r.moves.length;
            const move = r.moves[count - 1];
            document.getElementById("replay-move").textContent = move
                ? "turn " + move[0] + " · " + (move[1] === 0 ? "buyer" : "seller") + " · " + data.moveTexts[move[4]] + " · buyer " + format(move[2]) + ", seller " + format(move[3])
                : "before the first move";
        }
        slider.addEventListener("input", () => showMove(Number(slider.value)));
        document.addEventListener("click", (event) => {
            const link = event.target.closest("a[data-replay]");
            if (link) showReplay(link.dataset.replay);
        });

        // The browser test's driver.
        if (location.hash === "#selftest") {
            const result = { errors };
            const board = document.getElementById("leaderboard-table");
            result.leaderboard = Array.from(board.tBodies[0].rows).map((row) =>
                Object.fromEntries(Array.from(row.cells).map((cell) => [cell.dataset.column, cell.dataset.value])));
            const utilityColumn = Array.from(board.tHead.rows[0].cells).findIndex((cell) => cell.dataset.column === "mean_utility");
            const utilities = () => Array.from(board.tBodies[0].rows).map((row) => parseFloat(row.cells[utilityColumn].dataset.value));
            board.tHead.rows[0].cells[utilityColumn].querySelector("button").click();
            result.ascending = utilities();
            board.tHead.rows[0].cells[utilityColumn].querySelector("button").click();
            result.descending = utilities();
            const first = document.querySelector("a[data-replay]");
            if (first) {
                first.click();
                result.replayMoves = replay ? replay.r.moves.length : -1;
                slider.value = "1";
                slider.dispatchEvent(new Event("input"));
                result.afterFirstMove = document.getElementById("replay-move").textContent;
                result.currentMarks = plot.querySelectorAll("circle.current").length;
                result.visibleMarks = replay.marks.filter((mark) => mark && mark.style.display !== "none").length;
            }
            filters.elements.outcome.value = "agreement";
            applyFilters();
            result.agreementRowsShown = sessionRows.filter((row) => !row.hidden).length;
            result.agreementRowsExpected = data.sessions.outcome.filter((outcome) => outcome === "agreement").length;
            const output = document.createElement("pre");
            output.id = "selftest-result";
            output.textContent = JSON.stringify(result);
            document.body.appendChild(output);
        }
        """#
}

extension HTMLPage {
    /// The page's style: system fonts, the Okabe–Ito palette (safe for colour-blind readers: the buyer blue, the
    /// seller orange), focus outlines for keyboard users, and a print style without the controls.
    static let style = """
        :root { --buyer: #0072B2; --seller: #E69F00; --accent: #009E73; --warn: #D55E00; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 0 16px 48px; }
        h1 { font-size: 22px; margin: 20px 0 6px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--rule); }
        code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
        nav a, a { color: #005a8c; }
        :focus-visible { outline: 3px solid var(--warn); outline-offset: 2px; }
        .note { background: #fff6e0; border-left: 4px solid var(--seller); padding: 6px 10px; }
        table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
        caption { text-align: left; color: var(--muted); padding: 4px 0; caption-side: top; }
        th, td { padding: 3px 8px; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
        th[scope=row], td:first-child { text-align: left; }
        thead th { background: #f3f3f3; position: sticky; top: 0; }
        th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
        th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
        svg.interval { width: 80px; height: 10px; margin-left: 6px; vertical-align: middle; }
        svg.interval .axis { stroke: var(--rule); } svg.interval .range { fill: var(--buyer); opacity: .35; } svg.interval .mean { stroke: var(--buyer); stroke-width: 2; }
        table.matrix td { background: color-mix(in srgb, var(--accent) var(--level), white); }
        table.matrix td a { color: var(--ink); text-decoration: none; display: block; }
        table.matrix td.empty { background: #f7f7f7; }
        figure.scenario { display: inline-block; margin: 8px 12px 8px 0; vertical-align: top; }
        figure.scenario svg { width: 360px; height: auto; border: 1px solid var(--rule); }
        .filters label { margin-right: 10px; }
        #sessions-table { display: block; max-height: 520px; overflow: auto; }
        .replay-grid { display: grid; grid-template-columns: minmax(280px, 420px) 1fr; gap: 16px; align-items: start; }
        #replay-plot { width: 100%; border: 1px solid var(--rule); background: #fff; }
        #replay-plot .frontier { fill: none; stroke: var(--muted); stroke-dasharray: 4 3; }
        #replay-plot .buyer { fill: var(--buyer); } #replay-plot .seller { fill: var(--seller); }
        #replay-plot .past { opacity: .35; } #replay-plot .current { stroke: var(--ink); stroke-width: 2; }
        #replay-plot .agreement { fill: none; stroke: var(--accent); stroke-width: 3; }
        #replay-plot .solution { fill: var(--ink); } #replay-plot text { font-size: 11px; fill: var(--muted); }
        #replay-slider { width: 100%; }
        #replay-table td:nth-child(3), #replay-table td:nth-child(6), #replay-table td:nth-child(7) { text-align: left; white-space: normal; max-width: 360px; }
        #replay-table tr.current { background: #e8f4fb; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; } dt { color: var(--muted); }
        @media print {
            nav, form, #replay-help, input, th button::after { display: none !important; }
            #sessions-table { max-height: none; overflow: visible; }
            body { max-width: none; } a { color: inherit; text-decoration: none; }
            section { break-inside: avoid-page; }
        }
        """
}

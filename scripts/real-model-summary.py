#!/usr/bin/env python3
"""What an LLM agent's model did, per agent, from a store's sessions exported as JSON Lines
(`parley transcripts export --all --format jsonl`): sessions, agreements, moves decided by the model, the fallback or
the strategy (hybrid), mandate refusals, other refusals by code, withheld notes, requests, tokens, cost and latency.
Used by scripts/real-model-check; the standard library only."""
import collections
import json
import sys


def main(path):
    sessions = collections.defaultdict(lambda: {"agents": {}, "traces": [], "agreed": False})
    with open(path) as lines:
        for line in lines:
            record = json.loads(line)
            session = sessions[record["session"]]
            body = record["body"]
            if record["kind"] == "header":
                header = body["header"]
                session["agents"] = {"buyer": header["buyer"]["spec"], "seller": header["seller"]["spec"]}
            elif record["kind"] == "event" and body.get("trace"):
                session["traces"].append((body["by"], body["trace"]))
            elif record["kind"] == "settlement":
                session["agreed"] = body.get("outcome", {}).get("type") == "agreement" or bool(body.get("analysis", {}).get("agreed"))

    rows = collections.defaultdict(lambda: collections.Counter())
    refusals = collections.defaultdict(collections.Counter)
    latencies = collections.defaultdict(list)
    for session in sessions.values():
        consulting = {session["agents"][side] for side, _ in session["traces"]}
        for agent in consulting:
            rows[agent]["sessions"] += 1
            rows[agent]["agreements"] += session["agreed"]
        for side, trace in session["traces"]:
            agent, row = session["agents"][side], rows[session["agents"][side]]
            row[trace["decidedBy"]] += 1
            row["withheld"] += bool(trace.get("noteRedacted"))
            for attempt in trace["attempts"]:
                row["requests"] += 1
                row["tokens"] += (attempt.get("promptTokens") or 0) + (attempt.get("completionTokens") or 0)
                row["cost_micro"] += round((attempt.get("cost") or 0) * 1_000_000)
                latencies[agent].append(attempt["latency"])
                if attempt.get("rejection"):
                    refusals[agent][attempt["rejection"]["code"]] += 1

    print(f"{'agent':<18}{'sessions':>9}{'agreed':>8}{'by model':>10}{'fallback':>10}{'strategy':>10}{'mandate':>9}"
          f"{'withheld':>10}{'requests':>10}{'tokens':>9}{'cost USD':>10}{'p50 s':>7}{'max s':>7}")
    for agent in sorted(rows):
        row, times = rows[agent], sorted(latencies[agent]) or [0]
        print(f"{agent:<18}{row['sessions']:>9}{row['agreements']:>8}{row['model']:>10}{row['fallback']:>10}{row['strategy']:>10}"
              f"{refusals[agent]['out_of_mandate']:>9}{row['withheld']:>10}{row['requests']:>10}{row['tokens']:>9}"
              f"{row['cost_micro'] / 1_000_000:>10.4f}{times[len(times) // 2]:>7.2f}{times[-1]:>7.2f}")
    print("\nrefused replies by code:")
    for agent in sorted(rows):
        print(f"  {agent}: " + (", ".join(f"{code} {count}" for code, count in refusals[agent].most_common()) or "none"))
    print("\nby model: moves the model decided; fallback: moves its fallback strategy made when the model could not;"
          " strategy: a hybrid agent's strategy moves with the model's note; mandate: replies refused as out of mandate.")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Parley against NegMAS on the reference scenario, side by side: µs per offer, alternating, in one run.

    python3 -m venv /tmp/nvenv && /tmp/nvenv/bin/pip install negmas==0.16.0
    /tmp/nvenv/bin/python Benchmarks/Scripts/versus-negmas.py Benchmarks/.build/release/parley-bench [RUNS]

NegMAS (AGPL) is only run here, never copied: this script builds the reference scenario
(Examples/Scenarios/reference-supply.json: price, quantity and delivery with linear values, 10,000 outcomes,
100 rounds) in NegMAS's own terms and plays its time-based conceding negotiators with the exponents of Parley's
`boulware` (e = 0.2) and `conceder` (e = 2). Parley's target is max - (max - floor) * t^(1/e); NegMAS's
polynomial aspiration raises t to its exponent directly, so the matched NegMAS exponents are 1/e: 5 and 0.5.
Each run times NegMAS sessions, then `parley-bench in-process` (boulware vs conceder, all in), and prints the
ratio of the two rates.
"""
import re
import subprocess
import sys
import time

from negmas import SAOMechanism
from negmas.sao import TimeBasedConcedingNegotiator

from negmas_reference import SCENARIO, issues, utility

EXPONENTS = {"buyer": 1 / 0.2, "seller": 1 / 2.0}  # Parley's boulware buyer, conceder seller


def negmas_per_offer(sessions):
    offers = 0
    agreements = 0
    start = time.perf_counter()
    for _ in range(sessions):
        space = issues()
        mechanism = SAOMechanism(issues=space, n_steps=SCENARIO["deadline"]["rounds"])
        for role in ("buyer", "seller"):
            negotiator = TimeBasedConcedingNegotiator(name=role, offering_curve=EXPONENTS[role])
            mechanism.add(negotiator, ufun=utility(role, space))
        state = mechanism.run()
        offers += len(mechanism.full_trace)
        agreements += state.agreement is not None
    elapsed = time.perf_counter() - start
    return elapsed * 1e6 / max(1, offers), offers / sessions, agreements / sessions


def parley_per_offer(bench):
    output = subprocess.run([bench, "in-process"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"boulware vs conceder.*?\n\s+([0-9.]+) µs per offer", output)
    return float(match.group(1))


def main():
    bench = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print("reference scenario, exponent-matched boulware buyer vs conceder seller, alternating")
    for run in range(1, runs + 1):
        negmas, offers, agreed = negmas_per_offer(100)
        parley = parley_per_offer(bench)
        print(f"  run {run}: NegMAS {negmas:.1f} µs per offer ({offers:.0f} offers per session, {agreed:.0%} agreed), "
              f"Parley {parley:.3f} µs per offer: {negmas / parley:.0f}×")


if __name__ == "__main__":
    main()

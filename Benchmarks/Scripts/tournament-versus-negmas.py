#!/usr/bin/env python3
"""Whole tournaments, Parley against NegMAS's cartesian_tournament, side by side: sessions per second of the whole
process (start-up, play, analysis and storage included), alternating, in one run.

    python3 -m venv /tmp/nvenv && /tmp/nvenv/bin/pip install negmas==0.16.0
    /tmp/nvenv/bin/python Benchmarks/Scripts/tournament-versus-negmas.py PARLEY_CLI [RUNS] [NEGMAS_REPETITIONS] [PARLEY_REPETITIONS]

PARLEY_CLI is a release build of `parley` (`swift build -c release --package-path Benchmarks --product parley`,
then Benchmarks/.build/release/parley). Both run the four time-based and reactive agents they share on the
reference scenario, on every core: NegMAS's Boulware, Linear, Conceder and naive tit-for-tat negotiators through
`cartesian_tournament` (no files written), and `parley tournament` with boulware, linear, conceder and
tit-for-tat into a fresh SQLite store with its report files. Each side's rate is its sessions over its process's
wall time, so start-up costs count on both sides.
"""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from negmas_reference import SCENARIO_PATH

# NegMAS runs in a child process of its own, so that its start-up counts as Parley's does.
NEGMAS_CHILD = """
import sys, time
sys.path.insert(0, {scripts!r})
from negmas import Scenario
from negmas.outcomes import make_os
from negmas.sao import BoulwareTBNegotiator, ConcederTBNegotiator, LinearTBNegotiator, NaiveTitForTatNegotiator
from negmas.tournaments.neg import cartesian_tournament
from negmas_reference import SCENARIO, issues, utility
space = issues()
scenario = Scenario(outcome_space=make_os(space, name=SCENARIO["id"]), ufuns=(utility("buyer", space), utility("seller", space)))
results = cartesian_tournament(
    competitors=[BoulwareTBNegotiator, LinearTBNegotiator, ConcederTBNegotiator, NaiveTitForTatNegotiator],
    scenarios=[scenario], n_repetitions={repetitions}, n_steps=SCENARIO["deadline"]["rounds"], njobs=0,
    self_play=False, verbosity=0, path=None, save_stats=False, save_scenario_figs=False,
)
print(len(results.details))
"""


def negmas_rate(repetitions):
    """Sessions per second of a whole NegMAS tournament process."""
    child = NEGMAS_CHILD.format(scripts=str(Path(__file__).parent), repetitions=repetitions)
    start = time.perf_counter()
    output = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True).stdout
    elapsed = time.perf_counter() - start
    sessions = int(output.strip().splitlines()[-1])
    return sessions / elapsed, sessions


def parley_rate(cli, repetitions):
    """Sessions per second of a whole `parley tournament` process."""
    with tempfile.TemporaryDirectory() as folder:
        command = [
            cli, "tournament", "run", "--scenario", str(SCENARIO_PATH), "--agents", "boulware,linear,conceder,tit-for-tat",
            "--repetitions", str(repetitions), "--store", f"{folder}/store.sqlite", "--out", f"{folder}/report",
        ]
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - start
    sessions = 12 * repetitions  # four agents, every ordered pair, as buyer and as seller
    return sessions / elapsed, sessions


def main():
    cli = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    negmas_repetitions = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    parley_repetitions = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    print("whole tournaments on the reference scenario, four agents, every core, alternating")
    for run in range(1, runs + 1):
        negmas, negmas_sessions = negmas_rate(negmas_repetitions)
        parley, parley_sessions = parley_rate(cli, parley_repetitions)
        print(f"  run {run}: NegMAS {negmas:.1f} sessions/s ({negmas_sessions} sessions), "
              f"Parley {parley:.0f} sessions/s ({parley_sessions} sessions): {parley / negmas:.0f}×")


if __name__ == "__main__":
    main()

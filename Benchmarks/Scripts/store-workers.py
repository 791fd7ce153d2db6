"""Sessions per second into PostgreSQL with 1, 2 and 4 worker processes, next to one process into SQLite, in the
same run and on the same plan (`parley tournament`, release build, whole processes timed from start to exit).

Run it under a PostgreSQL server, for example the throwaway one the tests use:
    swift build -c release --product parley
    scripts/with-postgres python3 Benchmarks/Scripts/store-workers.py --runs 3
Each run of each configuration gets a new database (or file), so no run resumes another.
"""
import argparse
import os
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARLEY = ROOT / ".build/release/parley"


def plan(repetitions):
    return [
        str(PARLEY), "tournament", "--scenario", *sorted(str(p) for p in (ROOT / "Examples/Scenarios").glob("*.json")),
        "--repetitions", str(repetitions), "--jobs", "1",
    ]


def new_database(server):
    name = "bench_" + uuid.uuid4().hex
    base, _, _ = server.rpartition("/")
    host_port = base.split("@", 1)[1]
    host, _, port = host_port.partition(":")
    subprocess.run(["createdb", "-h", host, "-p", port or "5432", "-U", base.split("//", 1)[1].split("@", 1)[0].split(":", 1)[0], name], check=True)
    return f"{base}/{name}"


def timed(commands):
    start = time.perf_counter()
    processes = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for command in commands]
    for process in processes:
        _, errors = process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(process.args)} failed: {errors.decode()}")
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repetitions", type=int, default=6)
    arguments = parser.parse_args()
    server = os.environ["PARLEY_POSTGRES_URL"]
    sessions = 110 * 10 * arguments.repetitions
    results = {}
    for run in range(arguments.runs):
        with tempfile.TemporaryDirectory() as folder:
            results.setdefault("sqlite, 1 process", []).append(sessions / timed([plan(arguments.repetitions) + ["--store", f"{folder}/p.sqlite"]]))
        for workers in (1, 2, 4):
            url = new_database(server)
            commands = [plan(arguments.repetitions) + ["--store", url, "--worker", "--worker-name", f"w{n}"] for n in range(workers)]
            results.setdefault(f"postgres, {workers} worker{'s' if workers > 1 else ''}", []).append(sessions / timed(commands))
        print(f"run {run + 1}: " + ", ".join(f"{name} {rates[-1]:,.0f}/s" for name, rates in results.items()), flush=True)
    baseline = results["sqlite, 1 process"]
    for name, rates in results.items():
        ratios = [rate / base for rate, base in zip(rates, baseline)]
        print(f"{name}: {min(rates):,.0f}–{max(rates):,.0f} sessions/s ({min(ratios):.2f}–{max(ratios):.2f}× SQLite in the same runs)")


if __name__ == "__main__":
    main()

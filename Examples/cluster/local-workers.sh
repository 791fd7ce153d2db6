#!/usr/bin/env bash
# Several tournament workers on one machine against one PostgreSQL server, without containers:
#   Examples/cluster/local-workers.sh [WORKERS] [URL]
# With a URL (postgres://USER@HOST/DATABASE, the database created), the workers share that server; without one, a
# throwaway server is started for the run (scripts/with-postgres) and removed afterwards. Prints each worker's
# summary, the leaderboard, and the verification of the store.
set -euo pipefail
cd "$(dirname "$0")/../.."
workers=${1:-4}
url=${2:-}
if [ -z "$url" ] && [ -z "${PARLEY_POSTGRES_URL:-}" ]; then
    exec scripts/with-postgres "$0" "$workers"
fi
url=${url:-$PARLEY_POSTGRES_URL}
swift build -c release --product parley >/dev/null
parley=.build/release/parley
logs=$(mktemp -d)
for n in $(seq "$workers"); do
    "$parley" tournament --scenario Examples/Scenarios/*.json --repetitions 3 --store "$url" --worker --worker-name "local-$n" \
        > "$logs/worker-$n.log" 2>&1 &
done
wait
for n in $(seq "$workers"); do echo "worker local-$n: $(grep '^Played' "$logs/worker-$n.log")"; done
"$parley" tournament report --store "$url" --out reports-cluster
"$parley" transcripts verify --store "$url"
rm -rf "$logs"

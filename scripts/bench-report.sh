#!/usr/bin/env bash
# Runs the benchmark scenarios and writes docs/performance.md with its pictures in docs/performance/.
# Each scenario runs BENCH_RUNS times (default 3: the machine is shared and noisy, the report gives ranges),
# the e2e soak (e2e --soak BENCH_SOAK, default 300 s; 0 skips it) and every drill-* scenario the harness has
# run once. Run outputs are kept in docs/performance/runs/<scenario>-<n>.log with the commands in commands.txt;
# naming scenarios reruns only those and keeps the other logs:
#   scripts/bench-report.sh                 # everything (about 40 minutes on 2 cores)
#   scripts/bench-report.sh rider e2e       # rerun two scenarios, rewrite the report
#   BENCH_RUNS=0 scripts/bench-report.sh    # rewrite the report from the kept logs only
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
project=tests/DebateEvents.Benchmarks
runs_count=${BENCH_RUNS:-3}
soak=${BENCH_SOAK:-300}
out=docs/performance
runs=$out/runs
mkdir -p "$runs"
touch "$runs/commands.txt"

dotnet build "$project" -c Release --nologo -v q -clp:ErrorsOnly
bench() { dotnet run -c Release --no-build --project "$project" -- "$@"; }

# The harness lists its scenarios in its usage line.
available=$( (bench 2>&1 || true) | sed -n 's/.*-- <\([^>]*\)> \[arguments\]/\1/p' | tr '|' ' ')
if [ $# -gt 0 ]; then
  wanted="$*"
else
  wanted="raw rider outbox avro e2e"
  [ "$soak" -gt 0 ] && wanted="$wanted e2e-soak"
  for name in $available; do
    case $name in drill-*) wanted="$wanted $name" ;; esac
  done
fi

# run NAME TIMES ARGS...: keeps each run's output without librdkafka's configuration warnings.
run() {
  local name=$1 times=$2
  shift 2
  rm -f "$runs/$name"-[0-9]*.log   # e2e-[0-9]*: not e2e-soak-1.log
  grep -v -P "^$name\t" "$runs/commands.txt" > "$runs/commands.tmp" || true
  printf '%s\tdotnet run -c Release --project %s -- %s\n' "$name" "$project" "$*" >> "$runs/commands.tmp"
  mv "$runs/commands.tmp" "$runs/commands.txt"
  for i in $(seq 1 "$times"); do
    echo "== $name run $i of $times: $*"
    bench "$@" 2>&1 | grep -v 'CONFWARN' | tee "$runs/$name-$i.log" | grep '^RESULT' || echo "$name run $i printed no RESULT line"
  done
}

if [ "$runs_count" -gt 0 ]; then
  for name in $wanted; do
    case $name in
      e2e) run e2e "$runs_count" e2e --out "$out" ;;
      e2e-soak) run e2e-soak 1 e2e --soak "$soak" ;;
      drill-*) run "$name" 1 "$name" ;;
      *) run "$name" "$runs_count" "$name" ;;
    esac
  done
fi

bench --report "$runs" docs

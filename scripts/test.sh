#!/usr/bin/env bash
# Runs the whole test suite: starts a throwaway PostgreSQL (installed from Debian on first use), installs
# Debian's chromium for the console's browser tests, builds the solution with warnings as errors, runs every
# sample (each checks its own round trip) and every test project, and ends with one line
# "N passed, N failed, N skipped".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [ -x scripts/postgres.sh ]; then
  DEBATEEVENTS_POSTGRES=$(scripts/postgres.sh)
  export DEBATEEVENTS_POSTGRES
fi

# The operator console's browser tests drive Debian's chromium (Playwright's own browser download is not reachable).
scripts/apt.sh chromium

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build DebateEvents.sln -c Release --nologo -v q -clp:ErrorsOnly

# Each sample checks its own round trip on the embedded cluster and exits non-zero when it fails.
for sample in samples/*/; do
  echo "sample: $(basename "$sample")"
  timeout 180 dotnet run --no-build -c Release --project "$sample" >/dev/null
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# One project at a time: the integration tests share two cores with their embedded clusters.
dotnet test DebateEvents.sln -c Release --no-build --nologo -m:1 "$@" 2>&1 | tee "$log" || status=$?

awk '
  /(Passed|Failed)! +- Failed:/ {
    gsub(",", "")
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1)
      if ($i == "Passed:") p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
    projects++
  }
  END {
    printf "%d passed, %d failed, %d skipped\n", p, f, s
    if (projects == 0 || p == 0) exit 1
    if (f > 0) exit 1
  }
' "$log" || status=1
exit "$status"

#!/usr/bin/env bash
# Runs the service on its embedded defaults: in-process Kafka cluster, SQLite under data/,
# HTTP on 127.0.0.1:5080; with DEBATE_EVENTS_DATABASE_PROVIDER=postgres, the database that
# DEBATE_EVENTS_DATABASE_CONNECTION names. Extra arguments go to the host (for example --urls).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mkdir -p data
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${DEBATE_EVENTS_DATABASE_PROVIDER:-sqlite}" = postgres ]; then
  exec dotnet run --project src/DebateEvents.Host -c Release -- "$@"
fi
exec dotnet run --project src/DebateEvents.Host -c Release -- --ConnectionStrings:Debates="Data Source=$root/data/debates.db" "$@"

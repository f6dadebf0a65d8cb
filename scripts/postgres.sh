#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for the outbox tests, as a non-root user, on a loopback
# port, with its data under /tmp/debateevents-pg-<port> (PG_DIR overrides it): outside the checkout,
# because the server's user must reach it and a checkout may sit in a private folder. Idempotent: a
# running cluster is reused, by this checkout or any other on the machine.
#
# Prints the connection string on stdout (last line); capture it with:
#   export DEBATEEVENTS_POSTGRES="$(scripts/postgres.sh)"
# Environment: PG_PORT (default 55432), PG_USER (OS user running the server, default postgres).
# Stop it with: scripts/postgres.sh stop
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PG_PORT:-55432}"
os_user="${PG_USER:-postgres}"
pg_dir="${PG_DIR:-/tmp/debateevents-pg-$port}"
data="$pg_dir/data"

bindir="/usr/lib/postgresql/15/bin"
if [ ! -x "$bindir/pg_ctl" ]; then
  "$root/scripts/apt.sh" postgresql >&2
fi
[ -x "$bindir/pg_ctl" ] || { echo "postgres.sh: PostgreSQL 15 binaries not found in $bindir" >&2; exit 1; }

as_server_user() {
  if [ "$(id -un)" = "$os_user" ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u "$os_user" -- "$@"
  else
    # Not root: run the server as ourselves.
    "$@"
  fi
}

if [ "$(id -u)" -eq 0 ] && ! id "$os_user" >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
fi

mkdir -p "$pg_dir"
if [ "$(id -u)" -eq 0 ]; then
  chown "$os_user" "$pg_dir"
fi

if [ "${1:-}" = "stop" ]; then
  as_server_user "$bindir/pg_ctl" -D "$data" -m fast stop >&2 || true
  exit 0
fi

if [ ! -f "$data/PG_VERSION" ]; then
  as_server_user "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-sync >&2
fi

# A data directory whose empty folders were lost (copied without them, or swept by a cleanup) starts
# but fails every checkpoint ("could not open directory pg_logical/snapshots"): put them back.
for sub in pg_commit_ts pg_dynshmem pg_logical/mappings pg_logical/snapshots pg_notify pg_replslot pg_serial \
  pg_snapshots pg_stat pg_stat_tmp pg_tblspc pg_twophase pg_wal/archive_status; do
  [ -d "$data/$sub" ] || as_server_user mkdir -p -m 700 "$data/$sub"
done

if ! as_server_user "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  # Throwaway cluster for tests: durability traded for speed; loopback only, socket in our folder.
  as_server_user "$bindir/pg_ctl" -D "$data" -l "$pg_dir/server.log" -w -t 60 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $pg_dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
fi

for _ in $(seq 1 60); do
  if "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -U postgres -q; then
    break
  fi
  sleep 0.5
done
"$bindir/pg_isready" -h 127.0.0.1 -p "$port" -U postgres -q || { echo "postgres.sh: server did not become ready; see $pg_dir/server.log" >&2; exit 1; }

connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "$connection"

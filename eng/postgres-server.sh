#!/usr/bin/env bash
# Runs PostgreSQL 15 from Debian's packages in the foreground: data in $1, port $2.
# The superuser's password comes from $POSTGRES_PASSWORD (used when the data folder is first made).
# PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
set -euo pipefail
data_dir=$(realpath -m "$1"); port=$2
bin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$data_dir"
# Everything printed also goes to $1-console.log, for a test that reports why the server did not start.
exec > >(tee -a "$data_dir-console.log") 2>&1
source "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/free-ports.sh"
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$data_dir"
  # postgres must be able to reach its data folder through every parent.
  d=$(dirname "$data_dir"); while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
fi
if [ ! -s "$data_dir/PG_VERSION" ]; then
  pwfile=$(mktemp); printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is not set}" >"$pwfile"; chmod 644 "$pwfile"
  as_postgres "$bin/initdb" -D "$data_dir" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi
# A server left running on this folder by a run that was killed is stopped first.
if as_postgres "$bin/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
  echo "stopping a PostgreSQL left running on $data_dir"
  as_postgres "$bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
fi
await_free_ports "$port"
args=(-D "$data_dir" -p "$port" -k "$data_dir" -c listen_addresses=127.0.0.1 -c max_connections=300)
# Stopped by the AppHost (SIGTERM: the dashboard's Stop, a fault drill, the end of a run), it shuts down fast, cutting
# open connections instead of waiting for the services' pools to close them; if it stops by itself, so does this script.
trap 'as_postgres "$bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null 2>&1 || true; wait "$server" || true; exit 0' TERM INT
as_postgres "$bin/postgres" "${args[@]}" &
server=$!
wait "$server"

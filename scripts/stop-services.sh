#!/usr/bin/env bash
# Stops the PostgreSQL cluster and redis-server started by scripts/provision.sh (data is kept, so the
# next provision.sh starts quickly). Safe to run when nothing is running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/services-common.sh
source "$ROOT/scripts/services-common.sh"

as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_ctl_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN/pg_ctl"; return; fi
  if [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then echo /usr/lib/postgresql/15/bin/pg_ctl; return; fi
  command -v pg_ctl || true
}

if [[ -s "$PGDATA_DIR/postmaster.pid" ]]; then
  pg_ctl="$(pg_ctl_bin)"
  if [[ -n "$pg_ctl" ]] && as_pg "$pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    as_pg "$pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null && echo "stop-services: PostgreSQL stopped"
  fi
fi

if [[ -s "$REDIS_RUN/redis.pid" ]]; then
  pid="$(cat "$REDIS_RUN/redis.pid")"
  if kill -0 "$pid" 2>/dev/null && grep -q redis "/proc/$pid/comm" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    echo "stop-services: Redis stopped"
  fi
  rm -f "$REDIS_RUN/redis.pid"
fi

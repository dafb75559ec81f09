#!/usr/bin/env bash
# The project's test command (README, .ci/run): provisions PostgreSQL and Redis, runs `mvn -B verify`
# with their settings exported (TEST_DATABASE_URL, TEST_REDIS_URL), then stops them.
# Extra arguments go to Maven, e.g. `bash scripts/test.sh -o -Dit.test=MigrationsPostgresIT`.
#
# Several runs may share the services: each run holds a lease, and the services are stopped by the
# last run to finish, and only if a test run started them (services started by hand keep running).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/services-common.sh
source "$ROOT/scripts/services-common.sh"

mkdir -p "$LEASE_DIR"
lease="$LEASE_DIR/$$"

release() {
  local status=$?
  (
    flock 8
    rm -f "$lease"
    for other in "$LEASE_DIR"/*; do
      [[ -e "$other" ]] || continue
      kill -0 "$(basename "$other")" 2>/dev/null || rm -f "$other"
    done
    if [[ -z "$(ls -A "$LEASE_DIR" 2>/dev/null)" && -e "$STATE_DIR/started-by-test" ]]; then
      bash "$ROOT/scripts/stop-services.sh" || true
      rm -f "$STATE_DIR/started-by-test"
    fi
  ) 8>"$STATE_DIR/lease.lock"
  exit "$status"
}

(
  flock 8
  if [[ -z "$(ls -A "$LEASE_DIR" 2>/dev/null)" ]] && ! [[ -s "$PGDATA_DIR/postmaster.pid" ]]; then
    touch "$STATE_DIR/started-by-test"
  fi
  touch "$lease"
) 8>"$STATE_DIR/lease.lock"
trap release EXIT
trap 'exit 130' INT TERM

bash "$ROOT/scripts/provision.sh"

set -a
# shellcheck disable=SC1090
source "$ENV_FILE"
set +a

mvn -B "$@" verify

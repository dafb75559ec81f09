# Shared locations of the throwaway test services; sourced by provision.sh, stop-services.sh and test.sh.
# shellcheck shell=bash
PG_PORT="${TEST_PG_PORT:-55432}"
REDIS_PORT="${TEST_REDIS_PORT:-56379}"
STATE_DIR="${TEST_SERVICES_DIR:-$ROOT/target/test-services}"
PG_HOME="$STATE_DIR"
# As root the cluster runs as `postgres`, which must be able to reach its directory; when the checkout is
# not readable by others (e.g. under /root), the cluster lives under /tmp instead.
if [[ "$(id -u)" == 0 ]] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
  PG_HOME="/tmp/engagement-conductor-test-services-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)"
fi
PGDATA_DIR="$PG_HOME/pgdata"
PG_RUN="$PG_HOME/pg-run"
REDIS_RUN="$STATE_DIR/redis"
LEASE_DIR="$STATE_DIR/leases"
ENV_FILE="$ROOT/target/test-services.env"

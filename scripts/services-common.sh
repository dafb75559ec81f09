# Shared locations of the throwaway test services; sourced by provision.sh, stop-services.sh and test.sh.
# shellcheck shell=bash
PG_PORT="${TEST_PG_PORT:-55432}"
REDIS_PORT="${TEST_REDIS_PORT:-56379}"
STATE_DIR="${TEST_SERVICES_DIR:-$ROOT/target/test-services}"
PGDATA_DIR="$STATE_DIR/pgdata"
PG_RUN="$STATE_DIR/pg-run"
REDIS_RUN="$STATE_DIR/redis"
LEASE_DIR="$STATE_DIR/leases"
ENV_FILE="$ROOT/target/test-services.env"

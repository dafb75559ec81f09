#!/usr/bin/env bash
# Starts the throwaway services the integration tests need, idempotently (and installs the Node test client):
#   - PostgreSQL 15 on 127.0.0.1:55432 (database conductor_test, user conductor/conductor);
#   - redis-server on 127.0.0.1:56379 (best effort: installed with apt-get when absent; a warning,
#     not a failure, when that is impossible).
# Writes the connection settings to target/test-services.env. Stop them with scripts/stop-services.sh.
# No Docker needed. Running as root is fine: the PostgreSQL cluster runs as the `postgres` user.
#
# Environment knobs (all optional): TEST_PG_PORT, TEST_REDIS_PORT, TEST_SERVICES_DIR, PG_BIN.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/services-common.sh
source "$ROOT/scripts/services-common.sh"

mkdir -p "$STATE_DIR" "$ROOT/target"

find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  if [[ -x /usr/lib/postgresql/15/bin/postgres ]]; then echo /usr/lib/postgresql/15/bin; return; fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/postgres" ]]; then echo "$dir"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  return 1
}

# Runs a command as the cluster owner: `postgres` when we are root (initdb refuses root), else ourselves.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_open() { { (exec 3<>"/dev/tcp/127.0.0.1/$1"); } 2>/dev/null; }

start_postgres() {
  local bin
  if ! bin="$(find_pg_bin)"; then
    echo "provision: PostgreSQL server binaries not found (set PG_BIN or install postgresql-15)" >&2
    return 1
  fi
  if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "provision: running as root needs the \`postgres\` user to own the cluster (initdb refuses root)" >&2
    return 1
  fi
  mkdir -p "$PG_RUN"
  if [[ "$(id -u)" == 0 ]]; then chown postgres: "$PG_RUN"; fi

  if as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    echo "provision: PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    if port_open "$PG_PORT"; then
      echo "provision: port $PG_PORT is taken by another process; set TEST_PG_PORT" >&2
      return 1
    fi
    if [[ ! -s "$PGDATA_DIR/PG_VERSION" ]]; then
      echo "provision: initdb $PGDATA_DIR"
      rm -rf "$PGDATA_DIR"
      mkdir -p "$PGDATA_DIR"
      if [[ "$(id -u)" == 0 ]]; then chown postgres: "$PGDATA_DIR"; fi
      chmod 700 "$PGDATA_DIR"
      # Local (socket) connections are trusted for administration; TCP needs a password.
      as_pg "$bin/initdb" -D "$PGDATA_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$STATE_DIR/initdb.log" 2>&1 \
        || as_pg "$bin/initdb" -D "$PGDATA_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
          --encoding=UTF8 --no-locale >"$STATE_DIR/initdb.log" 2>&1 \
        || { cat "$STATE_DIR/initdb.log" >&2; return 1; }
    fi
    echo "provision: starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PG_RUN/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_RUN -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 9>&- \
      || { cat "$PG_RUN/postgres.log" >&2; return 1; }
  fi

  local psql=("$bin/psql" -h "$PG_RUN" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
  if [[ "$(as_pg "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'conductor'")" != 1 ]]; then
    as_pg "${psql[@]}" -d postgres -c "CREATE ROLE conductor LOGIN PASSWORD 'conductor'"
  fi
  if [[ "$(as_pg "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'conductor_test'")" != 1 ]]; then
    as_pg "${psql[@]}" -d postgres -c "CREATE DATABASE conductor_test OWNER conductor"
  fi
  echo "provision: PostgreSQL ready (database conductor_test, user conductor)"
}

install_redis() {
  if command -v redis-server >/dev/null 2>&1; then return 0; fi
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then return 1; fi
  echo "provision: installing redis-server with apt-get"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } \
    >"$STATE_DIR/apt-redis.log" 2>&1 || return 1
  command -v redis-server >/dev/null 2>&1
}

redis_ping() {
  # PING over bash's /dev/tcp, so redis-cli is not required.
  local reply
  reply="$({ exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && timeout 2 head -c 7 <&3; } 2>/dev/null)" || return 1
  [[ "$reply" == "+PONG"* ]]
}

start_redis() {
  if redis_ping; then
    echo "provision: Redis already running on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  if port_open "$REDIS_PORT"; then
    echo "provision: WARNING port $REDIS_PORT is taken by something that is not Redis; Redis not started" >&2
    return 1
  fi
  if ! install_redis; then
    echo "provision: WARNING redis-server is not installed and could not be installed; Redis-backed tests will not find TEST_REDIS_URL" >&2
    return 1
  fi
  mkdir -p "$REDIS_RUN"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
    --pidfile "$REDIS_RUN/redis.pid" --logfile "$REDIS_RUN/redis.log" --dir "$REDIS_RUN" \
    --save '' --appendonly no --protected-mode yes >/dev/null 2>&1 9>&- || true
  local deadline=$((SECONDS + 20))
  until redis_ping; do
    if ((SECONDS > deadline)); then
      echo "provision: WARNING redis-server did not answer on 127.0.0.1:$REDIS_PORT (see $REDIS_RUN/redis.log)" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "provision: Redis ready on 127.0.0.1:$REDIS_PORT"
}

# The stock Socket.IO client the realtime integration tests drive and playwright-core for the browser test
# (src/test/node).
if [[ ! -d "$ROOT/src/test/node/node_modules/playwright-core" || ! -d "$ROOT/src/test/node/node_modules/socket.io-client" ]]; then
  echo "provision: npm install in src/test/node"
  npm install --no-audit --no-fund --prefix "$ROOT/src/test/node"
fi

# Debian's chromium for the browser test (DashboardBrowserIT, driven by playwright-core; a browser download
# does not work here). Best effort, like redis-server: without it that test is skipped.
if ! command -v chromium >/dev/null 2>&1; then
  echo "provision: installing chromium with apt-get"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
    || echo "provision: WARNING chromium could not be installed; DashboardBrowserIT will fail" >&2
fi

exec 9>"$STATE_DIR/lock"
flock 9

start_postgres
redis_ok=0
start_redis || redis_ok=$?

{
  echo "# Written by scripts/provision.sh; read by the failsafe integration tests."
  echo "TEST_DATABASE_URL=postgresql://conductor:conductor@127.0.0.1:$PG_PORT/conductor_test"
  if [[ "$redis_ok" == 0 ]]; then
    echo "TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
  fi
} >"$ENV_FILE"
echo "provision: wrote $ENV_FILE"

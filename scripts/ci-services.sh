#!/usr/bin/env bash
# Starts the services the store tests use, from Debian's packages, on local ports only:
#   PostgreSQL: a throwaway cluster (initdb into a temp dir, trust auth, 127.0.0.1:54329, db "lede")
#   Redis:      redis-server on 127.0.0.1:63799 (for the bullmq worker tests)
# Idempotent: installs only what is missing and returns at once when both already answer.
# Prints `export` lines on stdout (progress goes to stderr), so CI can do:
#   eval "$(scripts/ci-services.sh)"
# Settings (environment): LEDE_PG_PORT, LEDE_REDIS_PORT, LEDE_SERVICES_DIR (default /tmp/lede-ci-services).
set -euo pipefail

PG_PORT="${LEDE_PG_PORT:-54329}"
REDIS_PORT="${LEDE_REDIS_PORT:-63799}"
BASE_DIR="${LEDE_SERVICES_DIR:-/tmp/lede-ci-services}"
PG_DIR="$BASE_DIR/postgres"
REDIS_DIR="$BASE_DIR/redis"

log() { echo "ci-services: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else log "need root (or sudo) to run: $*"; return 1
  fi
}

pg_bin_dir() {
  # The newest installed server version (Debian keeps the binaries outside PATH).
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# --- install what is missing ------------------------------------------------------------------
missing=()
[ -n "$(pg_bin_dir)" ] && [ -x "$(pg_bin_dir)/initdb" ] || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  # The Debian postgresql package would also start its own cluster on 5432; stop it from doing so
  # with policy-rc.d while installing (the throwaway cluster below is the one the tests use).
  policy_added=0
  if [ ! -e /usr/sbin/policy-rc.d ] && [ "$(id -u)" = 0 ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  [ "$policy_added" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi

PG_BIN="$(pg_bin_dir)"

# Runs a PostgreSQL command as the `postgres` OS user when we are root (initdb refuses root).
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
    else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else "$@"
  fi
}

# --- PostgreSQL -----------------------------------------------------------------------------
if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
  log "PostgreSQL already answers on 127.0.0.1:$PG_PORT"
else
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR" && chmod 700 "$PG_DIR"
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    log "initdb into $PG_DIR"
    as_pg_user "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>"$BASE_DIR/initdb.log" \
      || as_pg_user "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  # fsync off: a throwaway test cluster, speed matters more than surviving a power cut.
  as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
fi
psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'lede'")" != 1 ]; then
  psql_admin -c "CREATE ROLE lede LOGIN CREATEDB" >&2
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'lede'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE lede OWNER lede" >&2
fi

# --- Redis ----------------------------------------------------------------------------------
if command -v redis-cli >/dev/null 2>&1 && [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; then
  log "Redis already answers on 127.0.0.1:$REDIS_PORT"
else
  mkdir -p "$REDIS_DIR"
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$REDIS_DIR" \
    --save '' --appendonly no --logfile "$REDIS_DIR/redis.log" --pidfile "$REDIS_DIR/redis.pid" >&2
  for _ in $(seq 1 50); do
    [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] && break
    sleep 0.1
  done
fi

echo "export LEDE_PG_URL=postgres://lede@127.0.0.1:$PG_PORT/lede"
echo "export LEDE_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"

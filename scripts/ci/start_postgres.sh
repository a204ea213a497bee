#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL.
#
# Usage (CI):
#   eval "$(scripts/ci/start_postgres.sh)"     # exports DETENTE_TEST_POSTGRES
#   .venv/bin/pytest tests/store
#   scripts/ci/start_postgres.sh --stop        # stops the server it started
#
# What it does: installs Debian's `postgresql` package with apt-get if no
# initdb is found, initialises a cluster in a temporary folder (as the
# `postgres` user when run as root: PostgreSQL refuses to run as root), starts
# it on 127.0.0.1 on a free port (trust auth, local only), creates the
# database `detente_test` and prints
#   export DETENTE_TEST_POSTGRES=postgresql://<user>@127.0.0.1:<port>/detente_test
# on stdout (progress goes to stderr). The data folder is remembered in
# ${DETENTE_PG_STATE:-/tmp/detente-pg-state} for --stop.
set -euo pipefail

STATE_FILE="${DETENTE_PG_STATE:-/tmp/detente-pg-state}"
DB_NAME="${DETENTE_PG_DB:-detente_test}"

log() { echo "start_postgres: $*" >&2; }

find_bin() {
    local name="$1" found
    found="$(command -v "$name" 2>/dev/null || true)"
    if [[ -z "$found" ]]; then
        found="$(ls -1d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
    echo "$found"
}

as_db_user() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [[ "${1:-}" == "--stop" ]]; then
    if [[ -f "$STATE_FILE" ]]; then
        # shellcheck disable=SC1090
        source "$STATE_FILE"
        as_db_user "$PG_CTL" -D "$PGDATA_DIR" -m fast -w stop >&2 || true
        rm -rf "$PGDATA_DIR" "$STATE_FILE"
        log "stopped"
    else
        log "nothing to stop ($STATE_FILE not found)"
    fi
    exit 0
fi

INITDB="$(find_bin initdb)"
if [[ -z "$INITDB" ]]; then
    log "initdb not found; installing postgresql with apt-get"
    if [[ "$(id -u)" != "0" ]]; then
        log "not root: install postgresql yourself (sudo apt-get install -y postgresql)"
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    INITDB="$(find_bin initdb)"
fi
BIN_DIR="$(dirname "$(readlink -f "$INITDB")")"
PG_CTL="$BIN_DIR/pg_ctl"
CREATEDB="$BIN_DIR/createdb"

if [[ "$(id -u)" == "0" ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --create-home postgres
    DB_USER=postgres
else
    DB_USER="$(id -un)"
fi

PGDATA_DIR="$(mktemp -d /tmp/detente-pg.XXXXXX)"
chmod 700 "$PGDATA_DIR"
[[ "$(id -u)" == "0" ]] && chown postgres "$PGDATA_DIR"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

log "initdb in $PGDATA_DIR ($BIN_DIR)"
as_db_user "$INITDB" -D "$PGDATA_DIR" -U "$DB_USER" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
log "starting on 127.0.0.1:$PORT"
as_db_user "$PG_CTL" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDATA_DIR -c fsync=off" start >&2
as_db_user "$CREATEDB" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" "$DB_NAME"

cat > "$STATE_FILE" <<EOF
PG_CTL=$PG_CTL
PGDATA_DIR=$PGDATA_DIR
EOF

URL="postgresql://$DB_USER@127.0.0.1:$PORT/$DB_NAME"
log "ready: $URL"
echo "export DETENTE_TEST_POSTGRES=$URL"

#!/usr/bin/env bash
# Idempotent: creates the venv (pinned packages) if missing, initialises and starts PostgreSQL on
# a private port under $STATE_DIR, creates the database and runs the app's migrations.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ ! -x "$VENV/bin/python" ]; then
    say "creating venv $VENV with $PYTHON and requirements.txt"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$APP_DIR/requirements.txt"
else
    say "venv $VENV exists"
fi

[ -x "$PG_BIN/initdb" ] || { say "no PostgreSQL in PG_BIN=$PG_BIN (install postgresql-15)"; exit 2; }
mkdir -p "$STATE_DIR"
PGDATA="$STATE_DIR/pgdata"
if [ ! -f "$PGDATA/PG_VERSION" ]; then
    say "initdb $PGDATA"
    mkdir -p "$PGDATA"
    [ "$(id -u)" = 0 ] && chown -R postgres "$STATE_DIR"
    pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
fi
if pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    say "PostgreSQL already running on port $PG_PORT"
else
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT (log $STATE_DIR/postgres.log)"
    [ "$(id -u)" = 0 ] && touch "$STATE_DIR/postgres.log" && chown postgres "$STATE_DIR/postgres.log"
    pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$STATE_DIR/postgres.log" -w -t 30 \
        -o "-p $PG_PORT -k $STATE_DIR -c listen_addresses=127.0.0.1" start >/dev/null
fi

psql() { pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(psql -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" ]; then
    say "creating superuser role $PG_USER"
    psql -c "CREATE ROLE \"$PG_USER\" SUPERUSER LOGIN PASSWORD '$PG_PASSWORD'"
fi
if [ -z "$(psql -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
    say "creating database $PG_DB"
    psql -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\""
fi

say "running migrations (main.py db upgrade heads)"
cd "$APP_DIR"
"$VENV/bin/python" main.py db upgrade heads 2>&1 | grep -v -E '^\s*$' | tail -3
say "done: DATABASE_URI=$DATABASE_URI"

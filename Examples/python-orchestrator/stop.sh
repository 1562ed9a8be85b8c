#!/usr/bin/env bash
# Stops the app and PostgreSQL started by start.sh and setup.sh. STATE_DIR (the database) is kept;
# remove it to start from nothing.
set -uo pipefail
source "$(dirname "$0")/env.sh"

PIDFILE="$STATE_DIR/uvicorn.pid"
if [ -f "$PIDFILE" ]; then
    say "stopping uvicorn (pid $(cat "$PIDFILE"))"
    kill "$(cat "$PIDFILE")" 2>/dev/null
    rm -f "$PIDFILE"
fi
if [ -f "$STATE_DIR/pgdata/PG_VERSION" ]; then
    say "stopping PostgreSQL ($STATE_DIR/pgdata)"
    pg "$PG_BIN/pg_ctl" -D "$STATE_DIR/pgdata" -m fast -w stop >/dev/null 2>&1 || say "PostgreSQL was not running"
fi

#!/usr/bin/env bash
# Starts the app (uvicorn main:app) on 127.0.0.1:$APP_PORT against NetBox at $NETBOX_URL and waits,
# at most $START_TIMEOUT seconds, until /api/products/ answers. Run setup.sh first.
set -euo pipefail
source "$(dirname "$0")/env.sh"

[ -n "$NETBOX_TOKEN" ] || { say "set NETBOX_TOKEN (the token of the NetBox at $NETBOX_URL)"; exit 2; }
PIDFILE="$STATE_DIR/uvicorn.pid"
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    say "already running (pid $(cat "$PIDFILE"))"; exit 0
fi
say "starting uvicorn on 127.0.0.1:$APP_PORT, workflows=$WORKFLOWS, NETBOX_URL=$NETBOX_URL (log $STATE_DIR/app.log)"
cd "$APP_DIR"
nohup "$VENV/bin/uvicorn" main:app --host 127.0.0.1 --port "$APP_PORT" >"$STATE_DIR/app.log" 2>&1 &
echo $! >"$PIDFILE"
for _ in $(seq "$START_TIMEOUT"); do
    if "$VENV/bin/python" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
        "http://127.0.0.1:$APP_PORT/api/products/" 2>/dev/null; then
        say "ready: http://127.0.0.1:$APP_PORT/api"; exit 0
    fi
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { say "uvicorn exited; last log lines:"; tail -20 "$STATE_DIR/app.log"; exit 1; }
    sleep 1
done
say "no answer from /api/products/ after ${START_TIMEOUT}s; last log lines:"; tail -20 "$STATE_DIR/app.log"; exit 1

#!/usr/bin/env bash
# End to end: OrchLab (`orchlab-serve`) on a private port, this app against its /netbox, the
# session client with the full mesh. Fails unless every process completed, every paste was clean
# and IS-IS formed 10 adjacencies; then compares the short session with the recording.
# Usage: e2e.sh PATH/TO/orchlab-serve [TOPOLOGY]  (env as for setup.sh/start.sh; WORKFLOWS=solved)
set -euo pipefail
export WORKFLOWS="${WORKFLOWS:-solved}"
source "$(dirname "$0")/env.sh"
SERVE="${1:?give the orchlab-serve executable}"
TOPOLOGY="${2:-$APP_DIR/../../Topologies/workshop.yaml}"
ORCHLAB_PORT="${ORCHLAB_PORT:-18481}"
export NETBOX_TOKEN="${NETBOX_TOKEN:-e2e-token-$(date +%s%N)}"
export NETBOX_URL="http://127.0.0.1:$ORCHLAB_PORT/netbox"
SERVE_PID=""

start_orchlab() {
    rm -f "$STATE_DIR/world.sqlite"
    "$SERVE" serve --topology "$TOPOLOGY" --db "$STATE_DIR/world.sqlite" --port "$ORCHLAB_PORT" \
        --token "$NETBOX_TOKEN" >"$STATE_DIR/orchlab.log" 2>&1 &
    SERVE_PID=$!
    for _ in $(seq 60); do grep -q listening "$STATE_DIR/orchlab.log" && return 0; sleep 0.5; done
    say "orchlab-serve did not start:"; cat "$STATE_DIR/orchlab.log"; return 1
}
stop_orchlab() { [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null; SERVE_PID=""; }
# A fresh world needs a fresh orchestrator database too: the app's subscriptions name NetBox ids.
fresh() {
    "$APP_DIR/stop.sh"; stop_orchlab; rm -rf "$STATE_DIR/pgdata"; mkdir -p "$STATE_DIR"
    start_orchlab && "$APP_DIR/setup.sh" && "$APP_DIR/start.sh"
}
trap '"$APP_DIR/stop.sh"; stop_orchlab' EXIT

session() {
    "$VENV/bin/python" "$APP_DIR/api_session.py" run --api "http://127.0.0.1:$APP_PORT/api" \
        --lab "http://127.0.0.1:$ORCHLAB_PORT/lab" --token "$NETBOX_TOKEN" "$@"
}

fresh
session --nodes 5 --mesh --out "$STATE_DIR/mesh.json"
"$VENV/bin/python" - "$STATE_DIR/mesh.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
failed = [k for k, v in r["processes"].items() if v.get("last_status") != "completed"]
dirty = [p for v in r["pastes"].values() for p in v if not p["clean"]]
adjacencies = len(r["adjacencies_after_create"]["pairs"] or [])
print(f"not completed: {failed}, unclean pastes: {len(dirty)}, adjacencies: {adjacencies}")
sys.exit(1 if failed or dirty or adjacencies != 10 else 0)
PY
fresh
session --out "$STATE_DIR/session.json"
"$VENV/bin/python" "$APP_DIR/api_session.py" compare "$APP_DIR/recordings/orchestrator-core-$WORKFLOWS.json" \
    "$STATE_DIR/session.json" --allow "$APP_DIR/api-differences.json" | tail -1

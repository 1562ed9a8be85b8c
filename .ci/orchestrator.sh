#!/usr/bin/env bash
# A real orchestrator-core as the engine under test: Examples/python-orchestrator (orchestrator-core
# 1.3.6 from PyPI on PostgreSQL 15 on a private port) is
#   1. driven by one Python client side by side with `orchlab serve`'s own /api, and the answers
#      compared (any difference not listed in api-differences.json fails);
#   2. played the workshop build scenario through `orchlab run --orchestrator`;
#   3. graded as handed out and solved through `orchlab grade --orchestrator`: the grades must differ,
#      and the solved app must get full marks.
# Stops everything it started on any exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1
APP=Examples/python-orchestrator
export STATE_DIR="$(mktemp -d)"
export PG_PORT="${PG_PORT:-55432}" APP_PORT="${APP_PORT:-18480}"
LAB_PORT="${LAB_PORT:-18490}" SERVE_PORT="${SERVE_PORT:-18495}"
export NETBOX_URL="http://127.0.0.1:$LAB_PORT/netbox"
export NETBOX_TOKEN="ci-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export ORCHLAB_TOKEN="$NETBOX_TOKEN"
ORCHESTRATOR="http://127.0.0.1:$APP_PORT"
SERVE_PID=""

swift build --product orchlab
swift build --product orchlab-serve
BIN="$(swift build --show-bin-path)"

stop_serve() { if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi; SERVE_PID=""; }
cleanup() { stop_serve; "$APP/stop.sh" >/dev/null 2>&1 || true; rm -rf "$STATE_DIR"; }
trap cleanup EXIT

# `orchlab serve` on PORT over a fresh in-memory world; waits (bounded) until it listens.
serve() {
    "$BIN/orchlab-serve" serve --topology Topologies/workshop.yaml --port "$1" --token "$NETBOX_TOKEN" >"$STATE_DIR/serve.log" 2>&1 &
    SERVE_PID=$!
    for _ in $(seq 1 200); do grep -q "^listening" "$STATE_DIR/serve.log" && return 0; sleep 0.1; done
    cat "$STATE_DIR/serve.log"; return 1
}
# stop.sh stops PostgreSQL too; setup.sh (idempotent) starts it again.
app() { "$APP/stop.sh" >/dev/null; "$APP/setup.sh" >/dev/null; WORKFLOWS="$1" "$APP/start.sh"; }
session() { "$APP/.venv/bin/python" "$APP/api_session.py" run --token "$NETBOX_TOKEN" "$@"; }

started=$(date +%s)
"$APP/setup.sh"
echo "orchestrator-core set up in $(( $(date +%s) - started )) s"

# 1. One client, two orchestrators: real orchestrator-core (its NetBox and routers are an
#    `orchlab serve` on the lab port) and `orchlab serve`'s own /api.
app solved
serve "$LAB_PORT"
session --api "$ORCHESTRATOR/api" --lab "http://127.0.0.1:$LAB_PORT/lab" --out "$STATE_DIR/real.json"
stop_serve
serve "$SERVE_PORT"
session --api "http://127.0.0.1:$SERVE_PORT/api" --lab "http://127.0.0.1:$SERVE_PORT/lab" --out "$STATE_DIR/orchlab.json"
stop_serve
"$APP/.venv/bin/python" "$APP/api_session.py" compare "$STATE_DIR/real.json" "$STATE_DIR/orchlab.json" \
    --allow "$APP/api-differences.json"

# 2. The workshop build through the real orchestrator (OrchLab serves it the lab on LAB_PORT);
#    `orchlab` hands --orchestrator to orchlab-serve.
started=$(date +%s)
"$BIN/orchlab" run --orchestrator "$ORCHESTRATOR" --lab-port "$LAB_PORT" --report-dir "$STATE_DIR/run" Scenarios/workshop-build.yaml
echo "workshop build through orchestrator-core: $(( $(date +%s) - started )) s"

# 3. Grades: solved must get full marks, as handed out must score less.
"$BIN/orchlab" grade --orchestrator "$ORCHESTRATOR" --lab-port "$LAB_PORT" --report-dir "$STATE_DIR/grade-solved"
app exercises
status=0
"$BIN/orchlab" grade --orchestrator "$ORCHESTRATOR" --lab-port "$LAB_PORT" --report-dir "$STATE_DIR/grade-exercises" || status=$?
[ "$status" = 1 ] || { echo "grading the app as handed out should exit 1 (fewer than full marks), got $status"; exit 1; }
python3 - "$STATE_DIR/grade-solved/results.json" "$STATE_DIR/grade-exercises/results.json" <<'PY'
import json, sys
solved, handed_out = (json.load(open(path))["score"] for path in sys.argv[1:3])
print(f"orchestrator-core graded: solved {solved}, as handed out {handed_out}")
sys.exit(0 if solved > handed_out else 1)
PY

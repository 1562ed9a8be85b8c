#!/usr/bin/env bash
# The workshop build (Scenarios/workshop-build.yaml) side by side in one run: played by OrchLab's
# own engine in-process, and played through a real orchestrator-core 1.3.6
# (Examples/python-orchestrator on PostgreSQL 15) with `orchlab run --orchestrator`. Same debug
# build, same machine, alternating, three rounds. From the same rounds: the time per step and per
# create_node on both sides (each action's wall time in the reports' results.json,
# orchestrator-core's own step times from its API), and raw one-row commits from Python's sqlite3
# and into PostgreSQL as the floor (Benchmarks/external-orchestrator.py does the measuring).
# Writes Benchmarks/external-orchestrator.md and Benchmarks/external-orchestrator.json.
#
#   bash Benchmarks/external-orchestrator.sh
set -euo pipefail
cd "$(dirname "$0")/.."
APP=Examples/python-orchestrator
export STATE_DIR="$(mktemp -d)"
export PG_PORT="${PG_PORT:-55450}" APP_PORT="${APP_PORT:-18580}"
LAB_PORT="${LAB_PORT:-18590}"
ROUNDS=3
export NETBOX_URL="http://127.0.0.1:$LAB_PORT/netbox"
export NETBOX_TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" WORKFLOWS=solved
export ORCHLAB_TOKEN="$NETBOX_TOKEN"
# KEEP_STATE=1 keeps the rounds' reports and records in $STATE_DIR (printed) for a look.
trap '"$APP/stop.sh" >/dev/null 2>&1 || true; if [ -n "${KEEP_STATE:-}" ]; then echo "kept $STATE_DIR"; else rm -rf "$STATE_DIR"; fi' EXIT
out=Benchmarks/external-orchestrator.md
figures=Benchmarks/external-orchestrator.py

swift build --product orchlab
swift build --product orchlab-serve
BIN="$(swift build --show-bin-path)"
"$APP/setup.sh" >/dev/null
"$APP/start.sh" >/dev/null
PY="$APP/.venv/bin/python"
source "$APP/env.sh"  # DATABASE_URI

seconds() {  # command… → wall seconds; fails when the command fails
    local start end
    start=$(date +%s.%N)
    "$@" >"$STATE_DIR/last.log" 2>&1 || { tail -30 "$STATE_DIR/last.log"; return 1; }
    end=$(date +%s.%N)
    awk "BEGIN { printf \"%.2f\", $end - $start }"
}

rows=()
for round in $(seq "$ROUNDS"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "$load" >"$STATE_DIR/load-$round"
    inprocess=$(seconds "$BIN/orchlab" run --report-dir "$STATE_DIR/in-$round" Scenarios/workshop-build.yaml)
    external=$(seconds "$BIN/orchlab" run --orchestrator "http://127.0.0.1:$APP_PORT" --lab-port "$LAB_PORT" \
        --report-dir "$STATE_DIR/ext-$round" Scenarios/workshop-build.yaml)
    echo "$inprocess" >"$STATE_DIR/in-$round.seconds"
    echo "$external" >"$STATE_DIR/ext-$round.seconds"
    # Before the next round's clean-up deletes them: orchestrator-core's record of this round.
    "$PY" "$figures" processes "http://127.0.0.1:$APP_PORT" "$STATE_DIR/ext-$round" "$STATE_DIR/ext-$round-processes.json"
    "$PY" "$figures" raw-commits "$DATABASE_URI" "$STATE_DIR/ext-$round-processes.json" "$STATE_DIR/raw-$round.json"
    ratio=$(awk "BEGIN { printf \"%.0f\", $external / $inprocess }")
    rows+=("| $round | $inprocess | $external | ${ratio}× | $load |")
    echo "round $round: in-process ${inprocess} s, orchestrator-core ${external} s (${ratio}×)"
done

{
    echo "# The workshop build: in-process against a real orchestrator-core"
    echo
    echo "Written by \`bash Benchmarks/external-orchestrator.sh\`. Both columns run the same scenario"
    echo "(5 create_node, 10 create_circuit, 10 modify_circuit, 15 validations, with every config pasted"
    echo "and routing checked) with the same debug \`orchlab\` on the same machine, alternating. The"
    echo "in-process time includes starting the process and building the lab; the orchestrator-core"
    echo "time also includes serving the lab, deleting the orchestrator's earlier data, and its"
    echo "PostgreSQL, thread-pool executor and polling (20-500 ms). orchestrator-core 1.3.6 on Python"
    echo "$("$APP/.venv/bin/python" -c 'import sys; print(sys.version.split()[0])'), PostgreSQL $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/postgres" --version | awk '{print $3}')."
    echo
    echo "| round | in-process (s) | orchestrator-core (s) | ratio | load before |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
} > "$out"
"$PY" "$figures" report "$STATE_DIR" "$ROUNDS" "$out" Benchmarks/external-orchestrator.json \
    "Benchmarks/external-orchestrator.sh: $ROUNDS rounds of Scenarios/workshop-build.yaml, in-process then through orchestrator-core 1.3.6, same debug orchlab; per-step and per-create_node figures from each action's duration_seconds in the rounds' results.json; orchestrator-core's own step time from GET /api/processes/{pid} executed times; raw one-row commits from Python sqlite3 and psycopg2 after each round; every ratio is orchestrator-core (or the engine) over the other"
echo "wrote $out and Benchmarks/external-orchestrator.json"

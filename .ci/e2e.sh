#!/usr/bin/env bash
# End-to-end proof with real clients: starts `orchlab serve` on a free loopback port over a
# temporary database and drives it from Python (requests, pynetbox): the workshop walk, then a
# barrage of hostile requests, then a restart on the same file. Stops the server on any exit.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
cd "$(dirname "$0")/.."

if ! python3 -c "import pynetbox, requests, pytest" 2>/dev/null; then
    python3 -m pip --version >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pip
    # Debian's system Python refuses pip installs without this (PEP 668); a CI box is disposable.
    PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check "pynetbox==7.8.0" requests pytest
fi
command -v curl >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y curl

# `orchlab serve` runs the orchlab-serve executable beside it (the main job builds no HTTP stack).
swift build --product orchlab
swift build --product orchlab-serve
BIN="$(swift build --show-bin-path)/orchlab"
WORK="$(mktemp -d)"
DB="$WORK/world.sqlite"
TOKEN="e2e-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
SERVER=""

stop_server() {
    if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
        kill -TERM "$SERVER"
        wait "$SERVER" 2>/dev/null || true
    fi
    SERVER=""
}
trap 'stop_server; rm -rf "$WORK"' EXIT

# Starts the server on port 0 and waits (bounded) for the port it prints.
start_server() {
    : >"$WORK/server.log"
    "$BIN" serve --topology Topologies/workshop.yaml --db "$DB" --port 0 --token "$TOKEN" >"$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 600); do
        URL="$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$WORK/server.log" | head -n1)"
        if [ -n "$URL" ] && curl -fsS -o /dev/null "$URL/api/products/"; then
            export ORCHLAB_URL="$URL" ORCHLAB_TOKEN="$TOKEN" ORCHLAB_DB="$DB"
            return 0
        fi
        if ! kill -0 "$SERVER" 2>/dev/null; then break; fi
        sleep 0.1
    done
    echo "orchlab serve did not come up:" >&2
    cat "$WORK/server.log" >&2
    return 1
}

# Refused at start, before anything listens: exit status and message must say why.
expect_refusal() {
    local want_status="$1" want_text="$2"
    shift 2
    local status=0
    timeout 120 env "$@" >"$WORK/refused.log" 2>&1 || status=$?
    if [ "$status" != "$want_status" ] || ! grep -q -- "$want_text" "$WORK/refused.log"; then
        echo "expected exit $want_status with '$want_text' from: $*" >&2
        cat "$WORK/refused.log" >&2
        return 1
    fi
}

start_server
echo "e2e: server at $ORCHLAB_URL"
SERVE=("$BIN" serve --topology Topologies/workshop.yaml --port 0)
expect_refusal 1 "another OrchLab process is using it (pid $SERVER)" "${SERVE[@]}" --db "$DB" --token "$TOKEN"
expect_refusal 2 "from ORCHLAB_TOKEN) is 1 characters" ORCHLAB_TOKEN=a "${SERVE[@]}"
expect_refusal 2 "body-limit must be" "${SERVE[@]}" --token "$TOKEN" --body-limit=-1
expect_refusal 2 "is not a loopback address" "${SERVE[@]}" --token "$TOKEN" --host 127.evil.name
echo "e2e: a second writer, a weak token, a negative body limit and a non-loopback name are refused at start"
python3 -m pytest -q -p no:cacheprovider Tests/e2e/test_workshop.py Tests/e2e/test_hostile.py Tests/e2e/test_netbox_compat.py

stop_server
start_server
echo "e2e: restarted on the same database at $ORCHLAB_URL"
python3 -m pytest -q -p no:cacheprovider Tests/e2e/test_restart.py

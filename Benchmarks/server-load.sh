#!/usr/bin/env bash
# Load benchmark of `orchlab serve` on loopback (release build):
#   1. GET /api/processes/{pid} with wrk (target >= 5,000 req/s)
#   2. GET /netbox/api/dcim/devices/ with wrk, token header (target >= 3,000 req/s)
#   3. a full create_node over HTTP, start + resume (paste in between, not timed), median of
#      repeated create/terminate cycles (target <= 5 ms)
# Usage: Benchmarks/server-load.sh [seconds per wrk run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"

if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
python3 -c "import requests" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check requests

swift build -c release --product orchlab
BIN="$(swift build -c release --show-bin-path)/orchlab"
WORK="$(mktemp -d)"
TOKEN="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
"$BIN" serve --topology Topologies/workshop.yaml --db "$WORK/world.sqlite" --port 0 --token "$TOKEN" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
URL=""
for _ in $(seq 1 600); do
    URL="$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$WORK/server.log" | head -n1)"
    [ -n "$URL" ] && curl -fsS -o /dev/null "$URL/api/products/" && break
    kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 0.1
done
[ -n "$URL" ] || { echo "server did not start"; exit 1; }
echo "server: $URL ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"

# create_node start+resume timings; leaves one completed process for the wrk run.
PID="$(URL="$URL" TOKEN="$TOKEN" python3 - <<'PY'
import os, statistics, sys, time
import requests
url, token = os.environ["URL"], os.environ["TOKEN"]
s = requests.Session()
s.headers["Authorization"] = f"Token {token}"
node = [p for p in s.get(f"{url}/api/products/").json() if p["product_type"] == "Node"][0]["product_id"]

def confirm(pid):
    form = s.get(f"{url}/api/processes/{pid}").json()["form"]
    for field in form["properties"].values():
        device = (field.get("meta") or {}).get("device")
        if device:
            s.post(f"{url}/lab/devices/{device}/cli", data=field["default"].encode())
    t = time.perf_counter()
    r = s.put(f"{url}/api/processes/{pid}/resume", json=[{"confirm_config_put_on_routers": "ACCEPTED"}])
    assert r.status_code == 204, r.text
    return time.perf_counter() - t

samples, last = [], None
for cycle in range(12):
    for n in range(1, 6):
        t = time.perf_counter()
        r = s.post(f"{url}/api/processes/create_node", json=[{"product": node}, {"select_device_choice": f"loc{n}-core"}])
        assert r.status_code == 201, r.text
        started = time.perf_counter() - t
        pid = r.json()["id"]
        samples.append((started + confirm(pid)) * 1000)
        last = pid
        sub = s.get(f"{url}/api/processes/{pid}").json()["subscriptions"][0]["subscription_id"]
        r = s.post(f"{url}/api/processes/terminate_node", json=[{"subscription_id": sub}])
        assert r.status_code == 201, r.text
        confirm(r.json()["id"])
print(f"create_node over HTTP (start + resume), {len(samples)} runs: median {statistics.median(samples):.2f} ms, "
      f"p10 {statistics.quantiles(samples, n=10)[0]:.2f} ms, p90 {statistics.quantiles(samples, n=10)[-1]:.2f} ms",
      file=sys.stderr)
print(last)
PY
)"

echo "--- GET /api/processes/$PID"
wrk -t2 -c16 -d"${DURATION}s" "$URL/api/processes/$PID" | grep -E "Requests/sec|Latency|requests in|Non-2xx"
echo "--- GET /netbox/api/dcim/devices/"
wrk -t2 -c16 -d"${DURATION}s" -H "Authorization: Token $TOKEN" "$URL/netbox/api/dcim/devices/" | grep -E "Requests/sec|Latency|requests in|Non-2xx"

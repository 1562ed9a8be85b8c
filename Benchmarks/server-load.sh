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
# http.client on one kept-alive connection: requests' own overhead (~0.5 ms a call here)
# would otherwise be a large part of what is measured.
import http.client, json, os, statistics, sys, time, urllib.parse
url, token = os.environ["URL"], os.environ["TOKEN"]
host = urllib.parse.urlparse(url)
conn = http.client.HTTPConnection(host.hostname, host.port)

def call(method, path, body=None, text=False):
    headers = {"Authorization": f"Token {token}"}
    if body is not None:
        headers["Content-Type"] = "text/plain" if text else "application/json"
        body = body.encode() if text else json.dumps(body).encode()
    conn.request(method, path, body=body, headers=headers)
    answer = conn.getresponse()
    data = answer.read()
    return answer.status, (json.loads(data) if data and not text and answer.getheader("Content-Type", "").startswith("application/json") else data)

node = [p for p in call("GET", "/api/products/")[1] if p["product_type"] == "Node"][0]["product_id"]

def paste_and_resume(pid):
    form = call("GET", f"/api/processes/{pid}")[1]["form"]
    for field in form["properties"].values():
        device = (field.get("meta") or {}).get("device")
        if device:
            call("POST", f"/lab/devices/{device}/cli", field["default"], text=True)
    t = time.perf_counter()
    status, _ = call("PUT", f"/api/processes/{pid}/resume", [{"confirm_config_put_on_routers": "ACCEPTED"}])
    assert status == 204, status
    return time.perf_counter() - t

starts, resumes, totals, last = [], [], [], None
for cycle in range(12):
    for n in range(1, 6):
        t = time.perf_counter()
        status, body = call("POST", "/api/processes/create_node", [{"product": node}, {"select_device_choice": f"loc{n}-core"}])
        assert status == 201, body
        started = time.perf_counter() - t
        resumed = paste_and_resume(body["id"])
        starts.append(started * 1000); resumes.append(resumed * 1000); totals.append((started + resumed) * 1000)
        last = body["id"]
        sub = call("GET", f"/api/processes/{last}")[1]["subscriptions"][0]["subscription_id"]
        status, body = call("POST", "/api/processes/terminate_node", [{"subscription_id": sub}])
        assert status == 201, body
        paste_and_resume(body["id"])
q = statistics.quantiles(totals, n=10)
print(f"create_node over HTTP (start + resume), {len(totals)} runs: median {statistics.median(totals):.2f} ms "
      f"(start {statistics.median(starts):.2f}, resume {statistics.median(resumes):.2f}), p10 {q[0]:.2f} ms, p90 {q[-1]:.2f} ms",
      file=sys.stderr)
print(last)
PY
)"

echo "--- GET /api/processes/$PID"
wrk -t2 -c16 -d"${DURATION}s" "$URL/api/processes/$PID" | grep -E "Requests/sec|Latency|requests in|Non-2xx"
echo "--- GET /netbox/api/dcim/devices/"
wrk -t2 -c16 -d"${DURATION}s" -H "Authorization: Token $TOKEN" "$URL/netbox/api/dcim/devices/" | grep -E "Requests/sec|Latency|requests in|Non-2xx"

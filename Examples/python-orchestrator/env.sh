# Shared defaults for setup.sh, start.sh and stop.sh (sourced, not run). Every value can be
# overridden from the environment.
APP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE_DIR="${STATE_DIR:-${TMPDIR:-/tmp}/python-orchestrator}"
VENV="${VENV:-$APP_DIR/.venv}"
PYTHON="${PYTHON:-python3.11}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PG_PORT="${PG_PORT:-55432}"
PG_USER="${PG_USER:-orchestrator}"
PG_PASSWORD="${PG_PASSWORD:-orchestrator}"
PG_DB="orchestrator-core"
APP_PORT="${APP_PORT:-8080}"
NETBOX_URL="${NETBOX_URL:-http://127.0.0.1:8000/netbox}"
NETBOX_TOKEN="${NETBOX_TOKEN:-}"
# Which workflows the app serves: "exercises" (as handed out) or "solved".
WORKFLOWS="${WORKFLOWS:-exercises}"
START_TIMEOUT="${START_TIMEOUT:-60}"

export DATABASE_URI="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
export OAUTH2_ACTIVE=False ENABLE_WEBSOCKETS=False TESTING=False
export NETBOX_URL NETBOX_TOKEN WORKFLOWS

# PostgreSQL refuses to run as root: then its commands run as the `postgres` user.
pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

say() { echo "[$(basename "$0")] $*"; }

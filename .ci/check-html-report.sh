#!/usr/bin/env bash
# Renders an OrchLab HTML report with a failing scenario in headless Chromium and checks that the
# rendered page shows the summary and the failure's expected vs actual, and that its script ran.
#
#   .ci/check-html-report.sh [REPORT.html]
#
# Without an argument it generates a report of synthetic results (12 scenarios, 3 failing) through
# the Swift test HTMLBrowserTests, which writes it into ORCHLAB_HTML_REPORT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if (($# > 0)); then
    report="$(realpath "$1")"
    expect_summary=""
    expect_expected=""
    expect_actual=""
else
    ORCHLAB_HTML_REPORT_DIR="$work/reports" swift test --filter HTMLBrowserTests >"$work/swift-test.log" 2>&1 || {
        cat "$work/swift-test.log"
        echo "check-html-report: generating the sample report failed" >&2
        exit 1
    }
    report="$work/reports/report.html"
    expect_summary='12 scenarios: 9 passed, 3 failed, 0 errors, 0 skipped'
    expect_expected='<pre class="expected">NetBox device loc1-core has status active</pre>'
    expect_actual='<pre class="actual">planned &lt;unexpected&gt; &amp; "quoted"</pre>'
fi

[[ -f "$report" ]] || { echo "check-html-report: no report at $report" >&2; exit 1; }

timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --dump-dom "file://$report" >"$work/dom.html" 2>"$work/chromium.log" || {
    cat "$work/chromium.log" >&2
    echo "check-html-report: chromium failed to render $report" >&2
    exit 1
}

fail=0
check() {
    if grep -qF -- "$2" "$work/dom.html"; then
        echo "ok   $1"
    else
        echo "FAIL $1: the rendered page lacks: $2" >&2
        fail=1
    fi
}

check "the page's script ran" 'data-ready="true"'
check "the summary is shown" 'id="summary"'
check "a failure is listed" '<article class="failure"'
check "expected is shown" '<pre class="expected">'
check "actual is shown" '<pre class="actual">'
check "the first failing scenario's timeline was drawn" '<ol class="timeline">'
[[ -n "$expect_summary" ]] && check "the summary counts" "$expect_summary"
[[ -n "$expect_expected" ]] && check "the failure's expected value" "$expect_expected"
[[ -n "$expect_actual" ]] && check "the failure's actual value" "$expect_actual"

timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --window-size=1200,1600 --screenshot="$work/report.png" "file://$report" >/dev/null 2>&1 || true
if [[ -s "$work/report.png" ]]; then
    mkdir -p reports
    cp "$work/report.png" reports/html-report-check.png
    echo "ok   screenshot written to reports/html-report-check.png"
fi

exit "$fail"

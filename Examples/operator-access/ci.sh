#!/usr/bin/env bash
# The operator example's check: build the package, run its scenarios (all must pass, also under
# --chaos), then prove the snapshots catch a change nobody asserted: a copy of the package whose
# terminate text describes the freed port instead of clearing its description must fail, with a
# snapshot diff that names the router and the changed line. Exit 0 only if all of that holds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# Its own scratch folder, so a developer's .build is left alone; the copy reuses it, so only
# the example's own two targets compile a second time (the next run's first build puts the real
# sources back).
scratch="${ACCESS_LAB_SCRATCH:-$here/.build-ci}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== build"
(cd "$here" && swift build --scratch-path "$scratch" 2>&1 | tail -3)

echo "== scenarios"
(cd "$here" && "$scratch/debug/access-lab" run --no-timings --report-dir "$work/reports" Scenarios)

echo "== retry safety: every step survives an engine kill and a failed NetBox call"
(cd "$here" && "$scratch/debug/access-lab" run --chaos --no-timings --report-dir "$work/reports-chaos" Scenarios)

echo "== a changed config line must show in a snapshot diff"
copy="$work/operator-access"
mkdir -p "$copy"
cp -R "$here/Package.swift" "$here/Sources" "$here/Scenarios" "$here/Topologies" "$copy/"
# The copy lives elsewhere: point it at this OrchLab checkout by absolute path.
sed -i "s|path: \"../..\"|path: \"$root\"|" "$copy/Package.swift"
config="$copy/Sources/AccessPorts/AccessConfig.swift"
changed_line="description spare port"
sed -i "s|\" no description\",|\" $changed_line\",|" "$config"
if ! grep -q "\" $changed_line\"," "$config"; then
    echo "ci.sh: the line to change is no longer in AccessConfig.swift; update this script" >&2
    exit 1
fi
(cd "$copy" && swift build --scratch-path "$scratch" 2>&1 | tail -3)
status=0
(cd "$copy" && "$scratch/debug/access-lab" run --no-timings --report-dir "$work/reports-changed" Scenarios) \
    > "$work/changed.txt" 2>&1 || status=$?
# Shown indented, so its failure summary is not taken for this script's own closing line.
sed 's/^/    changed copy | /' "$work/changed.txt"

failed=0
if [ "$status" -ne 1 ]; then echo "ci.sh: expected exit 1 from the changed copy, got $status" >&2; failed=1; fi
if ! grep -q "running configs › pe1" "$work/changed.txt"; then
    echo "ci.sh: the snapshot diff does not name pe1's running config" >&2; failed=1
fi
# The runner indents the unified diff: `    + description spare port`.
if ! grep -Eq "^ *\+ +$changed_line\$" "$work/changed.txt"; then
    echo "ci.sh: the snapshot diff does not show the changed line '$changed_line'" >&2; failed=1
fi
if [ "$failed" -ne 0 ]; then exit 1; fi
echo "ci.sh: scenarios pass, and the snapshots caught the changed line on pe1"

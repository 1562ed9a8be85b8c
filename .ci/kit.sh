#!/usr/bin/env bash
# The workshop kit as a participant and an instructor use it: graded as handed out (0 points),
# with the reference solutions in its own files (full marks), broken (shown as a build
# failure) and with its exercises and harness edited (gains nothing); then `swift run` inside the
# kit, and the Gradescope autograder on the solved submission. One build cache for all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
orchlab=$repo/.build/debug/orchlab
[[ -x $orchlab ]] || swift build --product orchlab
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
subs=$tmp/submissions
root=$tmp/autograder
work=$root/work/grading

"$orchlab" workshop init "$subs/handed-out"
cp -r "$subs/handed-out" "$subs/solved"
cp Sources/WorkshopReference/CreateNode.swift Sources/WorkshopReference/ModifyCircuit.swift "$subs/solved/Sources/Workflows/"
cp -r "$subs/handed-out" "$subs/broken"
echo 'this line is not Swift' >> "$subs/broken/Sources/Workflows/CreateNode.swift"
cp -r "$subs/handed-out" "$subs/tampered"
sed -i 's/points: [0-9]*/points: 1000/' "$subs/tampered"/Scenarios/exercises/*.yaml
sed -i 's/defaultCommand: "grade"/defaultCommand: "catalogues"/' "$subs/tampered/Sources/workshop/main.swift"

"$orchlab" workshop grade-class "$subs" --report-dir "$tmp/class" --work-dir "$work" | tee "$tmp/class.log"
csv=$tmp/class/grades.csv
cat "$csv"
row() { grep "^$1," "$csv"; }
total() { row "$1" | cut -d, -f3; }
fail() { echo "kit check failed: $*" >&2; exit 1; }
[[ $(total handed-out) == 0 ]] || fail "the kit as handed out scored $(total handed-out)"
[[ $(total solved) == 32 ]] || fail "the solved kit scored $(total solved), not 32"
[[ $(total tampered) == 0 ]] || fail "editing the exercises and harness scored $(total tampered)"
row broken | grep -q "build failed" || fail "a broken submission is not shown as a build failure"
grep -q '<td>build failed</td>' "$tmp/class/grades.html" || fail "grades.html does not show the build failure"

# `swift run` in the kit grades the participant's code (the grading copy holds the last submission's).
set +e
(cd "$work/kit" && swift run --scratch-path "$work/build" workshop) > "$tmp/run.log" 2>&1
status=$?
set -e
grep -q "Total: 0/21 points" "$tmp/run.log" && [[ $status == 1 ]] || { cat "$tmp/run.log"; fail "swift run in the kit did not grade 0/21 with exit 1"; }

# The Gradescope autograder on the solved submission, in a simulated /autograder.
mkdir -p "$root/source"
ln -s "$repo" "$root/source/orchlab"
cp -r "$subs/solved" "$root/submission"
AUTOGRADER_ROOT=$root bash Examples/gradescope-autograder/run_autograder > "$tmp/autograder.log" 2>&1 || { cat "$tmp/autograder.log"; fail "run_autograder failed"; }
python3 - "$root/results/results.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
assert results["score"] == 32, results["score"]
assert all(test["score"] == test["max_score"] for test in results["tests"]), results["tests"]
print(f"autograder: {results['score']} points over {len(results['tests'])} tests")
PY
echo "kit: ok"

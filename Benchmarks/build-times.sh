#!/usr/bin/env bash
# Time to first report, measured on this machine in one run: the README's main command
# (`swift run orchlab run`) from an empty build folder to its summary, what the server executable
# adds, what a package that depends on OrchLab for scenarios only builds (Examples/operator-access),
# and the main job's scenario execution in the debug build it runs against a release build of the
# same commit (alternating rounds). Writes Benchmarks/build-times.md.
#
#   bash Benchmarks/build-times.sh [--rounds N]     (default 5 rounds of debug/release runs)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5
[[ ${1:-} == --rounds ]] && { rounds=$2; [[ $rounds =~ ^[1-9][0-9]?$ ]] || { echo "--rounds takes 1-99" >&2; exit 2; }; }
[[ -x /usr/bin/time ]] || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y time; }
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=Benchmarks/build-times.md
rows=()
load() { cut -d' ' -f1-3 /proc/loadavg; }

measure() {  # name, directory, command…
    local name=$1 dir=$2; shift 2
    local before; before=$(load)
    local log="$work/step-${#rows[@]}.log"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" bash -c "cd '$dir' && $*" > "$log" 2>&1 \
        || { echo "$name failed:"; tail -20 "$log"; exit 1; }
    read -r wall user sys rss < "$work/time"
    rows+=("| $name | $wall | $(awk "BEGIN { print $user + $sys }") | $((rss / 1024)) | $before → $(load) |")
    echo "$name: ${wall}s wall"
}

measure "first report: swift run orchlab run, empty build folder" "$root" swift run --scratch-path "$work/main" orchlab run --report-dir "$work/reports"
measure "main job again: swift run orchlab run, built" "$root" swift run --scratch-path "$work/main" orchlab run --report-dir "$work/reports"
measure "server: build orchlab-serve on top" "$root" swift build --product orchlab-serve --scratch-path "$work/main"
measure "a package on OrchLab: Examples/operator-access" "$root/Examples/operator-access" swift build --scratch-path "$work/operator"
measure "release build of orchlab (for the comparison below)" "$root" swift build -c release --product orchlab --scratch-path "$work/main"

# The scenario suite in the debug build the main job runs against the release build, alternating
# the order each round so a load that rises or falls favours neither. CPU seconds (user + system)
# are what the ratio is taken from: wall time on a shared machine also counts other tenants.
declare -A cpu wall suite
for round in $(seq 1 "$rounds"); do
    order=(debug release); (( round % 2 == 0 )) && order=(release debug)
    for config in "${order[@]}"; do
        /usr/bin/time -f "%e %U %S" -o "$work/time" "$work/main/$config/orchlab" run --report-dir "$work/reports-$config" > "$work/run.log" 2>&1 \
            || { echo "$config run failed:"; tail -20 "$work/run.log"; exit 1; }
        read -r w u s < "$work/time"
        cpu[$config]+="$(awk "BEGIN { print $u + $s }") "
        wall[$config]+="$w "
        suite[$config]+="$(python3 -c 'import json, sys; print(round(json.load(open(sys.argv[1]))["summary"]["duration_seconds"], 3))' "$work/reports-$config/results.json") "
    done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3g\n", m }'; }
debug_cpu=$(median <<< "${cpu[debug]}"); release_cpu=$(median <<< "${cpu[release]}")
debug_wall=$(median <<< "${wall[debug]}"); release_wall=$(median <<< "${wall[release]}")
debug_suite=$(median <<< "${suite[debug]}"); release_suite=$(median <<< "${suite[release]}")
scenarios=$(grep -o '^[0-9]* scenarios' "$work/run.log" | head -1)

{
    echo "# Time to first report, measured side by side"
    echo
    echo "Written by \`bash Benchmarks/build-times.sh\` on $(nproc) cores ($(uname -m)), Swift $(swift --version 2>&1 | sed -n 's/.*Swift version \([0-9.]*\).*/\1/p' | head -1)."
    echo "Each build starts from an empty scratch folder (packages come from the local mirror, so resolving is included"
    echo "but downloading is not). CPU seconds (user + system) move less with the machine's load than wall time."
    echo
    echo "| what | wall s | CPU s | peak RSS MiB | load (1, 5, 15 min) before → after |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "## The main job's scenarios: debug build against release build"
    echo
    echo "\`orchlab run\` on the shipped suite ($scenarios), the debug binary \`swift run\` builds against a release"
    echo "binary of the same commit, $rounds rounds alternating (debug first in odd rounds). CPU and wall: the whole"
    echo "process, start to exit; scenarios: the sum of the scenarios' own wall times as \`results.json\` gives it"
    echo "(\`summary.duration_seconds\`: scenario execution without start-up, loading and report writing)."
    echo
    echo "| build | CPU s per round | median CPU s | wall s per round | median wall s | scenarios s per round | median scenarios s |"
    echo "|---|---|---|---|---|---|---|"
    echo "| debug | ${cpu[debug]}| $debug_cpu | ${wall[debug]}| $debug_wall | ${suite[debug]}| $debug_suite |"
    echo "| release | ${cpu[release]}| $release_cpu | ${wall[release]}| $release_wall | ${suite[release]}| $release_suite |"
    echo
    ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
    echo "Debug over release: **$(ratio "$debug_cpu" "$release_cpu")×** in CPU time, $(ratio "$debug_wall" "$release_wall")× in wall time,"
    echo "**$(ratio "$debug_suite" "$release_suite")×** in scenario execution."
} > "$out"
echo "wrote $out"

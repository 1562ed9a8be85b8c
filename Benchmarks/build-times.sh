#!/usr/bin/env bash
# Clean builds side by side, in one run, each into an empty scratch folder: what the main job
# (`swift run orchlab run`) builds, what the server executable adds, and what a package that
# depends on OrchLab for scenarios only builds (Examples/operator-access). Then the time from an
# empty build folder to the main job's summary. Writes Benchmarks/build-times.md.
#
#   bash Benchmarks/build-times.sh
set -euo pipefail
cd "$(dirname "$0")/.."
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

measure "main job: build orchlab (no HTTP stack)" "$root" swift build --product orchlab --scratch-path "$work/main"
measure "main job: swift run orchlab run, built" "$root" swift run --scratch-path "$work/main" orchlab run --report-dir "$work/reports"
measure "server: build orchlab-serve on top" "$root" swift build --product orchlab-serve --scratch-path "$work/main"
measure "a package on OrchLab: Examples/operator-access" "$root/Examples/operator-access" swift build --scratch-path "$work/operator"

{
    echo "# Clean build times, measured side by side"
    echo
    echo "Written by \`bash Benchmarks/build-times.sh\` on $(nproc) cores ($(uname -m)), Swift $(swift --version 2>&1 | sed -n 's/.*Swift version \([0-9.]*\).*/\1/p' | head -1)."
    echo "Each build starts from an empty scratch folder (packages come from the local mirror, so resolving is included"
    echo "but downloading is not). CPU seconds (user + system) move less with the machine's load than wall time."
    echo
    echo "| what | wall s | CPU s | peak RSS MiB | load (1, 5, 15 min) before → after |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
} > "$out"
echo "wrote $out"

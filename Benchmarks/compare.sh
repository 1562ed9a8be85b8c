#!/usr/bin/env bash
# Compares the benchmarks of two commits measured side by side on this machine.
#
#   Benchmarks/compare.sh [--rounds N] [--out FILE] [A [B]] [-- GROUP...]
#
# A defaults to HEAD, B to main. Each commit is checked out in its own git worktree under
# .build-bench-a / .build-bench-b (ignored by git; the worktrees are kept so a second comparison
# rebuilds incrementally), built in release mode, and its orchlab-bench run with --json N times,
# interleaved and in alternating order (A B, B A, A B, ...), so both see the same machine
# conditions and a load that rises or falls during the run favours neither. The results go to
# Benchmarks/results.json (figures of both commits, per-round values, medians over the rounds and
# the ratio A/B) and Benchmarks/results.md (the same as a table), with the machine's core count
# and the load average around every run. GROUP limits the run to some benchmark groups
# (engine, netbox, routers, topology, workshop, scenarios).
#
# A commit whose orchlab-bench predates --json is built with the benchmark sources of the other
# commit (the library code stays its own); results.json says so under "bench_sources".
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

rounds=3
out="Benchmarks/results"
refs=()
groups=()
while (($# > 0)); do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --out) out="${2%.json}"; shift 2 ;;
        --) shift; groups=("$@"); break ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
        *) refs+=("$1"); shift ;;
    esac
done
[[ "$rounds" =~ ^[1-9][0-9]?$ ]] || { echo "compare.sh: --rounds must be 1 to 99" >&2; exit 2; }
((${#refs[@]} <= 2)) || { echo "compare.sh: at most two commits" >&2; exit 2; }
ref_a="${refs[0]:-HEAD}"
ref_b="${refs[1]:-main}"
commit_a="$(git rev-parse --verify "$ref_a^{commit}")"
commit_b="$(git rev-parse --verify "$ref_b^{commit}")"

supports_json() { grep -q -- '--json' "$1/Benchmarks/orchlab-bench/main.swift" 2>/dev/null; }

# Checks out COMMIT in the scratch worktree DIR (created on first use).
checkout() {
    local dir="$1" commit="$2"
    if [[ -e "$dir/.git" ]]; then
        git -C "$dir" checkout --quiet --force --detach "$commit"
        git -C "$dir" clean --quiet -fd -e .build
    else
        rm -rf "$dir"
        git worktree add --quiet --detach "$dir" "$commit"
    fi
}

dir_a="$root/.build-bench-a"
dir_b="$root/.build-bench-b"
checkout "$dir_a" "$commit_a"
checkout "$dir_b" "$commit_b"

sources_a="own"
sources_b="own"
if ! supports_json "$dir_a" && ! supports_json "$dir_b"; then
    echo "compare.sh: neither $ref_a nor $ref_b has orchlab-bench --json" >&2
    exit 2
elif ! supports_json "$dir_a"; then
    rm -rf "$dir_a/Benchmarks/orchlab-bench" && cp -R "$dir_b/Benchmarks/orchlab-bench" "$dir_a/Benchmarks/"
    sources_a="$commit_b"
elif ! supports_json "$dir_b"; then
    rm -rf "$dir_b/Benchmarks/orchlab-bench" && cp -R "$dir_a/Benchmarks/orchlab-bench" "$dir_b/Benchmarks/"
    sources_b="$commit_a"
fi

# One build at a time: the machine's cores are shared.
for dir in "$dir_a" "$dir_b"; do
    echo "building orchlab-bench (release) in $dir" >&2
    (cd "$dir" && swift build -c release --product orchlab-bench 2>&1 | tail -3) >&2
done
bin_a="$(cd "$dir_a" && swift build -c release --show-bin-path)/orchlab-bench"
bin_b="$(cd "$dir_b" && swift build -c release --show-bin-path)/orchlab-bench"

raw="$root/.build-bench-a/.compare-runs"
rm -rf "$raw" && mkdir -p "$raw"
for round in $(seq 1 "$rounds"); do
    order="a b"
    ((round % 2 == 0)) && order="b a"
    for side in $order; do
        if [[ $side == a ]]; then bin="$bin_a" dir="$dir_a"; else bin="$bin_b" dir="$dir_b"; fi
        echo "round $round/$rounds: $side ($(cut -d' ' -f1-3 /proc/loadavg))" >&2
        (cd "$dir" && "$bin" --json "${groups[@]}" >"$raw/$side-$round.json" 2>"$raw/$side-$round.log") || {
            cat "$raw/$side-$round.log" >&2
            echo "compare.sh: orchlab-bench of $side failed in round $round" >&2
            exit 1
        }
    done
done

python3 - "$raw" "$rounds" "$out" "$ref_a" "$commit_a" "$sources_a" "$ref_b" "$commit_b" "$sources_b" <<'PY'
import json, os, platform, statistics, subprocess, sys, datetime

raw, rounds, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sides = {
    "a": {"ref": sys.argv[4], "commit": sys.argv[5], "bench_sources": sys.argv[6]},
    "b": {"ref": sys.argv[7], "commit": sys.argv[8], "bench_sources": sys.argv[9]},
}
for side in sides.values():
    side["subject"] = subprocess.run(["git", "log", "-1", "--format=%s", side["commit"]],
                                     capture_output=True, text=True, check=True).stdout.strip()

runs = {s: [json.load(open(os.path.join(raw, f"{s}-{r}.json"))) for r in range(1, rounds + 1)] for s in sides}
order, values = [], {}
for s in sides:
    for document in runs[s]:
        for f in document["figures"]:
            key = (f["group"], f["name"], f["statistic"], f["unit"])
            if key not in values:
                order.append(key)
                values[key] = {"a": [], "b": []}
            values[key][s].append(f["value"])

def summary(xs):
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "runs": xs} if xs else None

figures = []
for key in order:
    a, b = summary(values[key]["a"]), summary(values[key]["b"])
    ratio = a["median"] / b["median"] if a and b and b["median"] else None
    figures.append({"group": key[0], "name": key[1], "statistic": key[2], "unit": key[3], "a": a, "b": b,
                    "ratio_a_over_b": ratio})

def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()

loads = [{"side": s, "round": r + 1, "before": d["load_average_before"], "after": d["load_average_after"]}
         for r in range(rounds) for s in (("a", "b") if r % 2 == 0 else ("b", "a")) for d in [runs[s][r]]]
result = {
    "format_version": 1,
    "generated_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "how": "Benchmarks/compare.sh: release builds, runs interleaved in alternating order (a b, b a, ...); each figure's median over the "
           "rounds; ratio_a_over_b = a's median / b's median (below 1 is better for ns, MiB and the × of engine step over raw commit, above 1 for 1/s)",
    "machine": {"cores": os.cpu_count(), "cpu": cpu_model(), "kernel": platform.release(),
                "load_average_per_run": loads},
    "a": sides["a"], "b": sides["b"], "rounds": rounds, "figures": figures,
}
with open(out + ".json", "w") as fh:
    json.dump(result, fh, indent=2, ensure_ascii=False)
    fh.write("\n")

def fmt(value, unit):
    if value is None:
        return "–"
    if unit == "ns":
        for scale, name in ((1e9, "s"), (1e6, "ms"), (1e3, "µs")):
            if value >= scale:
                return f"{value / scale:.3g} {name}"
        return f"{value:.0f} ns"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:,.1f} {unit}" if unit == "MiB" else f"{value:,.0f} {unit}"

lines = [
    "# Benchmark comparison",
    "",
    f"Generated by `Benchmarks/compare.sh` at {result['generated_at']}; do not edit by hand.",
    "",
    f"- **a**: `{sides['a']['ref']}` {sides['a']['commit'][:10]} — {sides['a']['subject']}"
    + ("" if sides["a"]["bench_sources"] == "own" else f" (benchmark sources of {sides['a']['bench_sources'][:10]})"),
    f"- **b**: `{sides['b']['ref']}` {sides['b']['commit'][:10]} — {sides['b']['subject']}"
    + ("" if sides["b"]["bench_sources"] == "own" else f" (benchmark sources of {sides['b']['bench_sources'][:10]})"),
    f"- machine: {result['machine']['cores']} cores, {result['machine']['cpu']}, Linux {result['machine']['kernel']}",
    "- load average (1 min) before each run, in run order: "
    + ", ".join(f"{l['side']}{l['round']} {l['before'].split()[0]}" for l in loads),
    f"- {rounds} rounds, interleaved in alternating order (a b, b a, …); each cell is the median over the rounds (min–max in brackets)",
    "",
    "| group | figure | statistic | a | b | a/b |",
    "|---|---|---|---|---|---|",
]
for f in figures:
    cell = lambda s: "–" if s is None else f"{fmt(s['median'], f['unit'])} ({fmt(s['min'], f['unit'])}–{fmt(s['max'], f['unit'])})"
    ratio = "–" if f["ratio_a_over_b"] is None else f"{f['ratio_a_over_b']:.2f}"
    lines.append(f"| {f['group']} | {f['name'].replace('|', '/')} | {f['statistic']} | {cell(f['a'])} | {cell(f['b'])} | {ratio} |")
with open(out + ".md", "w") as fh:
    fh.write("\n".join(lines) + "\n")
print(f"wrote {out}.json and {out}.md ({len(figures)} figures, {rounds} rounds)")
PY

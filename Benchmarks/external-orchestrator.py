"""The measuring half of Benchmarks/external-orchestrator.sh (run with the app's venv python).

    processes API REPORT_DIR OUT        orchestrator-core's record of every process of a round
    raw-commits DATABASE_URI PROCESSES OUT  raw one-row commits (a row as large as orchestrator-core's median
                                        step row in PROCESSES): Python sqlite3 (memory, WAL file), PostgreSQL
    report STATE_DIR ROUNDS MD JSON     per-step and per-create_node figures of every round, and their ratios

Every figure is derived from files the rounds wrote; nothing is typed in by hand.
"""
import datetime
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.request
import uuid

SQLITE_COMMITS = 5_000
POSTGRES_COMMITS = 500


def scenario(report_dir):
    with open(os.path.join(report_dir, "results.json")) as fh:
        scenarios = json.load(fh)["scenarios"]
    if len(scenarios) != 1 or scenarios[0]["status"] != "passed":
        sys.exit(f"{report_dir}/results.json: expected one passed scenario")
    return scenarios[0]


def processes(api, report_dir, out):
    """GET /api/processes/{pid} for each process the round's report names, before the next round's
    clean-up deletes them."""
    details = []
    for timeline in scenario(report_dir)["processes"]:
        with urllib.request.urlopen(f"{api}/api/processes/{timeline['process_id']}", timeout=30) as answer:
            details.append(json.load(answer))
    with open(out, "w") as fh:
        json.dump(details, fh)


def median_ns(body, count):
    samples = []
    for _ in range(count):
        start = time.perf_counter_ns()
        body()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples)


def raw_commits(database_uri, processes_file, out):
    """One INSERT of a row whose state is as long as the median step state orchestrator-core
    logged in the round, in its own transaction, timed one by one."""
    with open(processes_file) as fh:
        sizes = [len(json.dumps(s["state"])) for d in json.load(fh) for s in d["steps"] if s.get("executed")]
    state = json.dumps({"x": "y" * max(0, int(statistics.median(sizes)) - 9)})
    step = lambda: (str(uuid.uuid4()), "raw commit", "success", state, "SYSTEM")
    figures = {"row_state_bytes": len(state)}

    for label, path in (("sqlite_memory", ":memory:"), ("sqlite_wal", None)):
        directory = tempfile.mkdtemp()
        connection = sqlite3.connect(path or os.path.join(directory, "raw.sqlite"), isolation_level=None)
        # The engine's settings (Sources/SQLite/Database.swift): WAL and synchronous=NORMAL on a file.
        if path is None:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("CREATE TABLE steps (seq INTEGER PRIMARY KEY, step_id TEXT NOT NULL, name TEXT NOT NULL,"
                           " status TEXT NOT NULL, state TEXT NOT NULL, created_by TEXT NOT NULL)")

        def commit():
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO steps (step_id, name, status, state, created_by) VALUES (?, ?, ?, ?, ?)", step())
            connection.execute("COMMIT")

        for _ in range(100):
            commit()
        figures[label + "_commit_ns"] = median_ns(commit, SQLITE_COMMITS)
        connection.close()
        for name in os.listdir(directory):
            os.remove(os.path.join(directory, name))
        os.rmdir(directory)

    import psycopg2  # the app's driver, from its venv
    connection = psycopg2.connect(database_uri)
    cursor = connection.cursor()
    cursor.execute("DROP TABLE IF EXISTS bench_raw_commit")
    # orchestrator-core's process_steps, as far as one row's size goes.
    cursor.execute("CREATE TABLE bench_raw_commit (stepid uuid PRIMARY KEY, name varchar NOT NULL, status varchar NOT NULL,"
                   " state jsonb NOT NULL, created_by varchar, executed_at timestamptz NOT NULL DEFAULT statement_timestamp())")
    connection.commit()

    def commit():
        cursor.execute("INSERT INTO bench_raw_commit (stepid, name, status, state, created_by) VALUES (%s, %s, %s, %s, %s)", step())
        connection.commit()

    for _ in range(20):
        commit()
    figures["postgres_commit_ns"] = median_ns(commit, POSTGRES_COMMITS)
    cursor.execute("SHOW synchronous_commit")
    figures["postgres_synchronous_commit"] = cursor.fetchone()[0]
    cursor.execute("DROP TABLE bench_raw_commit")
    connection.commit()
    connection.close()
    with open(out, "w") as fh:
        json.dump(figures, fh)


def client_side(report_dir):
    """Per process: the wall time of its actions (results.json) and its step-log rows."""
    result = scenario(report_dir)
    seconds = {}
    for action in result["actions"]:
        if action.get("process"):
            seconds[action["process"]] = seconds.get(action["process"], 0) + action["duration_seconds"]
    return [{"name": p["name"], "workflow": p["workflow"], "process_id": p["process_id"], "steps": len(p["steps"]),
             "seconds": seconds[p["name"]]} for p in result["processes"]]


def instant(value):
    """`executed` as epoch seconds (1.3.6 answers a number; ISO text is read too)."""
    if isinstance(value, (int, float)):
        return float(value)
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def own_step_gaps(details):
    """orchestrator-core's own time per step: the gap between consecutive step rows' `executed`
    times while the process ran on (a gap after a suspended row is the client's and is left out)."""
    gaps = []
    for detail in details:
        rows = sorted((s for s in detail["steps"] if s.get("executed") and s.get("status") != "pending"),
                      key=lambda s: instant(s["executed"]))
        for before, after in zip(rows, rows[1:]):
            if before["status"] not in ("suspend", "awaiting_callback"):
                gaps.append(instant(after["executed"]) - instant(before["executed"]))
    return gaps


def ratio(a, b):
    return a / b if b else None


def report(state_dir, rounds, md_path, json_path, how):
    rounds_out = []
    for round_number in range(1, rounds + 1):
        sides = {}
        for side in ("in", "ext"):
            processes = client_side(os.path.join(state_dir, f"{side}-{round_number}"))
            nodes = [p["seconds"] for p in processes if p["workflow"] == "create_node"]
            sides[side] = {
                "scenario_seconds": float(open(os.path.join(state_dir, f"{side}-{round_number}.seconds")).read()),
                "processes": len(processes),
                "step_rows": sum(p["steps"] for p in processes),
                "actions_seconds": sum(p["seconds"] for p in processes),
                "per_step_ms": 1e3 * sum(p["seconds"] for p in processes) / sum(p["steps"] for p in processes),
                "create_node_ms_median": 1e3 * statistics.median(nodes),
                "create_node_ms_each": [round(1e3 * s, 3) for s in nodes],
                "create_node_steps": [p["steps"] for p in processes if p["workflow"] == "create_node"],
            }
        with open(os.path.join(state_dir, f"ext-{round_number}-processes.json")) as fh:
            gaps = own_step_gaps(json.load(fh))
        with open(os.path.join(state_dir, f"raw-{round_number}.json")) as fh:
            raw = json.load(fh)
        own_ms = 1e3 * statistics.median(gaps)
        rounds_out.append({
            "round": round_number,
            "load_before": open(os.path.join(state_dir, f"load-{round_number}")).read().strip(),
            "in_process": sides["in"], "orchestrator_core": sides["ext"],
            "orchestrator_core_own_step_ms_median": own_ms, "orchestrator_core_own_step_gaps": len(gaps),
            "raw": raw,
            "ratios": {
                "scenario": ratio(sides["ext"]["scenario_seconds"], sides["in"]["scenario_seconds"]),
                "per_step": ratio(sides["ext"]["per_step_ms"], sides["in"]["per_step_ms"]),
                "per_create_node": ratio(sides["ext"]["create_node_ms_median"], sides["in"]["create_node_ms_median"]),
                "orchestrator_core_own_step_over_in_process_step": ratio(own_ms, sides["in"]["per_step_ms"]),
                "in_process_step_over_raw_sqlite_wal_commit": ratio(1e6 * sides["in"]["per_step_ms"], raw["sqlite_wal_commit_ns"]),
                "in_process_step_over_raw_sqlite_memory_commit": ratio(1e6 * sides["in"]["per_step_ms"], raw["sqlite_memory_commit_ns"]),
                "orchestrator_core_own_step_over_raw_postgres_commit": ratio(1e6 * own_ms, raw["postgres_commit_ns"]),
                "orchestrator_core_client_step_over_raw_postgres_commit": ratio(1e6 * sides["ext"]["per_step_ms"], raw["postgres_commit_ns"]),
            },
        })
    medians = {key: statistics.median(r["ratios"][key] for r in rounds_out) for key in rounds_out[0]["ratios"]}
    document = {
        "format_version": 1,
        "generated_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "how": how,
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "rounds": rounds_out,
        "median_ratios": medians,
    }
    with open(json_path, "w") as fh:
        json.dump(document, fh, indent=2)
        fh.write("\n")

    def x(value):
        return "–" if value is None else f"{value:.0f}×" if value >= 10 else f"{value:.1f}×"

    lines = [f"| median | | | {x(medians['scenario'])} | |", "", "## Per step and per create_node", "",
             "From the same rounds. **Per step**: each side's actions' wall time (`duration_seconds` of every",
             "action in the round's `results.json`: the orchestrator's calls and the simulated engineer's pastes,",
             "until the process stopped moving) summed over the round's processes, divided by the step-log rows",
             "their timelines list (each side its own workflows' steps). **Per create_node**: the median over the",
             "five create_node processes of that wall time (start, config page, paste, resume, completed).",
             "**orchestrator-core's own step**: the median gap between consecutive step rows' `executed` times",
             "in `GET /api/processes/{pid}` (gaps after a suspended row, the client's, left out): its executor,",
             "step code and PostgreSQL commit without the HTTP polling.", "",
             "| round | per step in-process (ms) | per step orchestrator-core (ms) | ratio | orchestrator-core's own step (ms) | own step / in-process step | create_node in-process (ms) | create_node orchestrator-core (ms) | ratio |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rounds_out:
        i, e, q = r["in_process"], r["orchestrator_core"], r["ratios"]
        lines.append(f"| {r['round']} | {i['per_step_ms']:.2f} ({i['step_rows']} rows) | {e['per_step_ms']:.1f} ({e['step_rows']} rows) | "
                     f"{x(q['per_step'])} | {r['orchestrator_core_own_step_ms_median']:.1f} | {x(q['orchestrator_core_own_step_over_in_process_step'])} | "
                     f"{i['create_node_ms_median']:.1f} | {e['create_node_ms_median']:.0f} | {x(q['per_create_node'])} |")
    lines.append(f"| median | | | {x(medians['per_step'])} | | {x(medians['orchestrator_core_own_step_over_in_process_step'])} | | | "
                 f"{x(medians['per_create_node'])} |")
    lines += ["", "## Against a raw commit (the floor)", "",
              "In each round, after the two runs: the median of one-row commits (one INSERT carrying a state",
              f"of {rounds_out[0]['raw']['row_state_bytes']} bytes, in its own transaction), from Python's `sqlite3` "
              f"({SQLITE_COMMITS:,} each, in memory and on a WAL file with `synchronous=NORMAL`, the engine's settings) and",
              f"from psycopg2 into the app's PostgreSQL ({POSTGRES_COMMITS:,}, `synchronous_commit={rounds_out[0]['raw']['postgres_synchronous_commit']}` as",
              "orchestrator-core runs it). The in-process step above is the debug `orchlab`'s whole scenario work per",
              "step, so its ratio to a raw commit is an upper bound; `orchlab-bench engine` gives the release",
              "engine's own step against a raw libsqlite3 commit (docs/benchmarks.md).", "",
              "| round | raw SQLite commit, memory (µs) | raw SQLite commit, WAL file (µs) | in-process step / raw WAL commit | raw PostgreSQL commit (ms) | orchestrator-core's own step / raw PostgreSQL commit | orchestrator-core step (client) / raw PostgreSQL commit |",
              "|---|---|---|---|---|---|---|"]
    for r in rounds_out:
        raw, q = r["raw"], r["ratios"]
        lines.append(f"| {r['round']} | {raw['sqlite_memory_commit_ns'] / 1e3:.1f} | {raw['sqlite_wal_commit_ns'] / 1e3:.1f} | "
                     f"{x(q['in_process_step_over_raw_sqlite_wal_commit'])} | {raw['postgres_commit_ns'] / 1e6:.2f} | "
                     f"{x(q['orchestrator_core_own_step_over_raw_postgres_commit'])} | {x(q['orchestrator_core_client_step_over_raw_postgres_commit'])} |")
    lines.append(f"| median | | | {x(medians['in_process_step_over_raw_sqlite_wal_commit'])} | | "
                 f"{x(medians['orchestrator_core_own_step_over_raw_postgres_commit'])} | {x(medians['orchestrator_core_client_step_over_raw_postgres_commit'])} |")
    lines += ["", f"Every round's values: [`{os.path.basename(json_path)}`]({os.path.basename(json_path)})."]
    with open(md_path, "a") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "processes":
        processes(*arguments)
    elif command == "raw-commits":
        raw_commits(*arguments)
    elif command == "report":
        report(arguments[0], int(arguments[1]), arguments[2], arguments[3], arguments[4])
    else:
        sys.exit(f"unknown command {command}")

#!/usr/bin/env python3
"""A fixed client session against an orchestrator-core REST API, recorded as normalized JSON.

  api_session.py run --api URL --lab URL [--token T] [--nodes N] [--mesh] --out FILE
  api_session.py compare EXPECTED.json ACTUAL.json [--allow api-differences.json]

`run` drives the workshop's workflows the way an engineer's script does: it lists the products,
starts create_node for loc1..locN (all form pages posted at once), polls each process (bounded),
and whenever one is suspended reads the read-only config texts of its form, pastes each into the
router its first line names (`POST <lab>/devices/{name}/cli`) and resumes with ACCEPTED. Then
create_circuit (loc1-loc2, or with --mesh every pair: locI port 1/1/cJ/1 to locJ port 1/1/cI/1),
modify_circuit on the first circuit, the domain models, the IS-IS adjacencies, terminate_circuit
on the first circuit, and a few provoked errors. Ids are replaced by stable placeholders, so two
runs against different servers can be compared.

`compare` fails (exit 1) on any difference whose path matches no pattern in the allowlist.
Only the standard library is used.
"""

import argparse
import fnmatch
import json
import re
import sys
import time
import urllib.error
import urllib.request

POLL_INTERVAL = 0.5
POLL_TIMEOUT = 120.0
REQUEST_TIMEOUT = 60.0
MAX_SUSPENDS = 5
RUNNING = {"created", "running", "resumed"}
PASTE_LINE = re.compile(r"^! Paste the following config into (\S+):")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIMESTAMP_KEYS = {"start_date", "end_date", "created_at", "started_at", "last_modified_at"}


class Http:
    def __init__(self, token: str | None):
        self.token = token

    def call(self, method: str, url: str, body=None, text: str | None = None):
        """(status, parsed JSON or text or None)."""
        headers = {"Accept": "application/json"}
        data = None
        if text is not None:
            data, headers["Content-Type"] = text.encode(), "text/plain"
        elif body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
                return response.status, parse(response.read())
        except urllib.error.HTTPError as error:
            return error.code, parse(error.read())


def parse(raw: bytes):
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")


class Ids:
    """Stable placeholders for UUIDs, numbered in order of first appearance."""

    def __init__(self):
        self.names: dict[str, str] = {}

    def name(self, uuid: str, kind: str = "id") -> str:
        if uuid not in self.names:
            self.names[uuid] = f"<{kind}:{len(self.names) + 1}>"
        return self.names[uuid]

    def scrub(self, value, key: str | None = None):
        if isinstance(value, dict):
            return {self.scrub(k): self.scrub(v, k) for k, v in sorted(value.items())}
        if isinstance(value, list):
            return [self.scrub(v) for v in value]
        if key in TIMESTAMP_KEYS and value is not None:
            return "<time>"
        if isinstance(value, str):
            return UUID.sub(lambda m: self.name(m.group(0)), value)
        return value


def form_summary(form) -> dict | None:
    """Title, field names, required fields, and each field's type, format, choices and labels;
    config texts by their first line. `$ref`s into `definitions` are resolved."""
    if not isinstance(form, dict):
        return None
    definitions = form.get("definitions") or form.get("$defs") or {}
    fields = {}
    for name, prop in (form.get("properties") or {}).items():
        if "$ref" in prop:
            prop = {**definitions.get(prop["$ref"].split("/")[-1], {}), **{k: v for k, v in prop.items() if k != "$ref"}}
        for combined in ("allOf", "anyOf"):
            for part in prop.get(combined, []):
                if "$ref" in part:
                    prop = {**definitions.get(part["$ref"].split("/")[-1], {}), **prop}
        field = {k: prop[k] for k in ("type", "format", "enum", "options") if k in prop}
        default = prop.get("default")
        if isinstance(default, str) and "\n" in default:
            field["first_line"] = default.splitlines()[0]
        elif default is not None:
            field["default"] = default
        fields[name] = field
    return {"title": form.get("title"), "fields": fields, "required": sorted(form.get("required") or [])}


def error_shape(status: int, body) -> dict:
    shape = {"status": status}
    if isinstance(body, dict):
        # orchestrator-core 1.x adds a Python traceback to 400/510/500 bodies: recorded on its own.
        shape["keys"] = sorted(k for k in body if k != "traceback")
        shape["has_traceback"] = "traceback" in body
        if "form" in body:
            shape["form"] = form_summary(body["form"])
        errors = body.get("validation_errors")
        if isinstance(errors, list):
            shape["validation_errors"] = [{"loc": e.get("loc"), "type": e.get("type")} for e in errors]
    else:
        shape["body_type"] = type(body).__name__
    return shape


class Session:
    def __init__(self, api: str, lab: str, token: str | None):
        self.api, self.lab = api.rstrip("/"), lab.rstrip("/")
        self.http = Http(token)
        self.ids = Ids()
        self.record: dict = {"processes": {}, "domain_models": {}, "errors": {}, "pastes": {}}
        self.timings: dict[str, float] = {}

    # --- processes

    def start(self, label: str, workflow: str, pages: list) -> str | None:
        began = time.monotonic()
        status, body = self.http.call("POST", f"{self.api}/processes/{workflow}", pages)
        if status != 201:
            self.record["processes"][label] = {"start": error_shape(status, body)}
            return None
        pid = body["id"]
        outcome = self.follow(pid, label)
        self.timings[label] = round(time.monotonic() - began, 2)
        self.record["processes"][label] = outcome
        return outcome.get("subscription_id")

    def wait(self, pid: str) -> dict:
        deadline = time.monotonic() + POLL_TIMEOUT
        while True:
            status, process = self.http.call("GET", f"{self.api}/processes/{pid}")
            if status != 200:
                raise RuntimeError(f"GET /processes/{pid} answered {status}: {process}")
            if process.get("last_status") not in RUNNING:
                return process
            if time.monotonic() > deadline:
                raise RuntimeError(f"process {pid} still {process.get('last_status')} after {POLL_TIMEOUT}s")
            time.sleep(POLL_INTERVAL)

    def follow(self, pid: str, label: str) -> dict:
        outcome: dict = {"suspended_forms": []}
        for _ in range(MAX_SUSPENDS):
            process = self.wait(pid)
            if process["last_status"] != "suspended":
                break
            form = process.get("form") or {}
            outcome["suspended_forms"].append(form_summary(form))
            self.paste_texts(form, label)
            status, body = self.http.call("PUT", f"{self.api}/processes/{pid}/resume",
                                          [{"confirm_config_put_on_routers": "ACCEPTED"}])
            if status != 204:
                outcome["resume"] = error_shape(status, body)
                break
        outcome["last_status"] = process["last_status"]
        outcome["failed_reason"] = process.get("failed_reason")
        outcome["steps"] = [[s.get("name"), s.get("status")] for s in process.get("steps", [])]
        subscriptions = process.get("subscriptions") or []
        if subscriptions:
            outcome["subscription_id"] = subscriptions[0]["subscription_id"]
            self.ids.names.setdefault(outcome["subscription_id"], f"<subscription of {label}>")
            outcome["subscription_description"] = subscriptions[0].get("description")
        return outcome

    def paste_texts(self, form: dict, label: str) -> None:
        for name, prop in (form.get("properties") or {}).items():
            text = prop.get("default")
            match = PASTE_LINE.match(text) if isinstance(text, str) else None
            if not match:
                continue
            status, result = self.http.call("POST", f"{self.lab}/devices/{match.group(1)}/cli", text=text)
            clean = result.get("clean") if isinstance(result, dict) else None
            self.record["pastes"].setdefault(label, []).append(
                {"field": name, "device": match.group(1), "status": status, "clean": clean})

    # --- the session

    def products(self) -> dict[str, str]:
        status, products = self.http.call("GET", f"{self.api}/products/")
        self.record["products"] = {"status": status, "products": {
            p["name"]: {"description": p.get("description"), "product_type": p.get("product_type"),
                        "tag": p.get("tag"), "status": p.get("status"),
                        "workflows": sorted([w.get("name"), w.get("target"), w.get("description")]
                                            for w in p.get("workflows", []))}
            for p in products}}
        for p in products:
            self.ids.names.setdefault(p["product_id"], f"<product {p['name']}>")
        return {p["name"]: p["product_id"] for p in products}

    def domain_model(self, label: str, subscription_id: str) -> None:
        status, model = self.http.call("GET", f"{self.api}/subscriptions/domain-model/{subscription_id}")
        self.record["domain_models"][label] = {"status": status, "model": model}

    def adjacencies(self, label: str) -> None:
        status, adjacencies = self.http.call("GET", f"{self.lab}/routing/adjacencies")
        pairs = sorted(sorted([a["a"]["device"], a["b"]["device"]]) for a in adjacencies) if status == 200 else None
        self.record[label] = {"status": status, "pairs": pairs}

    def errors(self, products: dict[str, str], node_id: str | None) -> None:
        def provoke(label, method, path, body):
            status, answer = self.http.call(method, f"{self.api}{path}", body)
            self.record["errors"][label] = error_shape(status, answer)

        provoke("unknown_workflow", "POST", "/processes/no_such_workflow", [{}])
        provoke("bad_choice", "POST", "/processes/create_node",
                [{"product": products["Node"]}, {"select_device_choice": "no-such-device"}])
        provoke("incomplete_form", "POST", "/processes/create_circuit", [{"product": products["Circuit"]}])
        provoke("too_many_pages", "POST", "/processes/create_node",
                [{"product": products["Node"]}, {"select_device_choice": "loc5-core"}, {}])
        provoke("unknown_process", "GET", "/processes/00000000-0000-0000-0000-000000000000", None)
        provoke("unknown_subscription", "GET", "/subscriptions/domain-model/00000000-0000-0000-0000-000000000000", None)
        if node_id:
            provoke("modify_wrong_product", "POST", "/processes/modify_circuit",
                    [{"subscription_id": node_id}, {"under_maintenance": False}])

    def run(self, nodes: int, mesh: bool) -> dict:
        began = time.monotonic()
        products = self.products()
        node_ids = {}
        for i in range(1, nodes + 1):
            node_ids[i] = self.start(f"create_node loc{i}", "create_node",
                                     [{"product": products["Node"]}, {"select_device_choice": f"loc{i}-core"}])
        pairs = [(i, j) for i in range(1, nodes + 1) for j in range(i + 1, nodes + 1)] if mesh else [(1, 2)]
        circuits = {}
        for i, j in pairs:
            circuits[(i, j)] = self.start(f"create_circuit loc{i}-loc{j}", "create_circuit", [
                {"product": products["Circuit"]}, {"router_a": f"loc{i}-core"}, {"router_b": f"loc{j}-core"},
                {"a_port": f"1/1/c{j}/1", "b_port": f"1/1/c{i}/1"}])
        first = circuits.get((1, 2))
        self.domain_model("node loc1", node_ids.get(1) or "")
        self.domain_model("circuit loc1-loc2 created", first or "")
        self.adjacencies("adjacencies_after_create")
        if first:
            self.start("modify_circuit loc1-loc2", "modify_circuit",
                       [{"subscription_id": first}, {"under_maintenance": False}])
            self.domain_model("circuit loc1-loc2 modified", first)
        self.errors(products, node_ids.get(1))
        if first:
            self.start("terminate_circuit loc1-loc2", "terminate_circuit", [{"subscription_id": first}])
            self.domain_model("circuit loc1-loc2 terminated", first)
        self.adjacencies("adjacencies_after_terminate")
        self.timings["session"] = round(time.monotonic() - began, 2)
        return self.ids.scrub(self.record)


def flatten(value, path: str = "") -> dict[str, object]:
    if isinstance(value, dict) and value:
        out = {}
        for k, v in value.items():
            out.update(flatten(v, f"{path}/{k}" if path else str(k)))
        return out
    if isinstance(value, list) and value and any(isinstance(v, (dict, list)) for v in value):
        out = {}
        for i, v in enumerate(value):
            out.update(flatten(v, f"{path}/{i}"))
        return out
    return {path: value}


def compare(expected_file: str, actual_file: str, allow_file: str | None) -> int:
    with open(expected_file) as f:
        expected = flatten(json.load(f))
    with open(actual_file) as f:
        actual = flatten(json.load(f))
    allowed = []
    if allow_file:
        with open(allow_file) as f:
            allowed = json.load(f)
    failures = 0
    for path in sorted(set(expected) | set(actual)):
        a, b = expected.get(path, "<absent>"), actual.get(path, "<absent>")
        if a == b:
            continue
        reason = next((e["reason"] for e in allowed if fnmatch.fnmatchcase(path, e["path"])), None)
        mark = "allowed" if reason else "DIFFERENT"
        failures += reason is None
        print(f"{mark}: {path}\n    {expected_file}: {json.dumps(a)}\n    {actual_file}: {json.dumps(b)}"
              + (f"\n    reason: {reason}" if reason else ""))
    print(f"{failures} difference(s) not in the allowlist")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the session and write what it saw")
    run.add_argument("--api", required=True, help="orchestrator API base, e.g. http://127.0.0.1:8080/api")
    run.add_argument("--lab", required=True, help="lab API base, e.g. http://127.0.0.1:8081/lab")
    run.add_argument("--token", help="sent as 'Authorization: Token T' to both")
    run.add_argument("--nodes", type=int, default=2, choices=range(2, 6), help="create_node loc1..locN (2-5)")
    run.add_argument("--mesh", action="store_true", help="create_circuit for every pair of nodes")
    run.add_argument("--out", required=True)
    diff = commands.add_parser("compare", help="compare two recordings")
    diff.add_argument("expected")
    diff.add_argument("actual")
    diff.add_argument("--allow", help="allowlist: [{\"path\": glob, \"reason\": text}]")
    args = parser.parse_args()
    if args.command == "compare":
        return compare(args.expected, args.actual, args.allow)
    session = Session(args.api, args.lab, args.token)
    record = session.run(args.nodes, args.mesh)
    with open(args.out, "w") as f:
        json.dump(record, f, indent=1, sort_keys=True)
    print(json.dumps({"timings_s": session.timings}, indent=1))
    failed = [k for k, v in record["processes"].items() if v.get("last_status") != "completed"]
    print(f"written {args.out}; processes not completed: {failed or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

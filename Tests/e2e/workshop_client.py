"""Drives the orchestrator API the way the workshop's engineer does: start a workflow with its
form pages, paste every config a suspended process shows into its router through the lab API,
confirm, and repeat until the process stops anywhere else."""


def start(api, workflow, pages):
    answer = api.post(f"/api/processes/{workflow}", json=pages)
    assert answer.status_code == 201, (workflow, answer.status_code, answer.text)
    return answer.json()["id"]


def process(api, pid):
    answer = api.get(f"/api/processes/{pid}")
    assert answer.status_code == 200, answer.text
    return answer.json()


def play_engineer(api, pid):
    """Pastes each shown config into the device its field's meta names, then resumes."""
    detail = process(api, pid)
    while detail["last_status"] == "suspended":
        fields = detail["form"]["properties"]
        configs = [(f.get("propertyOrder", 0), f["meta"]["device"], f["default"])
                   for f in fields.values() if "device" in (f.get("meta") or {})]
        assert configs, f"suspended without a config page: {detail['form']}"
        for _, device, text in sorted(configs):
            pasted = api.post(f"/lab/devices/{device}/cli", data=text.encode(), headers={"Content-Type": "text/plain"})
            assert pasted.status_code == 200, pasted.text
            result = pasted.json()
            assert result["clean"], [line for line in result["lines"] if line["outcome"] == "rejected"]
        resumed = api.put(f"/api/processes/{pid}/resume", json=[{"confirm_config_put_on_routers": "ACCEPTED"}])
        assert resumed.status_code == 204, resumed.text
        detail = process(api, pid)
    return detail


def run(api, workflow, pages):
    """Starts `workflow` and plays the engineer until it stops; the final process detail."""
    detail = play_engineer(api, start(api, workflow, pages))
    assert detail["last_status"] == "completed", (workflow, detail["last_status"], detail.get("failed_reason"))
    return detail


def next_form(api, workflow, pages):
    """The JSON schema of the page after `pages` (the 510 answer)."""
    answer = api.post(f"/api/processes/{workflow}", json=pages)
    assert answer.status_code == 510, answer.text
    body = answer.json()
    assert body["type"] == "FormNotCompleteError"
    return body["form"]

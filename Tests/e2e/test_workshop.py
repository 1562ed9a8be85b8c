"""The workshop walked through the HTTP APIs with real clients (requests for the orchestrator
and lab APIs, pynetbox for NetBox): enrol five nodes, build the circuits, take one out of
maintenance, terminate one, checking subscriptions, NetBox, running configs and routing."""
import threading

import pytest

from workshop_client import next_form, process, run, start

DEVICES = [f"loc{n}-core" for n in range(1, 6)]
# The workshop's full mesh in build order: locA port 1/1/cB/1 to locB port 1/1/cA/1.
MESH = [(a, b) for b in range(2, 6) for a in range(1, b)]


@pytest.fixture(scope="module")
def products(api):
    answer = api.get("/api/products/")
    assert answer.status_code == 200
    by_type = {p["product_type"]: p for p in answer.json()}
    assert set(by_type) >= {"Node", "Circuit"}
    return by_type


@pytest.fixture(scope="module")
def nodes(api, products, nb):
    assert nb.dcim.devices.filter(status="planned").__len__() == 5
    enrolled = {}
    for device in DEVICES:
        detail = run(api, "create_node", [{"product": products["Node"]["product_id"]}, {"select_device_choice": device}])
        enrolled[device] = detail["subscriptions"][0]["subscription_id"]
    return enrolled


@pytest.fixture(scope="module")
def circuits(api, products, nodes):
    built = {}
    product = products["Circuit"]["product_id"]
    for a, b in MESH:
        # Routers and ports by name, as to the workshop's app.
        pages = [{"product": product}, {"router_a": f"loc{a}-core"}, {"router_b": f"loc{b}-core"}]
        ports = next_form(api, "create_circuit", pages)
        assert ports["title"] == "Choose circuit ports"
        assert f"1/1/c{b}/1" in ports["properties"]["a_port"]["enum"] and "options" not in ports["properties"]["a_port"]
        pages.append({"a_port": f"1/1/c{b}/1", "b_port": f"1/1/c{a}/1"})
        detail = run(api, "create_circuit", pages)
        built[(a, b)] = detail["subscriptions"][0]["subscription_id"]
    return built


def test_enrolled_nodes_are_active_in_the_orchestrator_and_netbox(api, nodes, nb):
    listed = api.get("/api/subscriptions/", params={"filter": "product,Node,status,active"}).json()
    assert sorted(s["subscription_id"] for s in listed) == sorted(nodes.values())
    for device, subscription in nodes.items():
        model = api.get(f"/api/subscriptions/domain-model/{subscription}").json()
        assert model["status"] == "active" and model["insync"] is True
        assert model["node"]["node_name"] == device
        record = nb.dcim.devices.get(name=device)
        assert record.status.value == "active"
        assert record.id == model["node"]["node_id"]
        config = api.get(f"/lab/devices/{device}/running-config").text
        assert f"hostname {device}" in config and "interface loopback0" in config


def test_a_device_cannot_be_enrolled_twice(api, products, nodes):
    answer = api.post("/api/processes/create_node",
                      json=[{"product": products["Node"]["product_id"]}, {"select_device_choice": "loc1-core"}])
    assert answer.status_code == 400
    assert answer.json()["validation_errors"][0]["loc"] == ["select_device_choice"]


def test_circuits_wire_netbox_and_bring_up_isis(api, nb, nodes, circuits):
    assert len(circuits) == 10
    cables = list(nb.dcim.cables.all())
    assert len(cables) == 10 and all(c.status.value == "connected" for c in cables)
    assert len(list(nb.dcim.cables.filter(device="loc1-core"))) == 4
    loc1 = nb.dcim.interfaces.get(device="loc1-core", name="1/1/c2/1")
    assert loc1.cable is not None and loc1.count_ipaddresses == 1
    assert len(list(nb.ipam.ip_addresses.filter(device="loc1-core"))) >= 4
    adjacencies = api.get("/lab/routing/adjacencies").json()
    assert len(adjacencies) == 10
    reachability = api.get("/lab/routing/reachability").json()
    assert reachability["fully_reachable"] is True, reachability["unreachable_pairs"]
    path = api.get("/lab/routing/path", params={"from": "loc1-core", "to": "loc5-core"}).json()
    assert path["reachable"] and path["paths"][0]["devices"] == ["loc1-core", "loc5-core"]
    node = api.get(f"/api/subscriptions/domain-model/{nodes['loc1-core']}").json()
    assert len(node["node"]["in_use_by_ids"]) == 4
    blocked = api.get(f"/api/subscriptions/workflows/{nodes['loc1-core']}").json()
    terminate = [w for w in blocked["terminate"] if w["name"] == "terminate_node"][0]
    assert terminate["reason"] == "subscription.no_modify_subscription_in_use_by_others"


def test_take_a_circuit_out_of_maintenance(api, circuits):
    subscription = circuits[(1, 2)]
    before = api.get(f"/api/subscriptions/domain-model/{subscription}").json()
    assert before["circuit"]["under_maintenance"] is True
    config_before = api.get("/lab/devices/loc1-core/running-config").text
    run(api, "modify_circuit", [{"subscription_id": subscription}, {"under_maintenance": False}])
    after = api.get(f"/api/subscriptions/domain-model/{subscription}").json()
    assert after["circuit"]["under_maintenance"] is False and after["insync"] is True
    assert api.get("/lab/devices/loc1-core/running-config").text != config_before


def test_concurrent_modify_starts_on_one_circuit_cannot_both_succeed(api, circuits):
    subscription = circuits[(2, 3)]
    answers = []

    def post():
        answers.append(api.post("/api/processes/modify_circuit",
                                json=[{"subscription_id": subscription}, {"under_maintenance": False}]))

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    started = [a for a in answers if a.status_code == 201]
    assert len(started) == 1, [(a.status_code, a.text) for a in answers]
    assert all(a.status_code in (201, 400, 409) for a in answers)
    # The one that started waits for the engineer; finish it so the subscription is usable again.
    from workshop_client import play_engineer
    assert play_engineer(api, started[0].json()["id"])["last_status"] == "completed"


def test_terminate_a_circuit_removes_it_everywhere(api, nb, circuits):
    subscription = circuits[(4, 5)]
    model = api.get(f"/api/subscriptions/domain-model/{subscription}").json()
    cable_id = model["circuit"]["circuit_id"]
    assert nb.dcim.cables.get(cable_id) is not None
    run(api, "terminate_circuit", [{"subscription_id": subscription}])
    terminated = api.get(f"/api/subscriptions/domain-model/{subscription}").json()
    assert terminated["status"] == "terminated"
    assert nb.dcim.cables.get(cable_id) is None
    assert len(api.get("/lab/routing/adjacencies").json()) == 9
    assert api.get("/lab/routing/reachability").json()["fully_reachable"] is True
    path = api.get("/lab/routing/path", params={"from": "loc4-core", "to": "loc5-core"}).json()
    assert path["reachable"] and len(path["paths"][0]["devices"]) == 3


def test_process_list_and_history_record_the_walk(api, circuits):
    processes = api.get("/api/processes/", params={"filter": "last_status,completed", "sort": "started_at,ASC"})
    assert processes.status_code == 200
    names = [p["workflow_name"] for p in processes.json()]
    assert names.count("create_node") == 5 and names.count("create_circuit") == 10
    history = api.get("/lab/devices/loc5-core/history").json()
    assert [e["event"] for e in history].count("paste") >= 5


def test_netbox_pagination_and_errors_through_pynetbox(api, nb, circuits):
    import pynetbox
    interfaces = nb.dcim.interfaces.filter(device="loc1-core")
    assert len(list(interfaces)) > 50  # more than one default page, fetched by pynetbox
    with pytest.raises(pynetbox.RequestError) as failure:
        nb.dcim.devices.get(name="loc1-core").update({"status": "bogus"})
    assert failure.value.req.status_code == 400
    assert failure.value.error == '{"status":["bogus is not a valid choice."]}' or "bogus" in failure.value.error
    first_page = api.get("/netbox/api/dcim/interfaces/", params={"device": "loc1-core", "limit": 5}).json()
    assert first_page["next"].startswith(api.url + "/netbox/api/dcim/interfaces/?device=loc1-core&limit=5&offset=5")


def test_pynetbox_allocations_and_deletes_round_trip(nb):
    assert nb.status()["netbox-version"].startswith("4.7")
    assert nb.dcim.devices.count() == 5
    container = nb.ipam.prefixes.create(prefix="10.250.0.0/16", status="container", description="e2e scratch")
    try:
        free = container.available_prefixes.list()
        assert [p.prefix for p in free] == ["10.250.0.0/16"]
        child = container.available_prefixes.create({"prefix_length": 24, "description": "e2e child"})
        assert child.prefix == "10.250.0.0/24"
        second = container.available_prefixes.create({"prefix_length": 30})
        assert second.prefix == "10.250.1.0/30"
        ips = [child.available_ips.create({"status": "active"}) for _ in range(2)]
        assert [ip.address for ip in ips] == ["10.250.0.1/24", "10.250.0.2/24"]
        assert nb.ipam.ip_addresses.get(address="10.250.0.1").id == ips[0].id
        for record in ips + [second, child]:
            assert record.delete()
        assert nb.ipam.prefixes.get(child.id) is None
    finally:
        container.delete()
    assert nb.ipam.prefixes.get(prefix="10.250.0.0/16") is None

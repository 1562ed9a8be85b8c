"""After `orchlab serve` restarts on the same database file, the world is where it was."""


def test_the_world_survives_a_restart(api, nb):
    subscriptions = api.get("/api/subscriptions/", params={"filter": "status,active"}).json()
    products = {s["product"]["product_type"] for s in subscriptions}
    assert products == {"Node", "Circuit"}
    assert len([s for s in subscriptions if s["product"]["product_type"] == "Node"]) == 5
    terminated = api.get("/api/subscriptions/", params={"filter": "status,terminated"}).json()
    assert len(terminated) == 1
    assert nb.dcim.devices.get(name="loc3-core").status.value == "active"
    assert len(list(nb.dcim.cables.all())) == 9
    # Router configs are rebuilt from the lab journal: IS-IS is up on the nine remaining circuits.
    assert len(api.get("/lab/routing/adjacencies").json()) == 9
    assert api.get("/lab/routing/reachability").json()["fully_reachable"] is True
    assert "router isis" in api.get("/lab/devices/loc1-core/running-config").text

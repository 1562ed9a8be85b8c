"""pynetbox's less common calls against the real server: `endpoint.choices()` (OPTIONS),
bulk `endpoint.update([...])` (PATCH on the list) and bulk `endpoint.delete([...])`, both all
or nothing; plus HEAD and the numeric bounds of list queries. Leaves the world as it found it."""
import pynetbox
import pytest
import requests


def test_choices_come_from_options(nb):
    statuses = [c["value"] for c in nb.dcim.devices.choices()["status"]]
    assert statuses == ["offline", "active", "planned", "staged", "failed", "inventory", "decommissioning"]
    assert {"value": "active", "display_name": "Active"} in nb.ipam.prefixes.choices()["status"]
    assert "100gbase-x-qsfp28" in [c["value"] for c in nb.dcim.interfaces.choices()["type"]]
    assert [c["value"] for c in nb.dcim.cables.choices()["status"]] == ["connected", "planned", "decommissioning"]


def test_bulk_update_and_delete_are_all_or_nothing(nb):
    before = nb.ipam.ip_addresses.count()
    created = nb.ipam.ip_addresses.create([{"address": f"198.51.100.{n}/24"} for n in range(1, 4)])
    ids = [ip.id for ip in created]

    updated = nb.ipam.ip_addresses.update([{"id": ids[0], "description": "bulk"}, {"id": ids[1], "status": "reserved"}])
    assert [ip.id for ip in updated] == ids[:2]
    assert nb.ipam.ip_addresses.get(ids[0]).description == "bulk"
    assert nb.ipam.ip_addresses.get(ids[1]).status.value == "reserved"

    # Records work too: pynetbox sends only the changed fields with each id.
    record = nb.ipam.ip_addresses.get(ids[2])
    record.dns_name = "bulk.example"
    assert nb.ipam.ip_addresses.update([record])[0].dns_name == "bulk.example"

    with pytest.raises(pynetbox.RequestError) as failure:
        nb.ipam.ip_addresses.update([{"id": ids[0], "description": "never"}, {"id": ids[1], "status": "melted"}])
    assert failure.value.req.status_code == 400
    assert failure.value.error == '[{}, {"status": ["melted is not a valid choice."]}]' or \
        failure.value.req.json() == [{}, {"status": ["melted is not a valid choice."]}]
    assert nb.ipam.ip_addresses.get(ids[0]).description == "bulk"

    with pytest.raises(pynetbox.RequestError):
        nb.ipam.ip_addresses.delete([ids[0], 999999])
    assert nb.ipam.ip_addresses.get(ids[0]) is not None

    assert nb.ipam.ip_addresses.delete(ids) is True
    assert nb.ipam.ip_addresses.count() == before


def test_head_and_numeric_bounds(base_url, token):
    headers = {"Authorization": f"Token {token}"}
    url = f"{base_url}/netbox/api/dcim/devices/"
    get = requests.get(url, headers=headers, timeout=30)
    head = requests.head(url, headers=headers, timeout=30)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Length"] == str(len(get.content))
    for offset in ["1000000001", str(2**63 - 1), "9" * 30]:
        answer = requests.get(url, headers=headers, params={"offset": offset}, timeout=30)
        assert answer.status_code == 400, offset
        assert answer.json() == {"offset": ["Ensure this value is less than or equal to 1000000000."]}
    big = requests.get(url, headers=headers, params={"limit": str(2**63 - 1)}, timeout=30)
    assert big.status_code == 200 and big.json()["count"] == len(big.json()["results"])
    ranged = requests.get(f"{base_url}/api/processes/", params={"range": f"0,{2**63 - 1}"}, timeout=30)
    assert ranged.status_code == 400 and ranged.json()["detail"].startswith("range must be")

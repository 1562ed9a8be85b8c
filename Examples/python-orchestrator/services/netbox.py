"""The workflows' NetBox calls, through pynetbox."""

from functools import cache

import pynetbox

from services import descriptions
from settings import settings

# NetBox prefix id of the "Circuit Address Pool" (2001:db8:10::/44).
CIRCUIT_POOL_ID = 3
# Ports offered for circuits are 400G interfaces (speed in kbps).
CIRCUIT_PORT_SPEED = 400000000


@cache
def api() -> pynetbox.api:
    return pynetbox.api(settings.NETBOX_URL, token=settings.NETBOX_TOKEN)


def planned_devices() -> list:
    return list(api().dcim.devices.filter(status="planned"))


def device(name: str):
    found = api().dcim.devices.get(name=name)
    if found is None:
        raise ValueError(f"No NetBox device named {name}")
    return found


def device_by_id(device_id: int):
    """The device, or None when NetBox has none with that id."""
    return api().dcim.devices.get(device_id)


def set_device_status(device_id: int, status: str) -> str:
    api().dcim.devices.get(device_id).update({"status": status})
    return api().dcim.devices.get(device_id).status.value


def free_ports(device_name: str) -> list:
    return list(api().dcim.interfaces.filter(device=device_name, occupied=False, speed=CIRCUIT_PORT_SPEED))


def interface(interface_id: int):
    return api().dcim.interfaces.get(interface_id)


def interface_addresses(interface_id: int) -> list[str]:
    """The addresses assigned to the interface, with prefix length, sorted."""
    return sorted(ip.address for ip in api().ipam.ip_addresses.filter(interface_id=interface_id))


def cable(cable_id: int):
    """The cable, or None when NetBox has none with that id."""
    return api().dcim.cables.get(cable_id)


def cable_interface_ids(cable) -> list[int]:
    """The ids of the interfaces at both ends of the cable, sorted."""
    return sorted(end.object_id for end in [*cable.a_terminations, *cable.b_terminations])


def create_cable(a_port_id: int, b_port_id: int):
    return api().dcim.cables.create(
        {
            "a_terminations": [{"object_id": a_port_id, "object_type": "dcim.interface"}],
            "b_terminations": [{"object_id": b_port_id, "object_type": "dcim.interface"}],
            "status": "planned",
        }
    )


def set_cable_status(cable_id: int, status: str) -> str:
    api().dcim.cables.get(cable_id).update({"status": status})
    return api().dcim.cables.get(cable_id).status.value


def delete_cable(cable_id: int) -> None:
    cable = api().dcim.cables.get(cable_id)
    if cable is not None:
        cable.delete()


def reserve_addresses(block: str, a: tuple[int, str], b: tuple[int, str]) -> tuple[str, str]:
    """A /64 pool from the circuit pool, a /127 inside it, one address per side assigned to that
    side's interface (`a` and `b` are (interface id, description)). Returns both addresses."""
    pool = api().ipam.prefixes.get(CIRCUIT_POOL_ID)
    parent = pool.available_prefixes.create(
        {"prefix_length": 64, "description": descriptions.parent_prefix(block), "is_pool": True}
    )
    p2p = api().ipam.prefixes.get(parent.id).available_prefixes.create(
        {"prefix_length": 127, "description": descriptions.point_to_point_prefix(block)}
    )
    p2p = api().ipam.prefixes.get(p2p.id)

    def address(interface_id: int, description: str) -> str:
        ip = p2p.available_ips.create(
            {
                "description": description,
                "status": "active",
                "assigned_object_type": "dcim.interface",
                "assigned_object_id": interface_id,
            }
        )
        return ip.address

    return address(*a), address(*b)


def release_addresses(block: str) -> None:
    """Deletes the addresses, the /127 and the /64 reserved for the circuit, innermost first."""
    for parent in api().ipam.prefixes.filter(description=descriptions.parent_prefix(block), mask_length=64):
        for p2p in api().ipam.prefixes.filter(within=parent.prefix, mask_length=127):
            for ip in api().ipam.ip_addresses.filter(parent=p2p.prefix):
                ip.delete()
            p2p.delete()
        parent.delete()

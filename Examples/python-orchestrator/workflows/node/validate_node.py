"""validate_node: compares the Node subscription with its NetBox device (name, status,
loopbacks); fails listing every difference. OrchLab's validate_node also reads the router's
running config; this app sees NetBox only."""

from orchestrator.workflow import StepList, begin, step
from orchestrator.workflows.utils import validate_workflow
from pydantic_forms.types import State

from products.product_types.node import Node
from services import drift, netbox


@step("Check the device in NetBox")
def check_device(subscription: Node) -> State:
    node = subscription.node
    source = f"netbox device {node.node_id}"
    device = netbox.device_by_id(node.node_id)
    if device is None:
        drift.refuse(drift.missing(source))

    def address(ip) -> str | None:
        return ip.address if ip else None

    drift.refuse(drift.compare(source, [
        ("name", node.node_name, device.name),
        ("status", node.node_status, device.status.value),
        ("primary_ip4", node.ipv4_loopback, address(device.primary_ip4)),
        ("primary_ip6", node.ipv6_loopback, address(device.primary_ip6)),
    ]))
    return {"validated": True}


@validate_workflow("Validate Node")
def validate_node() -> StepList:
    return begin >> check_device

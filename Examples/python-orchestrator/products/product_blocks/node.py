"""The Node block: one enrolled NetBox device and its loopbacks."""

from orchestrator.domain.base import ProductBlockModel
from orchestrator.types import SubscriptionLifecycle


class NodeBlockInactive(ProductBlockModel, product_block_name="Node"):
    node_id: int | None = None
    node_name: str | None = None
    node_status: str | None = None
    ipv4_loopback: str | None = None
    ipv6_loopback: str | None = None


class NodeBlockProvisioning(NodeBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    node_id: int
    node_name: str
    node_status: str
    ipv4_loopback: str
    ipv6_loopback: str


class NodeBlock(NodeBlockProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    # Each lifecycle class declares its fields: orchestrator-core reads the class's own annotations.
    node_id: int
    node_name: str
    node_status: str
    ipv4_loopback: str
    ipv6_loopback: str

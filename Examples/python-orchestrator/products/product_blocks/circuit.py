"""The Circuit block: two Layer 3 Interfaces, each on a Port of a Node owned by a Node subscription."""

from typing import TypeVar

from orchestrator.domain.base import ProductBlockModel, SubscriptionInstanceList
from orchestrator.types import SubscriptionLifecycle

from products.product_blocks.node import NodeBlock, NodeBlockInactive, NodeBlockProvisioning

T = TypeVar("T", covariant=True)


class PortPair(SubscriptionInstanceList[T]):
    min_items = 2
    max_items = 2


class PortInactive(ProductBlockModel, product_block_name="Port"):
    port_id: int | None = None
    port_name: str | None = None
    port_description: str | None = None
    # The Node subscription's own block: saved as a relation, so the node shows it is in use.
    node: NodeBlockInactive | None = None


class PortProvisioning(PortInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    port_id: int
    port_name: str
    port_description: str
    node: NodeBlockProvisioning


class Port(PortProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    # Each lifecycle class declares its fields: orchestrator-core reads the class's own annotations.
    port_id: int
    port_name: str
    port_description: str
    node: NodeBlock


class Layer3InterfaceInactive(ProductBlockModel, product_block_name="Layer 3 Interface"):
    port: PortInactive
    # With prefix length: 2001:db8:10::/127.
    v6_ip_address: str | None = None


class Layer3InterfaceProvisioning(Layer3InterfaceInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    port: PortProvisioning
    v6_ip_address: str


class Layer3Interface(Layer3InterfaceProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    port: Port
    v6_ip_address: str


class CircuitBlockInactive(ProductBlockModel, product_block_name="Circuit"):
    # A side, then B side.
    members: PortPair[Layer3InterfaceInactive]
    circuit_id: int | None = None
    circuit_status: str | None = None
    circuit_description: str | None = None
    under_maintenance: bool | None = None


class CircuitBlockProvisioning(CircuitBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    members: PortPair[Layer3InterfaceProvisioning]
    circuit_id: int
    circuit_status: str
    circuit_description: str
    under_maintenance: bool


class CircuitBlock(CircuitBlockProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    members: PortPair[Layer3Interface]
    circuit_id: int
    circuit_status: str
    circuit_description: str
    under_maintenance: bool

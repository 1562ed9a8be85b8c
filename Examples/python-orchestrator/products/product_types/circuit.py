from orchestrator.domain.base import SubscriptionModel
from orchestrator.types import SubscriptionLifecycle

from products.product_blocks.circuit import CircuitBlock, CircuitBlockInactive, CircuitBlockProvisioning


class CircuitInactive(SubscriptionModel, is_base=True):
    speed: str
    circuit: CircuitBlockInactive


class CircuitProvisioning(CircuitInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    speed: str
    circuit: CircuitBlockProvisioning


class Circuit(CircuitProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    speed: str
    circuit: CircuitBlock

"""What several workflows share: the customer, the active nodes, and the config input step's page."""

from orchestrator.db import ProductTable, SubscriptionTable
from orchestrator.types import SubscriptionLifecycle
from pydantic import create_model
from pydantic_forms.core import FormPage, ReadOnlyField
from pydantic_forms.validators import Accept, LongText

from products.product_types.node import Node
from services import config

# The customer every workshop subscription belongs to.
CUSTOMER_ID = "ORCHLAB-WORKSHOP"
CONFIRM_FIELD = "confirm_config_put_on_routers"


def node_subscriptions(*statuses: SubscriptionLifecycle) -> list[SubscriptionTable]:
    return (
        SubscriptionTable.query.join(ProductTable)
        .filter(ProductTable.name == "Node", SubscriptionTable.status.in_([s.value for s in statuses]))
        .all()
    )


def active_nodes() -> dict[str, str]:
    """Active Node subscriptions: {subscription id: node name}, by node name."""
    nodes = {str(s.subscription_id): Node.from_subscription(s.subscription_id).node.node_name
             for s in node_subscriptions(SubscriptionLifecycle.ACTIVE)}
    return dict(sorted(nodes.items(), key=lambda item: item[1]))


def config_page(title: str, texts: dict[str, str]) -> type[FormPage]:
    """A page with each config text read-only (field -> text), then the engineer's confirmation."""
    fields = {name: (LongText, ReadOnlyField(text)) for name, text in texts.items()}
    page = create_model("ConfigPage", __base__=FormPage, **fields, **{CONFIRM_FIELD: (Accept, ...)})
    page.__config__.title = title
    return page


def circuit_config_page(circuit: dict, title: str) -> type[FormPage]:
    """Both endpoints' configs of a circuit (its model as a dict), metric by its maintenance state."""
    a, b = config.endpoints(circuit)
    return config_page(title, {
        "endpoint_a_router_config": config.endpoint_config(a, circuit["under_maintenance"]),
        "endpoint_b_router_config": config.endpoint_config(b, circuit["under_maintenance"]),
    })

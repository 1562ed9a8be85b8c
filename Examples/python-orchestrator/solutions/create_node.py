"""create_node with exercises 1 and 2 solved. With WORKFLOWS=solved it replaces
workflows/node/create_node.py's workflow (workflows/__init__.py)."""

from orchestrator.domain import SubscriptionModel
from orchestrator.forms import FormPage
from orchestrator.types import SubscriptionLifecycle, UUIDstr
from orchestrator.workflow import StepList, begin, step
from orchestrator.workflows.utils import create_workflow
from pydantic import validator
from pydantic_forms.types import FormGenerator, State

from products.product_types.node import NodeProvisioning
from services import netbox
from workflows.node.create_node import create_node_steps, device_choice, new_node_subscription
from workflows.shared import node_subscriptions


def live_nodes() -> dict[str, SubscriptionModel]:
    """Node subscriptions not terminated nor given up by an aborted create, by device name."""
    live = {}
    for row in node_subscriptions(*[s for s in SubscriptionLifecycle if s != SubscriptionLifecycle.TERMINATED]):
        aborted = any(link.process.last_status == "aborted" for link in row.processes)
        if row.status == SubscriptionLifecycle.INITIAL.value and aborted:
            continue
        model = SubscriptionModel.from_subscription(row.subscription_id)
        live.setdefault(model.node.node_name, model)
    return live


def refuse_enrolled(name: str, enrolled: dict[str, SubscriptionModel]) -> None:
    """Exercise 2: a device with a live Node subscription is refused, naming the subscription."""
    if name in enrolled:
        node = enrolled[name]
        raise ValueError(f"Device {name} is already enrolled as Node subscription {node.subscription_id} "
                         f"('{node.description}', {node.status.value})")


def initial_input_form_generator(product_name: str) -> FormGenerator:
    enrolled = live_nodes()
    DeviceChoice = device_choice([d.name for d in netbox.planned_devices() if d.name not in enrolled])

    class CreateNodeForm(FormPage):
        class Config:
            title = product_name

        select_device_choice: DeviceChoice

        @validator("select_device_choice", pre=True, allow_reuse=True)
        def not_enrolled(cls, name: str) -> str:
            refuse_enrolled(name, enrolled)
            return name

    user_input = yield CreateNodeForm
    return {"select_device_choice": user_input.select_device_choice.value}


@step("Construct Node model")
def construct_checked_node_model(product: UUIDstr, select_device_choice: str) -> State:
    # Checked again: another process may have enrolled the device since the form was posted.
    refuse_enrolled(select_device_choice, live_nodes())
    return new_node_subscription(product, select_device_choice)


@step("Set device status 'active' in NetBox")
def set_device_active(subscription: NodeProvisioning) -> State:
    """Exercise 1: the device goes from planned to active once the engineer configured it."""
    subscription.node.node_status = netbox.set_device_status(subscription.node.node_id, "active")
    return {"subscription": subscription}


@create_workflow("Create Node", initial_input_form=initial_input_form_generator)
def create_node() -> StepList:
    return create_node_steps(construct=construct_checked_node_model, after_config=begin >> set_device_active)

"""create_node: enrol a planned NetBox device as a Node subscription.

Exercise 1: once the node is provisioned, set the NetBox device from planned to active.
Exercise 2: refuse a device that already has a live Node subscription, naming it.
(solutions/create_node.py solves both.)
"""

from orchestrator.forms import FormPage
from orchestrator.targets import Target
from orchestrator.types import SubscriptionLifecycle, UUIDstr
from orchestrator.workflow import Step, StepList, begin, inputstep, step
from orchestrator.workflows.steps import set_status, store_process_subscription
from orchestrator.workflows.utils import create_workflow
from pydantic_forms.types import FormGenerator, State
from pydantic_forms.validators import Choice

from orchestrator.config.assignee import Assignee
from products.product_types.node import NodeInactive, NodeProvisioning
from services import config, descriptions, netbox
from workflows.shared import CUSTOMER_ID, config_page


def device_choice(names: list[str]) -> type[Choice]:
    return Choice.__call__("DeviceChoice", {name: name for name in names})


def initial_input_form_generator(product_name: str) -> FormGenerator:
    DeviceChoice = device_choice([device.name for device in netbox.planned_devices()])

    class CreateNodeForm(FormPage):
        class Config:
            title = product_name

        select_device_choice: DeviceChoice

    user_input = yield CreateNodeForm
    return {"select_device_choice": user_input.select_device_choice.value}


def new_node_subscription(product: UUIDstr, device_name: str) -> State:
    device = netbox.device(device_name)
    subscription = NodeInactive.from_product_id(product_id=product, customer_id=CUSTOMER_ID,
                                                status=SubscriptionLifecycle.INITIAL)
    subscription.node.node_id = device.id
    subscription.node.node_name = device.name
    subscription.node.node_status = device.status.value
    subscription.description = descriptions.node(device.name)
    return {"subscription": subscription, "subscription_id": subscription.subscription_id}


@step("Construct Node model")
def construct_node_model(product: UUIDstr, select_device_choice: str) -> State:
    return new_node_subscription(product, select_device_choice)


@step("Fetch loopback addresses from NetBox")
def fetch_loopbacks(subscription: NodeInactive) -> State:
    device = netbox.device(subscription.node.node_name)
    subscription.node.ipv4_loopback = device.primary_ip4.address
    subscription.node.ipv6_loopback = device.primary_ip6.address
    return {"subscription": subscription}


@inputstep("Provide Config to User", assignee=Assignee.SYSTEM)
def provide_config_to_user(subscription: NodeProvisioning) -> FormGenerator:
    node = subscription.node
    text = config.node_config(node.node_name, node.ipv4_loopback, node.ipv6_loopback)
    user_input = yield config_page("Put the node config on the router", {"node_config": text})
    return user_input.dict()


def create_node_steps(construct: Step = construct_node_model, after_config: StepList = begin) -> StepList:
    """The workflow's steps; a solution may check the device in `construct` and add steps after
    the engineer confirmed the config."""
    return (
        begin
        >> construct
        >> store_process_subscription(Target.CREATE)
        >> fetch_loopbacks
        >> set_status(SubscriptionLifecycle.PROVISIONING)
        >> provide_config_to_user
        >> after_config
    )


@create_workflow("Create Node", initial_input_form=initial_input_form_generator)
def create_node() -> StepList:
    return create_node_steps()

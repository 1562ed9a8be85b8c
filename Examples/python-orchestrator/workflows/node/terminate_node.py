"""terminate_node: shows the config that removes the node from its router, then puts the NetBox
device back to planned. orchestrator-core refuses to start it while a live circuit uses the node."""

from orchestrator.config.assignee import Assignee
from orchestrator.workflow import StepList, begin, inputstep, step
from orchestrator.workflows.utils import terminate_workflow
from pydantic_forms.types import FormGenerator, State

from products.product_types.node import Node
from services import config, netbox
from workflows.shared import config_page


@inputstep("Provide Config to User", assignee=Assignee.SYSTEM)
def provide_removal_config(subscription: Node) -> FormGenerator:
    text = config.node_removal(subscription.node.node_name)
    user_input = yield config_page("Remove the node config from the router", {"node_config": text})
    return user_input.dict()


@step("Set device status 'planned' in NetBox")
def set_device_planned(subscription: Node) -> State:
    subscription.node.node_status = netbox.set_device_status(subscription.node.node_id, "planned")
    return {"subscription": subscription}


@terminate_workflow("Terminate Node")
def terminate_node() -> StepList:
    return begin >> provide_removal_config >> set_device_planned

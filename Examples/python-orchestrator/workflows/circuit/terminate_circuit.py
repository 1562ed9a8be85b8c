"""terminate_circuit: shows the config that removes the circuit from both routers, then releases
its addresses and deletes its cable in NetBox."""

from orchestrator.config.assignee import Assignee
from orchestrator.workflow import StepList, begin, inputstep, step
from orchestrator.workflows.utils import terminate_workflow
from pydantic_forms.types import FormGenerator, State

from products.product_types.circuit import Circuit
from services import config, netbox
from workflows.shared import config_page


@inputstep("Provide Config to User", assignee=Assignee.SYSTEM)
def provide_removal_config(subscription: Circuit) -> FormGenerator:
    a, b = config.endpoints(subscription.circuit.dict())
    user_input = yield config_page("Remove the circuit config from both routers", {
        "endpoint_a_router_config": config.endpoint_removal(a),
        "endpoint_b_router_config": config.endpoint_removal(b),
    })
    return user_input.dict()


@step("Release IPs in IPAM")
def release_ips(subscription: Circuit) -> State:
    netbox.release_addresses(subscription.circuit.circuit_description)
    return {}


@step("Delete cable in NetBox")
def delete_cable(subscription: Circuit) -> State:
    netbox.delete_cable(subscription.circuit.circuit_id)
    return {}


@terminate_workflow("Terminate the circuit")
def terminate_circuit() -> StepList:
    return begin >> provide_removal_config >> release_ips >> delete_cable

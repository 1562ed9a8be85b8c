"""modify_circuit with exercise 3 solved. With WORKFLOWS=solved it replaces
workflows/circuit/modify_circuit.py's workflow (workflows/__init__.py)."""

from orchestrator.config.assignee import Assignee
from orchestrator.workflow import StepList, begin, inputstep, step
from orchestrator.workflows.utils import modify_workflow
from pydantic_forms.types import FormGenerator, State

from products.product_types.circuit import Circuit
from workflows.circuit.modify_circuit import initial_input_form_generator
from workflows.shared import circuit_config_page


@step("Update subscription model")
def update_subscription_model(subscription: Circuit, under_maintenance: bool) -> State:
    subscription.circuit.under_maintenance = under_maintenance
    return {"subscription": subscription}


@inputstep("Provide Config to User", assignee=Assignee.SYSTEM)
def provide_config_to_user(subscription: Circuit) -> FormGenerator:
    user_input = yield circuit_config_page(subscription.circuit.dict(), "Put the new metric on both routers")
    return user_input.dict()


@modify_workflow("Modify the circuit maintenance state", initial_input_form=initial_input_form_generator)
def modify_circuit() -> StepList:
    return begin >> update_subscription_model >> provide_config_to_user

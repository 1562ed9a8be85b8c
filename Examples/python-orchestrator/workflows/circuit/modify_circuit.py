"""modify_circuit: puts a circuit into or out of maintenance.

Exercise 3: update under_maintenance in the subscription and show both endpoint configs with the
IS-IS metric of the new mode. (solutions/modify_circuit.py solves it.)
"""

from orchestrator.forms import FormPage
from orchestrator.types import UUIDstr
from orchestrator.workflow import StepList, begin, step
from orchestrator.workflows.utils import modify_workflow
from pydantic_forms.types import FormGenerator, State

from products.product_types.circuit import Circuit


def initial_input_form_generator(subscription_id: UUIDstr) -> FormGenerator:
    current = Circuit.from_subscription(subscription_id).circuit.under_maintenance

    class MaintenanceForm(FormPage):
        class Config:
            title = "Maintenance"

        under_maintenance: bool = current

    user_input = yield MaintenanceForm
    return user_input.dict()


@step("Update subscription model")
def update_subscription_model() -> State:
    return {}


@modify_workflow("Modify the circuit maintenance state", initial_input_form=initial_input_form_generator)
def modify_circuit() -> StepList:
    return begin >> update_subscription_model

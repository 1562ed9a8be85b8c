"""Registers the workflows. With WORKFLOWS=solved, the workflows in solutions/ take the place of
the ones the participant fills in (the workshop's exercises)."""

from orchestrator.workflows import LazyWorkflowInstance

from settings import settings

SOLVED = {"create_node", "modify_circuit"}

WORKFLOWS = {
    "create_node": "workflows.node.create_node",
    "terminate_node": "workflows.node.terminate_node",
    "validate_node": "workflows.node.validate_node",
    "create_circuit": "workflows.circuit.create_circuit",
    "modify_circuit": "workflows.circuit.modify_circuit",
    "terminate_circuit": "workflows.circuit.terminate_circuit",
    "validate_circuit": "workflows.circuit.validate_circuit",
}

for name, module in WORKFLOWS.items():
    if settings.WORKFLOWS == "solved" and name in SOLVED:
        module = f"solutions.{name}"
    LazyWorkflowInstance(module, name)

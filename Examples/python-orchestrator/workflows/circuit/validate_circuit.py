"""validate_circuit: compares the Circuit subscription with NetBox (its description, the cable
and both ports with their addresses); fails listing every difference. OrchLab's validate_circuit
also reads both routers' running configs; this app sees NetBox only."""

from orchestrator.workflow import StepList, begin, step
from orchestrator.workflows.utils import validate_workflow
from pydantic_forms.types import State

from products.product_types.circuit import Circuit
from services import descriptions, drift, netbox


@step("Check the subscription description")
def check_description(subscription: Circuit) -> State:
    circuit = subscription.circuit
    expected = descriptions.circuit_subscription(circuit.circuit_id, circuit.circuit_description)
    drift.refuse(drift.compare("subscription", [("description", expected, subscription.description)]))
    return {}


@step("Check the cable in NetBox")
def check_cable(subscription: Circuit) -> State:
    circuit = subscription.circuit
    source = f"netbox cable {circuit.circuit_id}"
    cable = netbox.cable(circuit.circuit_id)
    if cable is None:
        drift.refuse(drift.missing(source))
    expected_ends = sorted(side.port.port_id for side in circuit.members)
    drift.refuse(drift.compare(source, [
        ("status", circuit.circuit_status, cable.status.value),
        ("interfaces", expected_ends, netbox.cable_interface_ids(cable)),
    ]))
    return {}


@step("Check both ports in NetBox")
def check_ports(subscription: Circuit) -> State:
    differences = []
    for side in subscription.circuit.members:
        source = f"netbox interface {side.port.port_id}"
        interface = netbox.interface(side.port.port_id)
        if interface is None:
            differences += drift.missing(source)
            continue
        addresses = netbox.interface_addresses(side.port.port_id)
        differences += drift.compare(source, [
            ("name", side.port.port_name, interface.name),
            ("ip addresses", side.v6_ip_address, ", ".join(addresses) or None),
        ])
    drift.refuse(differences)
    return {"validated": True}


@validate_workflow("Validate Circuit")
def validate_circuit() -> StepList:
    return begin >> check_description >> check_cable >> check_ports

"""create_circuit: a circuit between free 400G ports of two active nodes, with a cable and
addresses in NetBox, and both endpoint configs shown to the engineer."""

from orchestrator.config.assignee import Assignee
from orchestrator.forms import FormPage
from orchestrator.targets import Target
from orchestrator.types import SubscriptionLifecycle, UUIDstr
from orchestrator.workflow import StepList, begin, inputstep, step
from orchestrator.workflows.steps import set_status, store_process_subscription
from orchestrator.workflows.utils import create_workflow
from pydantic_forms.types import FormGenerator, State
from pydantic_forms.validators import Choice

from products.product_types.circuit import CircuitInactive, CircuitProvisioning
from products.product_types.node import Node
from services import descriptions, netbox
from workflows.shared import CUSTOMER_ID, active_nodes, circuit_config_page


def choice(name: str, options: dict[str, str]) -> type[Choice]:
    """Clients post the label (a node or port name); the workflow keeps the key (member name)."""
    return Choice.__call__(name, options)


def initial_input_form_generator(product_name: str) -> FormGenerator:
    nodes = active_nodes()

    class RouterAPage(FormPage):
        class Config:
            title = product_name

        router_a: choice("RouterA", nodes)

    router_a = (yield RouterAPage).router_a.name

    class RouterBPage(FormPage):
        class Config:
            title = product_name

        router_b: choice("RouterB", {sid: name for sid, name in nodes.items() if sid != router_a})

    router_b = (yield RouterBPage).router_b.name

    def ports(subscription_id: str) -> dict[str, str]:
        return {str(port.id): port.display for port in netbox.free_ports(nodes[subscription_id])}

    class PortsPage(FormPage):
        class Config:
            title = "Choose circuit ports"

        a_port: choice("APort", ports(router_a))
        b_port: choice("BPort", ports(router_b))

    chosen = yield PortsPage
    return {"router_a": router_a, "router_b": router_b,
            "a_port": int(chosen.a_port.name), "b_port": int(chosen.b_port.name)}


@step("Construct Circuit model")
def construct_circuit_model(product: UUIDstr, router_a: UUIDstr, router_b: UUIDstr, a_port: int, b_port: int) -> State:
    nodes = (Node.from_subscription(router_a).node, Node.from_subscription(router_b).node)
    ports = (netbox.interface(a_port), netbox.interface(b_port))
    subscription = CircuitInactive.from_product_id(product_id=product, customer_id=CUSTOMER_ID,
                                                   status=SubscriptionLifecycle.INITIAL)
    for member, node, port, far_node, far_port in zip(subscription.circuit.members, nodes, ports,
                                                      reversed(nodes), reversed(ports)):
        member.port.port_id = port.id
        member.port.port_name = port.name
        member.port.port_description = descriptions.port(far_node.node_name, far_port.name)
        member.port.node = node
    subscription.circuit.circuit_description = descriptions.circuit_block(
        nodes[0].node_name, ports[0].name, nodes[1].node_name, ports[1].name)
    subscription.circuit.under_maintenance = True
    cable = netbox.create_cable(a_port, b_port)
    subscription.circuit.circuit_id = cable.id
    subscription.circuit.circuit_status = cable.status.value
    return {"subscription": subscription, "subscription_id": subscription.subscription_id}


@step("Reserve IPs in IPAM")
def reserve_ips(subscription: CircuitInactive) -> State:
    a, b = subscription.circuit.members
    addresses = netbox.reserve_addresses(subscription.circuit.circuit_description,
                                         (a.port.port_id, a.port.port_description),
                                         (b.port.port_id, b.port.port_description))
    a.v6_ip_address, b.v6_ip_address = addresses
    return {"subscription": subscription}


@inputstep("Provide Config to User", assignee=Assignee.SYSTEM)
def provide_config_to_user(subscription: CircuitProvisioning) -> FormGenerator:
    user_input = yield circuit_config_page(subscription.circuit.dict(), "Put the circuit config on both routers")
    return user_input.dict()


@step("Set cable 'connected' in NetBox")
def connect_cable(subscription: CircuitProvisioning) -> State:
    subscription.circuit.circuit_status = netbox.set_cable_status(subscription.circuit.circuit_id, "connected")
    return {"subscription": subscription}


@step("Update subscription description")
def update_description(subscription: CircuitProvisioning) -> State:
    circuit = subscription.circuit
    subscription.description = descriptions.circuit_subscription(circuit.circuit_id, circuit.circuit_description)
    return {"subscription": subscription}


@create_workflow("Create Circuit", initial_input_form=initial_input_form_generator)
def create_circuit() -> StepList:
    return (
        begin
        >> construct_circuit_model
        >> store_process_subscription(Target.CREATE)
        >> reserve_ips
        >> set_status(SubscriptionLifecycle.PROVISIONING)
        >> provide_config_to_user
        >> connect_cable
        >> update_description
    )

"""The descriptions the workshop gives subscriptions, blocks and NetBox objects."""


def node(node_name: str) -> str:
    return f"Node {node_name}"


def port(far_node: str, far_port: str) -> str:
    """An interface seen from one side."""
    return f"Circuit Connection to {far_node} port {far_port}"


def circuit_block(a_node: str, a_port: str, b_node: str, b_port: str) -> str:
    return f"{a_node}:{a_port} <--> {b_node}:{b_port}"


def circuit_subscription(circuit_id: int, block: str) -> str:
    return f"Circuit ID {circuit_id}: {block}"


def parent_prefix(block: str) -> str:
    return f"{block} Parent /64"


def point_to_point_prefix(block: str) -> str:
    return f"{block} Point-to-Point"

"""The config texts an engineer pastes into a router. Each text's first line names the router."""

from dataclasses import dataclass

from settings import settings

MAINTENANCE_METRIC = 15000000
NORMAL_METRIC = 10
WORKSHOP_NET = "49.0001.0123.4567.890a.0001.00"
AREA = "49.0001"


def node_config(node_name: str, ipv4_loopback: str, ipv6_loopback: str) -> str:
    return f"""! Paste the following config into {node_name}:
! to complete configuring the device
!
enable
configure terminal
!
hostname {node_name}
!
interface loopback 0
!
ip address {ipv4_loopback}
ipv6 address {ipv6_loopback}
!
exit
!
end
copy running-config startup-config"""


def node_removal(node_name: str) -> str:
    return f"""! Paste the following config into {node_name}:
! to remove the node's configuration from the device
!
enable
configure terminal
!
interface loopback 0
no ip address
no ipv6 address
exit
no interface loopback 0
!
end
copy running-config startup-config"""


@dataclass
class Endpoint:
    """One side of a circuit as its router sees it."""

    node: str
    port: str
    far_node: str
    far_port: str
    address: str  # with prefix length
    loopback: str  # the router's IPv4 loopback, from which its own NET is derived
    description: str


def router_net(loopback: str) -> str:
    """The router's own NET: 10.0.0.1 -> 010000000001 -> 49.0001.0100.0000.0001.00.

    The workshop's template gives every router one NET, and IS-IS forms no adjacency between
    routers with the same system ID.
    """
    if settings.ISIS_NET_ASSIGNMENT == "workshop-template":
        return WORKSHOP_NET
    octets = loopback.split("/")[0].split(".")
    digits = "".join(f"{int(octet):03d}" for octet in octets)
    return f"{AREA}.{digits[0:4]}.{digits[4:8]}.{digits[8:12]}.00"


def endpoint_config(side: Endpoint, under_maintenance: bool) -> str:
    metric = MAINTENANCE_METRIC if under_maintenance else NORMAL_METRIC
    per_interface = settings.ISIS_METRIC_PLACEMENT == "per-interface"
    interface_metric = f"\n isis ipv6 metric {metric} level-2" if per_interface else ""
    router_metric = "" if per_interface else f"\n  metric {metric}"
    return f"""! Paste the following config into {side.node}:
! to complete configuring the device
interface {side.port}
 description {side.description}
 ipv6 address {side.address}
 ipv6 router isis
 isis network point-to-point{interface_metric}
!
router isis
 net {router_net(side.loopback)}
 is-type level-2-only
 metric-style wide
 passive-interface default
 no passive-interface {side.port}
 address-family ipv6 unicast{router_metric}
  redistribute connected
  exit-address-family
!
end
!"""


def endpoint_removal(side: Endpoint) -> str:
    return f"""! Paste the following config into {side.node}:
! to remove the circuit from the device
interface {side.port}
 no description
 no ipv6 address {side.address}
 no ipv6 router isis
 no isis network point-to-point
 no isis ipv6 metric level-2
!
router isis
 passive-interface {side.port}
!
end
!"""


def endpoints(circuit: dict) -> tuple[Endpoint, Endpoint]:
    """Both sides of a circuit block (as a dict, the way it sits in a process state), A then B."""
    a, b = circuit["members"]

    def side(this: dict, far: dict) -> Endpoint:
        return Endpoint(
            node=this["port"]["node"]["node_name"],
            port=this["port"]["port_name"],
            far_node=far["port"]["node"]["node_name"],
            far_port=far["port"]["port_name"],
            address=this["v6_ip_address"],
            loopback=this["port"]["node"]["ipv4_loopback"],
            description=this["port"]["port_description"],
        )

    return side(a, b), side(b, a)

"""Settings of the app, from the environment."""

from pydantic import BaseSettings


class AppSettings(BaseSettings):
    # OrchLab serves NetBox at <base>/netbox and requires a token.
    NETBOX_URL: str = "http://127.0.0.1:8000/netbox"
    NETBOX_TOKEN: str = ""
    # "exercises": the workflows as handed out; "solved": with solutions/ in their place.
    WORKFLOWS: str = "exercises"
    # "per-router": each router its own IS-IS NET, derived from its IPv4 loopback;
    # "workshop-template": the workshop's one NET for every router (no adjacency forms).
    ISIS_NET_ASSIGNMENT: str = "per-router"
    # "per-interface": `isis ipv6 metric N level-2` on the circuit's interface;
    # "router-wide": the workshop's `metric N` under `address-family ipv6 unicast`.
    ISIS_METRIC_PLACEMENT: str = "per-interface"


settings = AppSettings()

if settings.WORKFLOWS not in ("exercises", "solved"):
    raise ValueError(f"WORKFLOWS must be 'exercises' or 'solved', not {settings.WORKFLOWS!r}")
if settings.ISIS_NET_ASSIGNMENT not in ("per-router", "workshop-template"):
    raise ValueError(f"ISIS_NET_ASSIGNMENT must be 'per-router' or 'workshop-template', not {settings.ISIS_NET_ASSIGNMENT!r}")
if settings.ISIS_METRIC_PLACEMENT not in ("per-interface", "router-wide"):
    raise ValueError(f"ISIS_METRIC_PLACEMENT must be 'per-interface' or 'router-wide', not {settings.ISIS_METRIC_PLACEMENT!r}")

"""Differences between a subscription and what NetBox holds, as the validate workflows report them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Difference:
    source: str  # where the found value comes from, e.g. "netbox device 3"
    field: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.source}: {self.field} expected {self.expected}, found {self.found}"


def compare(source: str, checks: list[tuple[str, object, object]]) -> list[Difference]:
    """A difference for each (field, expected, found) whose values differ; None shows as `none`."""
    def text(value: object) -> str:
        return "none" if value is None else str(value)

    return [Difference(source, field, text(expected), text(found))
            for field, expected, found in checks if text(expected) != text(found)]


def missing(source: str) -> list[Difference]:
    return [Difference(source, "existence", "present", "missing")]


def refuse(differences: list[Difference]) -> None:
    """Fails the step, listing every difference, so the process shows all of them at once."""
    if differences:
        raise ValueError(f"{len(differences)} difference(s) with NetBox: " + "; ".join(map(str, differences)))

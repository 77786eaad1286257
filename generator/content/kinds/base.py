"""What every kind is: `Kind` reads a located node and describes itself as JSON Schema, and
records what does not fit in the `Context` as a located Dutch problem, returning INVALID.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...base.problems import Location, Problem
from ..characters import find_hidden
from ..load import Mapping, Node, Scalar, Sequence, Source
from .checks import locate_character

INVALID = object()  # returned by a kind when the value could not be read


@dataclass
class Context:
    """What a check needs besides the node: where it is, and where to put what it finds."""

    source: Source
    problems: list[Problem]
    ids: list[tuple[str, str, Location, str]] = field(default_factory=list)  # kind, id, at, path
    refs: list[tuple[str, str, Location, str]] = field(default_factory=list)
    links: list[tuple[str, str, Location, str]] = field(default_factory=list)  # folder, target

    def problem(self, location: Location, path: str, message: str) -> None:
        prefix = f"{path}: " if path else ""
        self.problems.append(Problem(location, prefix + message))


class Kind:
    """A kind of value; subclasses read a node and describe themselves as JSON Schema."""

    description = ""

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def example(self) -> str:
        return "..."

    def build(self, value: Any) -> Any:
        """The model's value for a checked value (records become their dataclass)."""
        return value

    def written(self, value: Any) -> Any:
        """A model value as the content files write it: the inverse of `build` (open data)."""
        return value

    def _scalar(self, node: Node, path: str, ctx: Context, expected: str) -> Scalar | None:
        if isinstance(node, Scalar) and (node.value != "" or node.quoted):
            hidden = find_hidden(node.value)
            if hidden is None:
                return node
            at = locate_character(node, hidden.offset, ctx.source)
            ctx.problem(at or node.location, path, hidden.message(at.column if at else None))
            return None
        found = {Mapping: "een blok met velden", Sequence: "een lijst"}.get(type(node), "niets")
        ctx.problem(node.location, path, f"verwacht {expected}, maar vond {found}")
        return None

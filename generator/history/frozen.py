"""A published edition as a model again: content/edities/<jaar>.yaml -> `Handreiking`.

Every edition stays readable at its own fixed address (/editie/<jaar>/...), rendered from its
snapshot with today's templates. The snapshot holds the content as the editors wrote it, so
it is read with today's kinds, like content, but tolerantly: a field the schema no longer
knows is left out, and what an edition's own check once accepted is not refused again. What
today's templates cannot show (a record that lacks a field today's model requires) is an
`UnshowableEdition` that names the edition file, never a crash of the build.

Reading a snapshot this way costs about as much as checking the content; the site stage only
does it when an edition's pages are not in its cache (site/frozen.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base.problems import Location, Problem
from ..content.kinds import INVALID, Context
from ..content.load import Mapping, Sequence, read_source
from ..content.model import Handreiking
from ..content.schema import EDITIE, FILES, PAGINA
from .snapshots import Snapshot


class UnshowableEdition(Exception):
    """An edition cannot be shown with today's model; `problems` say why, located."""

    def __init__(self, problems: list[Problem]):
        super().__init__("editie kan niet worden getoond")
        self.problems = problems


@dataclass
class Frozen:
    """A published edition as the renderers need it: its model and its place in history."""

    snapshot: Snapshot
    handreiking: Handreiking
    nieuwste: bool  # the latest published edition
    jaren: tuple[int, ...] = ()  # every published edition, oldest first
    correcties: list[Any] = field(default_factory=list)  # ledger.Correctie of this edition


def model_of(root: Path, snapshot: Snapshot) -> Handreiking:
    """The model of a published edition; UnshowableEdition when today's model cannot hold it."""
    source = read_source(root / snapshot.path, snapshot.path, root)
    problems: list[Problem] = []
    ctx = Context(source, problems)  # tolerant: what today's schema says about it is not shown
    top = source.root
    inhoud = _child(top, "inhoud")
    values: dict[str, Any] = {}
    for spec in FILES:
        if spec.key == "editie":
            node = _child(top, "editie")
            values["editie"] = EDITIE.check(node, "editie", ctx) if node is not None else None
            continue
        node = _child(inhoud, spec.key)
        value = spec.kind.check(node, spec.key, ctx) if node is not None else []
        values[spec.key] = _complete(value if value is not INVALID else [], spec)
    pages = []
    for index, node in enumerate(_items(_child(inhoud, "paginas"))):
        front = PAGINA.check(_without(node, ("slug", "tekst")), f"paginas[{index}]", ctx)
        slug, tekst = _scalar(node, "slug"), _scalar(node, "tekst")
        if front is INVALID or not slug:
            continue
        pages.append({**front, "slug": slug, "body": tekst or "", "path": snapshot.path})
    if not isinstance(values.get("editie"), dict) or "jaar" not in values["editie"]:
        raise UnshowableEdition([_problem(snapshot, "de editie zelf (editie:) is niet te lezen")])
    files = {spec.key: snapshot.path for spec in FILES}
    try:
        return Handreiking.from_checked(values, pages, files)
    except (KeyError, TypeError) as error:
        raise UnshowableEdition(
            [
                _problem(
                    snapshot,
                    f"editie {snapshot.jaar} past niet meer in het model van de generator "
                    f"({error}); leer generator/history/frozen.py dit oude formaat lezen",
                )
            ]
        ) from None


def _complete(records: list, spec) -> list:
    """The records that have every field today's model requires; an old snapshot may lack one."""
    item = getattr(spec.kind, "item", None)
    if item is None or not isinstance(records, list):
        return records
    required = [f.key for f in item.fields if f.required]
    return [r for r in records if isinstance(r, dict) and all(k in r for k in required)]


def _problem(snapshot: Snapshot, message: str) -> Problem:
    return Problem(Location(snapshot.path, 1, 1), message)


def _child(node, key: str):
    if isinstance(node, Mapping) and key in node.items:
        return node.items[key][1]
    return None


def _items(node) -> list:
    return list(node.items) if isinstance(node, Sequence) else []


def _scalar(node, key: str) -> str | None:
    child = _child(node, key)
    return getattr(child, "value", None)


def _without(node, keys: tuple[str, ...]):
    """A mapping node without `keys` (a snapshot's page adds slug and tekst to its front)."""
    if not isinstance(node, Mapping):
        return node
    return Mapping(node.location, {k: v for k, v in node.items.items() if k not in keys})

"""Which declared fields the minimal fixture fills, found from the declarations (issue 23).

Every record kind a content file holds is declared once (generator/content/model/); the
walk here follows those declarations through the checked values of the fixture, nested
records (a mijlpaal, a bedrag, a vermelding per field, an eindverantwoordelijke's block) and
the prose pages' front matter included. So a field added to a declaration is found here
without a line of its own, and a fixture that leaves it empty is named.

`without` gives the checked values with one field taken away (or, for a required text, put
another text in its place), so a test can see whether an output changes: an output that
stays the same does not show that field.

A reason in content/verwijderd.yaml may only name a record that an edition published, and the
minimal fixture has no edition (the hostile corpus builds on exactly that). `later_project`
makes the fixture's later life in a copy: edition 2021 published, then a maatregel removed
with its reason (tests/fixtures/minimal-na-editie) and one marked as changed in substance.
"""

from __future__ import annotations

import copy
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.content.kinds import Kind, ListOf, PerVeld, Record, Text, Toekenning
from generator.content.model import Maatregel
from generator.content.schema import FILES, PAGINA, RECORDS

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
LATER = ROOT / "tests" / "fixtures" / "minimal-na-editie"  # what the editors add after 2021
PUBLISHED = date(2021, 3, 1)  # the day edition 2021 of the copy is published
REMOVED = "koppelen"  # the maatregel the editors take out after edition 2021
MARK = re.compile(r"^    inhoudelijk_gewijzigd: .*\n", re.M)

PAGES = "paginas"  # the key the walk gives the prose pages (Checked.pages)
# The block of an eindverantwoordelijke that says where it comes from (kinds.Toekenning): a
# record of its own, declared inside the kind rather than on a model dataclass.
TOEKENNING = Maatregel.record.field("eindverantwoordelijken").kind.item.block
KINDS: tuple[Record, ...] = (*RECORDS, PAGINA, TOEKENNING)
CHANGED_TEXT = "Door de test veranderd"


@dataclass(frozen=True)
class Filled:
    """One filled field: `record`.`field` at `path` in the checked values (or the pages),
    inside the fields `within` ('maatregel.vermeld_in' for the vindplaats of a vermelding)."""

    record: str
    field: str
    path: tuple[str | int, ...]
    required: bool
    text: bool  # a text (Text, Markdown): a required one can be changed instead of removed
    within: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.record}.{self.field}"


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return not any(not str(k).startswith("_") for k in value)
    return value is None or value == "" or value == [] or value == ()


def _walk(kind: Kind, value: Any, path: tuple, within: tuple = ()) -> Iterator[Filled]:
    if isinstance(kind, ListOf) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(kind.item, item, (*path, index), within)
    elif isinstance(kind, Toekenning) and isinstance(value, dict):
        yield from _walk(kind.block, value, path, within)
    elif isinstance(kind, PerVeld) and isinstance(value, dict):
        for key, item in value.items():
            if not key.startswith("_"):
                yield from _walk(kind.item, item, (*path, key), within)
    elif isinstance(kind, Record) and isinstance(value, dict):
        for f in kind.fields:
            if f.key in value and not _empty(value[f.key]):
                at = (*path, f.key)
                text = isinstance(f.kind, Text)
                yield Filled(kind.name, f.key, at, f.required, text, within)
                yield from _walk(f.kind, value[f.key], at, (*within, f"{kind.name}.{f.key}"))


def filled(values: dict[str, Any], pages: list[dict[str, Any]]) -> list[Filled]:
    """Every filled field of every record in the checked values and the prose pages."""
    found = []
    for spec in FILES:
        if spec.key in values:
            found += _walk(spec.kind, values[spec.key], (spec.key,))
    for index, page in enumerate(pages):
        found += _walk(PAGINA, page, (PAGES, index))
    return found


def unfilled(found: list[Filled]) -> list[str]:
    """'<record>.<field>' for every optional field of every declared record kind that no
    record fills; '<record>' for a kind the content never holds at all."""
    have = {(f.record, f.field) for f in found}
    kinds = {f.record for f in found}
    missing = []
    for kind in KINDS:
        if kind.name not in kinds:
            missing.append(kind.name)
            continue
        missing += [
            f"{kind.name}.{f.key}"
            for f in kind.fields
            if not f.required and (kind.name, f.key) not in have
        ]
    return missing


def without(
    values: dict[str, Any], pages: list[dict[str, Any]], field: Filled
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Copies of `values` and `pages` with `field` taken away; a required text becomes
    CHANGED_TEXT instead (a record without it is not content)."""
    values, pages = copy.deepcopy(values), copy.deepcopy(pages)
    container: Any = {**values, PAGES: pages}
    for step in field.path[:-1]:
        container = container[step]
    key = field.path[-1]
    if field.required:
        if not field.text:
            raise ValueError(f"{field.name}: only a required text can be changed")
        container[key] = CHANGED_TEXT
    else:
        del container[key]
    return values, pages


def later_project(target: Path, today: date) -> Path:
    """A copy of the minimal fixture after its edition 2021, as the editors would make it:
    edition 2021 published (`publish`, which writes the edition and the ledger) from the
    fixture without its mark `inhoudelijk_gewijzigd`; then that mark set again, maatregel
    REMOVED taken out and the files of tests/fixtures/minimal-na-editie added (the reason in
    content/verwijderd.yaml). Without git, as the tests' other copies."""
    from generator.history.editions import publish
    from generator.site.build import generate

    shutil.copytree(FIXTURE, target)
    maatregelen = target / "maatregelen.yaml"
    text = maatregelen.read_text(encoding="utf-8")
    assert len(MARK.findall(text)) == 1, "the fixture marks one maatregel as changed"
    maatregelen.write_text(MARK.sub("", text), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDREIKING_PDF", "0")  # the PDF is not an address that can be lost
        checked, files = generate(target, today)
        publish(target, 2021, checked, files, datum=PUBLISHED)
    block = re.compile(rf"^  - id: {REMOVED}\n(?:(?!  - |  #).*\n)*", re.M)
    assert len(block.findall(text)) == 1, f"maatregel {REMOVED} is in the fixture"
    maatregelen.write_text(block.sub("", text), encoding="utf-8")
    shutil.copytree(LATER, target, dirs_exist_ok=True)
    return target

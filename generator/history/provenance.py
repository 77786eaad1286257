"""Where a fact comes from, and the changelog line when that changes.

A field is inferred by the editors (`afgeleid: {veld: reden}`), stated in a bron of its own
(`bronvermelding: {veld: {bron, vindplaats}}`), or else stated where its record is: in a bron
(`vermeld_in: {bron, vindplaats}`), or, without one, in the handreiking at the record's place
(`sectie` 'paragraaf 4.3.2', `hoofdstuk`). A line names that place truthfully:

    'aanvraagperiode staat nu in ‘Staatscourant 2022, 1234’ (artikel 4) (was afgeleid)'
    'status staat nu in de handreiking, paragraaf 4.3.2 (was afgeleid)'
    'staat nu in ‘Wet COA’ (artikel 3) (was de handreiking, paragraaf 4.2.1)'

It never says "in de handreiking" when the source is another document, and says nothing of a
place it does not know (an organisatie has no paragraph: 'is niet meer afgeleid').
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.kinds import PerVeld, Record, Sectie
from .wording import Names, norm, sentences

OWN = ("afgeleid", "bronvermelding")  # the maps that give one field its own source
RECORD = ("vermeld_in",)  # where the record as a whole is stated, besides its place


@dataclass(frozen=True)
class Herkomst:
    """Where one fact is stated: 'afgeleid' (with the editors' reason), 'bron' or 'handreiking'."""

    soort: str
    bron: str | None = None  # the bron's id
    plaats: str | None = None  # its vindplaats, or 'paragraaf 4.3.2' in the handreiking
    reden: str | None = None  # why the editors inferred it (not compared)

    @property
    def key(self) -> tuple:
        return (self.soort, self.bron, self.plaats)

    def at(self, names: Names) -> str:
        """'‘Wet COA’ (artikel 3)', 'de handreiking, paragraaf 4.3.2'."""
        if self.soort == "bron":
            return f"‘{names.of('bron', self.bron)}’" + (f" ({self.plaats})" if self.plaats else "")
        return "de handreiking" + (f", {self.plaats}" if self.plaats else "")

    def was(self, names: Names) -> str:
        """The same after 'was', without nested brackets: '‘Wet COA’, artikel 3', 'afgeleid'."""
        if self.soort == "afgeleid":
            return "afgeleid"
        if self.soort == "bron":
            return f"‘{names.of('bron', self.bron)}’" + (f", {self.plaats}" if self.plaats else "")
        return self.at(names)


def of_record(declaration: Record, record: dict) -> Herkomst | None:
    """Where a record is stated: its `vermeld_in`, else its place in the handreiking."""
    vermeld = record.get("vermeld_in")
    if declaration.has("vermeld_in") and isinstance(vermeld, dict) and vermeld.get("bron"):
        return Herkomst("bron", vermeld["bron"], norm(vermeld.get("vindplaats")) or None)
    place = next(
        (f for f in declaration.fields if isinstance(f.kind, Sectie) and record.get(f.key)), None
    )
    if place is None:
        return None
    return Herkomst("handreiking", plaats=f"{place.label.lower()} {norm(record[place.key])}")


def of_field(declaration: Record, record: dict, key: str) -> Herkomst | None:
    """Where one field of a record is stated: inferred, its own bron, else the record's."""
    reden = (record.get("afgeleid") or {}).get(key)
    if reden:
        return Herkomst("afgeleid", reden=str(reden))
    own = (record.get("bronvermelding") or {}).get(key)
    if isinstance(own, dict) and own.get("bron"):
        return Herkomst("bron", own["bron"], norm(own.get("vindplaats")) or None)
    return of_record(declaration, record)


def of_toekenning(declaration: Record, record: dict, key: str, item: Any) -> Herkomst | None:
    """Where an eindverantwoordelijke is named: inferred, another paragraph, or as its field."""
    if isinstance(item, dict) and item.get("afgeleid"):
        return Herkomst("afgeleid", reden=str(item["afgeleid"]))
    if isinstance(item, dict) and item.get("genoemd"):
        return Herkomst("handreiking", plaats=f"paragraaf {norm(item['genoemd'])}")
    return of_field(declaration, record, key)


def line(subject: str, before: Herkomst | None, after: Herkomst | None, names: Names) -> str:
    """The sentence for a fact whose source changed from `before` to `after`."""
    if after is not None and after.soort == "afgeleid":
        reden = f": {sentences(after.reden)}" if after.reden else ""
        return f"{subject} is nu afgeleid door de redactie{reden}".lstrip()
    if after is None:
        if before is not None and before.soort == "afgeleid":
            return f"{subject} is niet meer afgeleid door de redactie".lstrip()
        return f"{subject} staat niet meer in {before.at(names)}".lstrip()
    was = f" (was {before.was(names)})" if before is not None else ""
    return f"{subject} staat nu in {after.at(names)}{was}".lstrip()


def changes(declaration: Record, old: dict, new: dict, names: Names) -> tuple[list[str], set[str]]:
    """The lines for every change of source in one record, and the fields they said already
    (so the field-by-field comparison leaves them out)."""
    said = {f.key for f in declaration.fields if isinstance(f.kind, PerVeld) or f.key in RECORD}
    places = said | {f.key for f in declaration.fields if isinstance(f.kind, Sectie)}
    if all(norm(old.get(key)) == norm(new.get(key)) for key in places):
        return [], said  # every source is where it was
    lines = []
    before, after = of_record(declaration, old), of_record(declaration, new)
    if _differs(before, after) and not (before and after and before.soort == after.soort):
        lines.append(line("", before, after, names))
        said |= {f.key for f in declaration.fields if isinstance(f.kind, Sectie)}
    elif _differs(before, after) and before.soort == "bron":  # another bron or vindplaats
        lines.append(line("", before, after, names))
    listed = set()
    for name in OWN:
        for version in (old, new):
            value = version.get(name)
            listed |= set(value) if isinstance(value, dict) else set()
    for f in declaration.fields:
        if f.key not in listed or f.key in said:
            continue
        if norm(old.get(f.key)) in (None, {}, []) or norm(new.get(f.key)) in (None, {}, []):
            continue  # a value that came or went: its own line says so
        was, now = of_field(declaration, old, f.key), of_field(declaration, new, f.key)
        if _differs(was, now):
            lines.append(line(f.label.lower(), was, now, names))
    return lines, said


def _differs(a: Herkomst | None, b: Herkomst | None) -> bool:
    return (a.key if a else None) != (b.key if b else None)

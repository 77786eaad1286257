"""Two versions of one record: every change, in the order of its fields, in words.

How a field is compared and worded follows from its declaration in `model` (its kind and
label), so a new field is in the changelog without a line here: a fact (a date, a number, an
id, a short text) reads "kenmerk van A naar B", a list of references names what was added or
dropped, a list of records (links, bijlagen, voorgangers) each item by what identifies it (its
first required field), a text of its own (a betekenis, a toelichting) what changed in it. A
toelichting under a value (a bedrag, a kerncijfer, contactgegevens) is never a change by
itself.
"""

from __future__ import annotations

from typing import Any

from ..base.dates import words_of as words
from ..content.kinds import Field, ListOf, Record, Ref, Text, Toekenning, Url
from . import provenance, timeline
from .prose import PROSE, blocks, field_change, text_change
from .wording import (
    Names,
    formatter,
    from_to,
    item_formatter,
    norm,
    org_id,
    sentences,
    singular,
    status,
    titel,
)

ENDED = ("afgerond", "vervallen")
# Fields with a sentence of their own, or that are no change to a reader.
SPECIAL = {"id", "titel", "naam", "status", "vorige_ids", "inhoudelijk_gewijzigd"}
# The facts a "nieuw opgenomen" line names, per kind, in this order.
KEY_FACTS = {
    "maatregel": ("sectie", "vermeld_in", "status", "eindverantwoordelijken"),
    "regeling": (
        "vermeld_in",
        "bedrag",
        "verstrekker",
        "eindverantwoordelijken",
        "kenmerk",
        "aanvraagperiode",
        "status",
    ),
    "opgave": ("hoofdstuk",),
    "organisatie": ("soort", "voorgangers"),
    "bron": ("soort", "kenmerk", "datum"),
    "begrip": ("betekenis",),
}
# What moves when an organisatie in the field is succeeded: 'eindverantwoordelijkheid van JenV
# naar AenM (sinds 2 juli 2024)'.
ROLES = {"eindverantwoordelijken": "eindverantwoordelijkheid", "betrokkenen": "betrokkenheid"}
# Items of a list of records that read as a sentence: the fields it says, and how.
DESCRIBED = {
    "opvolging": (
        ("sinds", "taken"),
        lambda item: (
            f"taken overgenomen sinds {words(item.get('sinds'))}"
            + (f" ({sentences(item['taken']).rstrip('.')})" if item.get("taken") else "")
        ),
    ),
}


def introduced(kind: str, declaration: Record, record: dict, names: Names) -> str:
    """'nieuw opgenomen (€ 40 miljoen eenmalig; verstrekker: BZK; status: beschikbaar)'.

    Facts are separated by semicolons: a kenmerk ('TK 2020–2021, 19 637, nr. 2684') has commas.
    """
    facts = []
    for key in KEY_FACTS.get(kind, ()):
        if not declaration.has(key) or record.get(key) in (None, "", []):
            continue
        f = declaration.field(key)
        item = f.kind.item if isinstance(f.kind, ListOf) else None
        if isinstance(item, Record) and item.name in DESCRIBED:
            facts += [
                f"{singular(f.label.lower())} {_shown(f.kind.item, item, names)}: "
                + DESCRIBED[f.kind.item.name][1](item)
                for item in record[key]
                if isinstance(item, dict)
            ]
            continue
        if isinstance(f.kind, ListOf):
            value = ", ".join(filter(None, map(item_formatter(f, names), record[key])))
            label = f.label.lower() if len(record[key]) > 1 else singular(f.label.lower())
        else:
            value, label = formatter(f, names)(record[key]), f.label.lower()
        if key in provenance.RECORD:  # 'vermeld in ‘Wet COA’ (artikel 3)'
            herkomst = provenance.of_record(declaration, record)
            facts += [f"{label} {herkomst.at(names)}"] if herkomst else []
        elif key in ("bedrag", "soort"):  # '€ 40 miljoen eenmalig', 'kamerstuk': they say it
            facts.append(value)
        elif key in ("sectie", "hoofdstuk"):  # 'paragraaf 4.2.1'
            facts.append(f"{label} {value}")
        else:
            facts.append(f"{label}: {value}")
    return "nieuw opgenomen" + (f" ({'; '.join(facts)})" if facts else "")


class RecordDiff:
    """The changes between two versions of one record of `declaration`."""

    def __init__(self, declaration: Record, old: dict, new: dict, names: Names):
        self.declaration, self.old, self.new, self.names = declaration, old, new, names

    def changes(self) -> list[tuple[str, str, bool]]:
        """(groep, wat, inhoudelijk) for every change, in the order of the record's fields."""
        declaration, old, new = self.declaration, self.old, self.new
        found: list[tuple[str, str, bool]] = []
        name = next((k for k in ("titel", "naam") if declaration.has(k)), None)
        if name and norm(old.get(name)) != norm(new.get(name)):
            label = declaration.field(name).label.lower()
            found.append(("gewijzigd", f"{label} was eerst ‘{titel(old)}’", False))
        if declaration.has("status") and norm(old.get("status")) != norm(new.get("status")):
            before, after = status(old.get("status")), status(new.get("status"))
            if new.get("status") in ENDED:
                found.append(("beeindigd", f"{after} (was: {before})", True))
            else:
                found.append(("gewijzigd", f"status van {before} naar {after}", True))
        herkomst, said = provenance.changes(declaration, old, new, self.names)
        for f in declaration.fields:
            if f.key in SPECIAL or f.key in PROSE or f.key in said:
                continue
            before, after = old.get(f.key), new.get(f.key)
            if norm(before) != norm(after):
                found += [("gewijzigd", wat, True) for wat in self.field(f, before, after)]
        found += [("gewijzigd", wat, True) for wat in herkomst]
        if any(declaration.has(key) for key in PROSE):
            text = text_change("tekst", blocks(old), blocks(new), self.names.mentions)
            found += [("gewijzigd", text, True)] if text else []
        marked = new.get("inhoudelijk_gewijzigd")
        if marked and norm(old.get("inhoudelijk_gewijzigd")) != norm(marked):
            wat = f"inhoudelijk gewijzigd volgens de redactie ({words(marked)})"
            found.append(("gewijzigd", wat, True))
        return found

    def field(self, f: Field, before: Any, after: Any, nested: bool = False) -> list[str]:
        """The sentences for one changed field, by what its kind is."""
        label, kind, names = f.label.lower(), f.kind, self.names
        if f.key == "tijdspad":
            return timeline.tijdspad(before, after, names.mentions)
        if f.key == "kerncijfers":
            return timeline.kerncijfers(before, after)
        item = kind.item if isinstance(kind, ListOf) else None
        if isinstance(item, Toekenning) or (isinstance(item, Ref) and item.target == "organisatie"):
            return self.organisaties(f, before or [], after or [])
        if isinstance(item, Ref):
            return [self.references(f, before or [], after or [])]
        if isinstance(item, Record):
            return self.items(f, before or [], after or [])
        if item is not None:
            return self.values(f, before or [], after or [])
        if isinstance(kind, Record) and f.key != "bedrag":  # contact: each fact of its own
            before, after = before or {}, after or {}
            return [
                wat
                for sub in kind.fields
                if sub.key not in SPECIAL and norm(before.get(sub.key)) != norm(after.get(sub.key))
                for wat in self.field(sub, before.get(sub.key), after.get(sub.key), nested=True)
            ]
        if isinstance(kind, Text) and not kind.single_line:
            if nested:
                return []  # a toelichting under a value is no change by itself
            change = field_change(label, before, after, names.mentions)
            return [change] if change else []
        show = formatter(f, names)
        a, b = show(before), show(after)
        if a == b:
            return []
        since = None
        if isinstance(kind, Ref) and kind.target == "organisatie" and before and after:
            since = names.sinds(after, before)
        return [from_to(label, a, b) + (f" (sinds {since})" if since else "")]

    def organisaties(self, f: Field, old: list, new: list) -> list[str]:
        """Organisaties added, dropped, succeeded, or now named or inferred differently."""
        label, names = f.label.lower(), self.names
        one = singular(label)
        old_ids, new_ids = [org_id(o) for o in old], [org_id(o) for o in new]
        were, are = set(old_ids), set(new_ids)
        added = [o for o in new_ids if o not in were]
        gone = [o for o in old_ids if o not in are]
        moves = []
        for b in list(added):
            a = next((a for a in gone if names.sinds(b, a)), None)
            if a is not None:
                role = ROLES.get(f.key, one)
                moves.append(
                    f"{role} van {names.of('organisatie', a)} naar {names.of('organisatie', b)} "
                    f"(sinds {names.sinds(b, a)})"
                )
                added.remove(b)
                gone.remove(a)
        shown = (
            [names.of("organisatie", o) for o in added],
            [names.of("organisatie", o) for o in gone],
        )
        herkomst = self._toekenningen(f, one, old, new)
        if added and gone and len(old) == len(new) == 1:
            return [f"{one} was {shown[1][0]}, nu {shown[0][0]}", *herkomst]
        parts = [f"{', '.join(shown[0])} toegevoegd"] if added else []
        parts += [f"{', '.join(shown[1])} niet meer genoemd"] if gone else []
        if not parts and not herkomst and not moves:  # the same organisations in another order
            return [f"volgorde van de {label} gewijzigd"]
        return moves + ([f"{label}: " + "; ".join(parts)] if parts else []) + herkomst

    def _toekenningen(self, f: Field, one: str, old: list, new: list) -> list[str]:
        """An organisatie still named, now inferred by the editors or now stated (and where)."""
        if not isinstance(f.kind.item, Toekenning):
            return []
        earlier = {org_id(o): o for o in old}
        lines = []
        for o in new:
            before = earlier.get(org_id(o))
            if before is None or _mark(before) == _mark(o):
                continue
            subject = f"{one} {self.names.of('organisatie', org_id(o))}"
            was = provenance.of_toekenning(self.declaration, self.old, f.key, before)
            now = provenance.of_toekenning(self.declaration, self.new, f.key, o)
            lines.append(provenance.line(subject, was, now, self.names))
        return lines

    def references(self, f: Field, old: list, new: list) -> str:
        """'bronnen: ‘Kamerbrief over …’ toegevoegd' for a list of references, named by title."""
        target, before, after = f.kind.item.target, set(old), set(new)
        added = [f"‘{self.names.of(target, r)}’" for r in new if r not in before]
        gone = [f"‘{self.names.of(target, r)}’" for r in old if r not in after]
        label = "financiering" if f.key == "regelingen" else f.label.lower()
        noun = f"{target} " if f.key == "regelingen" else ""
        parts = [f"{noun}{', '.join(added)} toegevoegd"] if added else []
        parts += [f"{noun}{', '.join(gone)} niet meer genoemd"] if gone else []
        return f"{label}: " + ("; ".join(parts) if parts else "volgorde gewijzigd")

    def items(self, f: Field, old: list, new: list) -> list[str]:
        """Items of a list of records added, dropped or changed, each named by what identifies
        it: 'link ‘Factsheet’ toegevoegd', 'voorganger JenV toegevoegd: taken overgenomen …'."""
        record: Record = f.kind.item
        key = _identity(record)
        noun = singular(f.label.lower())

        def shown(item: dict) -> str:
            return _shown(record, item, self.names)

        old_by = {norm(r.get(key.key)): r for r in old if isinstance(r, dict)}
        new_by = {norm(r.get(key.key)): r for r in new if isinstance(r, dict)}
        said, describe = DESCRIBED.get(record.name, ((), None))
        lines = []
        for ident, item in new_by.items():
            subject = f"{noun} {shown(item)}"
            if ident not in old_by:
                lines.append(f"{subject} toegevoegd" + (f": {describe(item)}" if describe else ""))
                continue
            before = old_by[ident]
            if describe and any(norm(before.get(k)) != norm(item.get(k)) for k in said):
                lines.append(f"{subject} gewijzigd: {describe(item)}")
            for sub in record.fields:
                if sub is key or sub.key in said:
                    continue
                a, b = before.get(sub.key), item.get(sub.key)
                if norm(a) == norm(b):
                    continue
                if isinstance(sub.kind, Url):
                    lines.append(f"{subject} heeft een nieuw webadres")
                else:
                    lines += [f"{subject}: {wat}" for wat in self.field(sub, a, b, nested=True)]
        lines += [
            f"{noun} {shown(r)} niet meer genoemd" for i, r in old_by.items() if i not in new_by
        ]
        return lines

    def values(self, f: Field, old: list, new: list) -> list[str]:
        """A list of plain values: each value added or dropped."""
        show, noun = item_formatter(f, self.names), singular(f.label.lower())
        before, after = {repr(norm(v)) for v in old}, {repr(norm(v)) for v in new}
        lines = [f"{noun} ‘{show(v)}’ toegevoegd" for v in new if repr(norm(v)) not in before]
        lines += [
            f"{noun} ‘{show(v)}’ niet meer genoemd" for v in old if repr(norm(v)) not in after
        ]
        return lines


def _identity(record: Record) -> Field:
    """What identifies an item of a list of records: its first required field."""
    return next((sub for sub in record.fields if sub.required), record.fields[0])


def _shown(record: Record, item: dict, names: Names) -> str:
    """An item by what identifies it: 'JenV' (a reference), '‘Factsheet’' (a text)."""
    key = _identity(record)
    value = formatter(key, names)(item.get(key.key))
    return value if isinstance(key.kind, Ref) else f"‘{value}’"


def _mark(item: Any) -> tuple:
    """How an eindverantwoordelijke is marked itself: inferred, or named in another paragraph."""
    if not isinstance(item, dict):
        return ()
    return ("afgeleid",) if item.get("afgeleid") else ("genoemd", norm(item.get("genoemd")))

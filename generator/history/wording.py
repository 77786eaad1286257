"""Values in words, as a changelog line says them: names of referenced records, dates, amounts,
statuses, and quotations that never end mid-sentence.

How a value reads follows from its field's declaration in `model` (its kind and label): a date
in words, an enum value as its label, an id as the name of what it points at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..base.dates import words_of as words
from ..base.dutch import euro, number
from ..content.kinds import Datum, Enum, Euro, Field, Number, Record, Ref, Toekenning
from ..content.model import SOORT_BEDRAG_LABELS, STATUS_LABELS
from .changes import KINDS
from .mentions import Mentions
from .snapshots import Inhoud

SINGULAR = {
    "eindverantwoordelijken": "eindverantwoordelijke",
    "betrokkenen": "betrokkene",
    "uitgevers": "uitgever",
    "links": "link",
    "bijlagen": "bijlage",
    "regelingen": "regeling",
    "bronnen": "bron",
    "voorgangers": "voorganger",
    "kerncijfers": "kerncijfer",
}
QUOTE_LIMIT = 160  # a quotation longer than this keeps its whole first sentences only
# A sentence ends at . ! ? … followed by a space and a capital (not 'nr. 2684', 'o.a. de').
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[‘“\"(]?[A-ZÀ-Þ])")


class Names:
    """What a reader calls a referenced record: an organisatie's short name, else the title.

    Both versions are asked, the newer first, so a record dropped in the new version is still
    named in the line that says it was dropped. The newer version also says which organisatie
    succeeded which (`sinds`), and every organisatie's name and abbreviation in either version
    is a fact a text can mention (`mentions`).
    """

    def __init__(self, oud: Inhoud, nieuw: Inhoud):
        self._by_kind: dict[str, dict[str, str]] = {}
        names: list[str] = []
        for version in (oud, nieuw):  # newer last: it wins
            for key, kind, _, _ in KINDS:
                table = self._by_kind.setdefault(kind, {})
                for r in _records(version, key):
                    table[r["id"]] = short_name(r) if kind == "organisatie" else titel(r)
            for r in _records(version, "organisaties"):
                names += [str(r[k]) for k in ("naam", "afkorting") if r.get(k)]
        self.mentions = Mentions(names)
        self._since = {
            (r["id"], v.get("organisatie")): v.get("sinds")
            for r in _records(nieuw, "organisaties")
            for v in r.get("voorgangers") or []
            if isinstance(v, dict) and v.get("sinds")
        }

    def of(self, kind: str, value: str | None) -> str | None:
        return self._by_kind.get(kind, {}).get(value, value) if value else None

    def sinds(self, opvolger: str, voorganger: str) -> str | None:
        """'2 juli 2024' when `opvolger` lists `voorganger` in its voorgangers, in the newer
        version, with that date; else None."""
        return words(self._since.get((opvolger, voorganger)))


def _records(version: Inhoud, key: str) -> list[dict]:
    return [r for r in version.get(key) or [] if isinstance(r, dict) and r.get("id")]


def short_name(organisatie: dict) -> str:
    return " ".join(str(organisatie.get("afkorting") or organisatie.get("naam")).split())


def titel(record: dict) -> str:
    return " ".join(str(record.get("titel") or record.get("naam") or record["id"]).split())


def sentences(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The text whitespace-normalised; past `limit` characters its whole first sentences (at
    least one) and '(…)' for the rest, so a quotation never ends mid-sentence."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    parts = SENTENCE_END.split(text)
    kept = parts[0]
    for part in parts[1:]:
        if len(kept) + 1 + len(part) > limit:
            break
        kept += " " + part
    return kept if kept == text else f"{kept} (…)"


def singular(label: str) -> str:
    """'eindverantwoordelijken' -> 'eindverantwoordelijke' (a label that is not a plural stays)."""
    return SINGULAR.get(label, label)


def formatter(f: Field, names: Names) -> Callable[[Any], str | None]:
    """How a fact of field `f` reads: a date in words, a status as its label, an id as a name."""
    kind = f.kind
    if f.key == "bedrag":
        return lambda value: bedrag(value, names)
    if isinstance(kind, Toekenning):  # 'JenV', or 'JenV (afgeleid)'
        return lambda value: (
            names.of(kind.target, org_id(value))
            + (" (afgeleid)" if isinstance(value, dict) and value.get("afgeleid") else "")
        )
    if isinstance(kind, Ref):
        return lambda value: names.of(kind.target, value)
    if isinstance(kind, Datum):
        return words
    if isinstance(kind, Enum):
        return lambda value: kind.labels.get(value, value).lower() if value else None
    if isinstance(kind, Euro):
        return lambda value: euro(amount(value)) if amount(value) is not None else value
    if isinstance(kind, Number):
        return number_words
    if isinstance(kind, Record):  # a record as a value: its facts, 'bron: …; vindplaats: …'
        return lambda value: (
            (
                "; ".join(
                    f"{sub.label.lower()}: {formatter(sub, names)(value[sub.key])}"
                    for sub in kind.fields
                    if value.get(sub.key) not in (None, "", [])
                )
                if isinstance(value, dict)
                else None
            )
            or None
        )
    return lambda value: sentences(value) if value not in (None, "") else None


def item_formatter(f: Field, names: Names) -> Callable[[Any], str | None]:
    """`formatter` for one item of a list field."""
    return formatter(Field(f.key, f.kind.item, f.label, f.help), names)


def from_to(label: str, before: str | None, after: str | None) -> str:
    if before and after:
        return f"{label} van {before} naar {after}"
    if after:
        return f"{label} nu bekend: {after}"
    return f"{label} niet meer genoemd (was {before})"


def status(value: str | None) -> str:
    return STATUS_LABELS.get(value or "", value or "onbekend").lower()


def org_id(item: Any) -> str:
    """An organisatie reference as its id: 'bzk', or {organisatie: bzk, afgeleid: …}."""
    return item.get("organisatie") if isinstance(item, dict) else item


def amount(value: Any) -> float | None:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def bedrag(value: dict | None, names: Names) -> str | None:
    """The facts of a bedrag in words; its toelichting is not one of them."""
    if not isinstance(value, dict):
        return None
    waarde = amount(value.get("waarde"))
    text = euro(waarde) if waarde is not None else str(value.get("waarde"))
    soort = value.get("soort")
    if soort == "deel-van":
        text += f" (deel van ‘{names.of('regeling', value.get('deel_van'))}’)"
    elif soort:
        text += f" {SOORT_BEDRAG_LABELS.get(soort, soort)}"
    return text


def number_words(value: Any) -> str | None:
    waarde = amount(value)
    if waarde is None:
        return None if value in (None, "") else str(value)
    return number(int(waarde) if waarde.is_integer() else waarde)


def norm(value: Any) -> Any:
    """Compare values the way a reader does: whitespace runs are one space, empty is absent."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, dict):
        return {k: norm(v) for k, v in value.items() if v not in (None, "", [])}
    return value


def count(n: int, noun: str = "alinea", plural: str = "alinea’s") -> str:
    return f"{n} {noun if n == 1 else plural}"

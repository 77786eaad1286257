"""What changed between two versions of the content, in plain Dutch, computed from the data.

Both sides are `Inhoud`: plain dicts whose leaves are all text (as a snapshot reads them, and
as `editions.as_text` turns checked content into). The result is a list of `Wijziging`, one
sentence each, independent of how it is shown (Markdown for `handreiking diff`, the
/wijzigingen/ page, the Atom feed).

    >>> [w.zin for w in vergelijk(oud, nieuw)]
    ['Regeling Financiële impuls: bedrag van € 50 miljoen per jaar naar € 60 miljoen per jaar.']

How a field is compared and worded follows from its declaration in `model` (its kind and
label), so a new field is in the changelog without a line here: a fact (a date, a number, an
id, a short text) reads "kenmerk van A naar B", a list of references names what was added or
dropped by title, a list of records (links, bijlagen) by their titel. Prose is compared per
block (paragraph), and a block nearly the same as one on the other side counts as unchanged,
so a typo fix is not a change; a toelichting under a value is never a change by itself.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..base.dates import words_of as words
from ..base.dutch import euro, number
from ..base.urls import url_of
from ..content.kinds import (
    Datum,
    Enum,
    Euro,
    Field,
    ListOf,
    Number,
    Record,
    Redenen,
    Ref,
    Text,
    Toekenning,
)
from ..content.model import (
    SOORT_BEDRAG_LABELS,
    STATUS_LABELS,
    Bron,
    Maatregel,
    Opgave,
    Organisatie,
    Regeling,
)
from .snapshots import Inhoud

ENDED = ("afgerond", "vervallen")
KINDS = (  # (key in Inhoud, kind, label, record); the order of the changelog
    ("maatregelen", "maatregel", "Maatregel", Maatregel.record),
    ("regelingen", "regeling", "Regeling", Regeling.record),
    ("opgaven", "opgave", "Opgave", Opgave.record),
    ("organisaties", "organisatie", "Organisatie", Organisatie.record),
    ("bronnen", "bron", "Bron", Bron.record),
)
GROUPS = (  # (soort of change, heading); a change's group decides where it is listed
    ("nieuw", "Nieuw"),
    ("beeindigd", "Beëindigd"),
    ("hernoemd", "Nieuw adres"),
    ("gewijzigd", "Gewijzigd"),
    ("verwijderd", "Niet meer opgenomen"),
)
# The facts a "nieuw opgenomen" line names, per kind, in this order.
KEY_FACTS = {
    "maatregel": ("sectie", "status", "eindverantwoordelijken"),
    "regeling": (
        "bedrag",
        "verstrekker",
        "eindverantwoordelijken",
        "kenmerk",
        "aanvraagperiode",
        "status",
    ),
    "opgave": ("hoofdstuk",),
    "organisatie": ("soort",),
    "bron": ("soort", "kenmerk", "datum"),
}
PROSE = ("samenvatting", "beschrijving", "rol", "doelgroep", "voetnoten")  # compared per block
# Fields with a sentence of their own below, or that are no change to a reader.
SPECIAL = {"id", "titel", "naam", "status", "vorige_ids", "inhoudelijk_gewijzigd", "toelichting"}
SPECIAL |= {"afgeleid"}  # said per field it concerns (see _herkomst)
SAME_BLOCK = 0.8  # word-level similarity above which two text blocks are "the same block"


@dataclass(frozen=True)
class Wijziging:
    """One change, as one sentence: '<Soort> <titel>: <wat>.'"""

    groep: str  # nieuw | beeindigd | hernoemd | gewijzigd | verwijderd
    kind: str  # maatregel | regeling | opgave | organisatie | bron
    id: str  # the id in the newer version (the old id when the record is gone)
    titel: str
    wat: str  # plain Dutch, without the subject: 'status van voornemen naar beschikbaar'
    inhoudelijk: bool = True  # counts as a change in substance ('laatst gewijzigd')
    aanwezig: bool = True  # the record exists in the newer version (so it can be linked)

    @property
    def onderwerp(self) -> str:
        """'Regeling', or '' when the title says it already ('Regeling specifieke …')."""
        label = next(label for _, kind, label, _ in KINDS if kind == self.kind)
        return "" if self.titel.casefold().startswith(label.casefold() + " ") else label

    @property
    def zin(self) -> str:
        return f"{self.onderwerp} {self.titel}: {self.wat.rstrip('.')}.".lstrip()

    @property
    def url(self) -> str | None:
        """Site-relative URL of the record's page in the newer version ('bronnen/#id')."""
        if not self.aanwezig:
            return None
        return (
            f"{url_of('bronnen')}#{self.id}" if self.kind == "bron" else url_of(self.kind, self.id)
        )


def vergelijk(oud: Inhoud, nieuw: Inhoud) -> list[Wijziging]:
    """Every change from `oud` to `nieuw`, grouped (nieuw first) and sorted by title."""
    names = Names(oud, nieuw)
    changes: list[Wijziging] = []
    for key, kind, _, declaration in KINDS:
        old_by_id = {r["id"]: r for r in oud.get(key) or [] if r.get("id")}
        matched: set[str] = set()
        for record in (r for r in nieuw.get(key) or [] if r.get("id")):
            previous, old_id = _predecessor(record, old_by_id)
            if previous is None:
                wat = _nieuw(kind, declaration, record, names)
                changes.append(Wijziging("nieuw", kind, record["id"], _titel(record), wat))
                continue
            matched.add(old_id)
            if old_id != record["id"]:
                changes.append(
                    Wijziging(
                        "hernoemd",
                        kind,
                        record["id"],
                        _titel(record),
                        f"nieuw adres /{url_of(kind, record['id'])} (was /{url_of(kind, old_id)}; "
                        "het oude adres stuurt door)",
                        inhoudelijk=False,
                    )
                )
            changes += [
                Wijziging(groep, kind, record["id"], _titel(record), wat, inhoudelijk)
                for groep, wat, inhoudelijk in _compare(declaration, previous, record, names)
            ]
        for old_id, record in old_by_id.items():
            if old_id not in matched:
                changes.append(
                    Wijziging(
                        "verwijderd",
                        kind,
                        old_id,
                        _titel(record),
                        "niet meer opgenomen",
                        aanwezig=False,
                    )
                )
    order = {groep: index for index, (groep, _) in enumerate(GROUPS)}
    kinds = {kind: index for index, (_, kind, _, _) in enumerate(KINDS)}
    # stable: within one record the changes keep the order of the fields
    return sorted(changes, key=lambda w: (order[w.groep], kinds[w.kind], w.titel.casefold(), w.id))


def per_groep(changes: list[Wijziging]) -> list[tuple[str, list[Wijziging]]]:
    """The changes under their headings, in the fixed order, leaving out empty groups."""
    return [
        (heading, [w for w in changes if w.groep == groep])
        for groep, heading in GROUPS
        if any(w.groep == groep for w in changes)
    ]


def markdown(changes: list[Wijziging], titel: str, link=None) -> str:
    """Markdown for a pull request description; `link(url)` may turn URLs into links."""
    lines = [f"## {titel}", ""]
    if not changes:
        lines += ["Geen inhoudelijke wijzigingen.", ""]
    for heading, items in per_groep(changes):
        lines += [f"### {heading}", ""]
        for w in items:
            subject = _md_escape(w.titel)
            if link and w.url:
                subject = f"[{subject}]({link(w.url)})"
            subject = f"{w.onderwerp} **{subject}**" if w.onderwerp else f"**{subject}**"
            lines.append(f"- {subject}: {_md_escape(w.wat.rstrip('.'))}.")
        lines.append("")
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


# --- names and values in words ---------------------------------------------------------------


class Names:
    """What a reader calls a referenced record: an organisatie's short name, else the title.

    Both versions are asked, the newer first, so a record dropped in the new version is still
    named in the line that says it was dropped.
    """

    def __init__(self, oud: Inhoud, nieuw: Inhoud):
        self._by_kind: dict[str, dict[str, str]] = {}
        for version in (oud, nieuw):  # newer last: it wins
            for key, kind, _, _ in KINDS:
                table = self._by_kind.setdefault(kind, {})
                for r in version.get(key) or []:
                    if r.get("id"):
                        table[r["id"]] = _short_name(r) if kind == "organisatie" else _titel(r)

    def of(self, kind: str, value: str | None) -> str | None:
        return self._by_kind.get(kind, {}).get(value, value) if value else None


def _short_name(organisatie: dict) -> str:
    return " ".join(str(organisatie.get("afkorting") or organisatie.get("naam")).split())


def _titel(record: dict) -> str:
    return " ".join(str(record.get("titel") or record.get("naam") or record["id"]).split())


def _formatter(f: Field, names: Names) -> Callable[[Any], str | None]:
    """How a fact of field `f` reads: a date in words, a status as its label, an id as a name."""
    kind = f.kind
    if f.key == "bedrag":
        return lambda value: _bedrag(value, names)
    if isinstance(kind, Toekenning):  # 'JenV', or 'JenV (afgeleid)'
        return lambda value: (
            names.of(kind.target, _id(value))
            + (" (afgeleid)" if isinstance(value, dict) and value.get("afgeleid") else "")
        )
    if isinstance(kind, Ref):
        return lambda value: names.of(kind.target, value)
    if isinstance(kind, Datum):
        return words
    if isinstance(kind, Enum):
        return lambda value: kind.labels.get(value, value).lower() if value else None
    if isinstance(kind, Euro):
        return lambda value: euro(_amount(value)) if _amount(value) is not None else value
    if isinstance(kind, Number):
        return _number
    return lambda value: " ".join(str(value).split()) if value not in (None, "") else None


def _nieuw(kind: str, declaration: Record, record: dict, names: Names) -> str:
    """'nieuw opgenomen (€ 40 miljoen eenmalig; verstrekker: BZK; status: beschikbaar)'.

    Facts are separated by semicolons: a kenmerk ('TK 2020–2021, 19 637, nr. 2684') has commas.
    """
    facts = []
    for key in KEY_FACTS[kind]:
        if not declaration.has(key) or record.get(key) in (None, "", []):
            continue
        f = declaration.field(key)
        if isinstance(f.kind, ListOf):
            value = ", ".join(filter(None, map(_formatter_of_item(f, names), record[key])))
            label = f.label.lower() if len(record[key]) > 1 else _singular(f.label.lower())
        else:
            value, label = _formatter(f, names)(record[key]), f.label.lower()
        if key in ("bedrag", "soort"):  # '€ 40 miljoen eenmalig', 'kamerstuk': they say it
            facts.append(value)
        elif key in ("sectie", "hoofdstuk"):  # 'paragraaf 4.2.1'
            facts.append(f"{label} {value}")
        else:
            facts.append(f"{label}: {value}")
    return "nieuw opgenomen" + (f" ({'; '.join(facts)})" if facts else "")


def _formatter_of_item(f: Field, names: Names) -> Callable[[Any], str | None]:
    return _formatter(Field(f.key, f.kind.item, f.label, f.help), names)


SINGULAR = {
    "eindverantwoordelijken": "eindverantwoordelijke",
    "betrokkenen": "betrokkene",
    "links": "link",
    "bijlagen": "bijlage",
    "regelingen": "regeling",
    "bronnen": "bron",
}


def _singular(label: str) -> str:
    """'eindverantwoordelijken' -> 'eindverantwoordelijke' (a label that is not a plural stays)."""
    return SINGULAR.get(label, label)


# --- comparing two versions of one record ------------------------------------------------------


def _compare(
    declaration: Record, old: dict, new: dict, names: Names
) -> list[tuple[str, str, bool]]:
    """(groep, wat, inhoudelijk) for every change of one record, in the order of its fields."""
    found: list[tuple[str, str, bool]] = []
    if _norm(old.get("titel") or old.get("naam")) != _norm(new.get("titel") or new.get("naam")):
        found.append(("gewijzigd", f"titel was eerst ‘{_titel(old)}’", False))
    if declaration.has("status") and _norm(old.get("status")) != _norm(new.get("status")):
        before, after = _status(old.get("status")), _status(new.get("status"))
        if new.get("status") in ENDED:
            found.append(("beeindigd", f"{after} (was: {before})", True))
        else:
            found.append(("gewijzigd", f"status van {before} naar {after}", True))
    for f in declaration.fields:
        if f.key in SPECIAL or f.key in PROSE:
            continue
        before, after = old.get(f.key), new.get(f.key)
        if _norm(before) == _norm(after):
            continue
        found += [("gewijzigd", wat, True) for wat in _field_changes(f, before, after, names)]
    found += [("gewijzigd", wat, True) for wat in _herkomst(declaration, old, new)]
    text = _text_change(old, new)
    if text:
        found.append(("gewijzigd", text, True))
    marked = new.get("inhoudelijk_gewijzigd")
    if marked and _norm(old.get("inhoudelijk_gewijzigd")) != _norm(marked):
        found.append(
            ("gewijzigd", f"inhoudelijk gewijzigd volgens de redactie ({words(marked)})", True)
        )
    return found


def _field_changes(f: Field, before: Any, after: Any, names: Names) -> list[str]:
    """The sentences for one changed field, by what its kind is."""
    label = f.label.lower()
    kind = f.kind
    if f.key == "tijdspad":
        return _tijdspad(before, after)
    if f.key == "kerncijfers":
        return _kerncijfers(before, after)
    if f.key in ("eindverantwoordelijken", "betrokkenen"):
        return _orgs_change(_singular(label), before, after, names)
    if isinstance(kind, ListOf) and isinstance(kind.item, Ref):
        return [_list_change(f, before, after, names)]
    if isinstance(kind, ListOf) and isinstance(kind.item, Record):
        return _records_change(f, before, after)
    if isinstance(kind, ListOf):
        return []  # a list of prose or plain values (voetnoten are prose)
    if isinstance(kind, Record) and f.key != "bedrag":  # contact: each fact of its own
        return [
            wat
            for sub in kind.fields
            if sub.key not in SPECIAL
            and _norm((before or {}).get(sub.key)) != _norm((after or {}).get(sub.key))
            for wat in _field_changes(
                sub, (before or {}).get(sub.key), (after or {}).get(sub.key), names
            )
        ]
    if isinstance(kind, Text) and not kind.single_line:
        return []  # prose outside PROSE (a toelichting) is no change by itself
    show = _formatter(f, names)
    a, b = show(before), show(after)
    return [] if a == b else [_from_to(label, a, b)]


def _herkomst(declaration: Record, old: dict, new: dict) -> list[str]:
    """'status is nu afgeleid door de redactie' when a field's `afgeleid` reason comes or goes."""
    if not (
        declaration.has("afgeleid") and isinstance(declaration.field("afgeleid").kind, Redenen)
    ):
        return []
    before, after = old.get("afgeleid") or {}, new.get("afgeleid") or {}
    lines = []
    for key in [f.key for f in declaration.fields if f.key in before or f.key in after]:
        label = declaration.field(key).label.lower()
        if key in after and key not in before:
            lines.append(f"{label} is nu afgeleid door de redactie: {_short(after[key], 80)}")
        elif key in before and key not in after:
            lines.append(f"{label} staat nu zo in de handreiking (was afgeleid)")
    return lines


def _predecessor(record: dict, old_by_id: dict) -> tuple[dict | None, str | None]:
    if record["id"] in old_by_id:
        return old_by_id[record["id"]], record["id"]
    for old_id in record.get("vorige_ids") or []:
        if old_id in old_by_id:
            return old_by_id[old_id], old_id
    return None, None


def _norm(value: Any) -> Any:
    """Compare text the way a reader does: whitespace runs are one space."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items() if v not in (None, "", [])}
    return value


def _status(value: str | None) -> str:
    return STATUS_LABELS.get(value or "", value or "onbekend").lower()


def _id(item: Any) -> str:
    """An organisatie reference as its id: 'bzk', or {organisatie: bzk, afgeleid: …}."""
    return item.get("organisatie") if isinstance(item, dict) else item


def _afgeleid(item: Any) -> bool:
    return isinstance(item, dict) and bool(item.get("afgeleid"))


def _orgs_change(label: str, old, new, names: Names) -> list[str]:
    old, new = old or [], new or []
    old_ids, new_ids = [_id(o) for o in old], [_id(o) for o in new]
    added = [names.of("organisatie", o) for o in new_ids if o not in old_ids]
    gone = [names.of("organisatie", o) for o in old_ids if o not in new_ids]
    plural = label + ("n" if label.endswith("e") else "en")
    # The same organisatie, now named by the handreiking or now inferred by the editors.
    was = {_id(o): _afgeleid(o) for o in old}
    herkomst = [
        f"{label} {names.of('organisatie', _id(o))} "
        + ("is nu afgeleid door de redactie" if _afgeleid(o) else "staat nu zo in de handreiking")
        for o in new
        if _id(o) in was and was[_id(o)] != _afgeleid(o)
    ]
    if added and gone and len(old) == len(new) == 1:
        return [f"{label} was {gone[0]}, nu {added[0]}"]
    parts = [f"{', '.join(added)} toegevoegd"] if added else []
    parts += [f"{', '.join(gone)} niet meer genoemd"] if gone else []
    if not parts and not herkomst:  # same organisations in another order
        return [f"volgorde van de {plural} gewijzigd"]
    return ([f"{plural}: " + "; ".join(parts)] if parts else []) + herkomst


def _list_change(f: Field, old, new, names: Names) -> str:
    """'bronnen: ‘Kamerbrief over …’ toegevoegd' for a list of references, named by title."""
    old, new = old or [], new or []
    target = f.kind.item.target
    added = [f"‘{names.of(target, r)}’" for r in new if r not in old]
    gone = [f"‘{names.of(target, r)}’" for r in old if r not in new]
    label = "financiering" if f.key == "regelingen" else f.label.lower()
    noun = f"{target} " if f.key == "regelingen" else ""
    parts = [f"{noun}{', '.join(added)} toegevoegd"] if added else []
    parts += [f"{noun}{', '.join(gone)} niet meer genoemd"] if gone else []
    return f"{label}: " + ("; ".join(parts) if parts else "volgorde gewijzigd")


def _records_change(f: Field, old, new) -> list[str]:
    """Links or bijlagen added or dropped, by their titel; another address for the same titel."""
    old = {_norm(r.get("titel")): r for r in old or [] if isinstance(r, dict)}
    new = {_norm(r.get("titel")): r for r in new or [] if isinstance(r, dict)}
    noun = _singular(f.label.lower())
    lines = [f"{noun} ‘{t}’ toegevoegd" for t in new if t not in old]
    lines += [f"{noun} ‘{t}’ niet meer genoemd" for t in old if t not in new]
    lines += [
        f"{noun} ‘{t}’ heeft een nieuw webadres"
        for t in new
        if t in old and _norm(new[t].get("url")) != _norm(old[t].get("url"))
    ]
    return lines


def _from_to(label: str, before: str | None, after: str | None) -> str:
    if before and after:
        return f"{label} van {before} naar {after}"
    if after:
        return f"{label} nu bekend: {after}"
    return f"{label} niet meer genoemd (was {before})"


def _amount(value: Any) -> float | None:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def _bedrag(value: dict | None, names: Names) -> str | None:
    """The facts of a bedrag in words; its toelichting is not one of them."""
    if not isinstance(value, dict):
        return None
    amount = _amount(value.get("waarde"))
    text = euro(amount) if amount is not None else str(value.get("waarde"))
    soort = value.get("soort")
    if soort == "deel-van":
        text += f" (deel van ‘{names.of('regeling', value.get('deel_van'))}’)"
    elif soort:
        text += f" {SOORT_BEDRAG_LABELS.get(soort, soort)}"
    return text


def _number(value: Any) -> str | None:
    amount = _amount(value)
    if amount is None:
        return None if value in (None, "") else str(value)
    return number(int(amount) if amount.is_integer() else amount)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0].rstrip(".,;:") + "…"


def _similar(a: str, b: str) -> float:
    """Character-level similarity of two whitespace-normalised texts (1.0: the same)."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SAME_BLOCK or matcher.quick_ratio() < SAME_BLOCK:
        return 0.0
    return matcher.ratio()


# --- mijlpalen and kerncijfers ---------------------------------------------------------------

BEREIKT = {"ja": "gehaald", "nee": "niet gehaald"}


def _tijdspad(old, new) -> list[str]:
    """Mijlpalen reached, moved, added or dropped.

    A mijlpaal is the same one when its text is (nearly) the same, or when its date is the same
    and it is now marked as reached (its text then often says what happened instead of what
    was planned): that is 'gehaald', never one dropped and one added.
    """
    old = [m for m in old or [] if isinstance(m, dict)]
    new = [m for m in new or [] if isinstance(m, dict)]
    rest_old, rest_new, pairs = list(old), [], []
    for m in new:  # unchanged ones first: cheap, and they are most of them
        match = next((o for o in rest_old if _norm(o) == _norm(m)), None)
        if match is None:
            rest_new.append(m)
        else:
            rest_old.remove(match)

    def text(m: dict) -> str:
        return _norm(m.get("tekst", "")) or ""

    for m in list(rest_new):  # the same text (or nearly): another date or reached
        best = max(rest_old, key=lambda o: _similar(text(o), text(m)), default=None)
        if best is not None and (
            text(best) == text(m) or _similar(text(best), text(m)) >= SAME_BLOCK
        ):
            rest_old.remove(best)
            rest_new.remove(m)
            pairs.append((best, m))
    for m in list(rest_new):  # the same date, now reached: the text says what happened
        best = next(
            (
                o
                for o in rest_old
                if _norm(o.get("datum")) == _norm(m.get("datum"))
                and m.get("bereikt") in BEREIKT
                and o.get("bereikt") != m.get("bereikt")
            ),
            None,
        )
        if best is not None:
            rest_old.remove(best)
            rest_new.remove(m)
            pairs.append((best, m))
    lines = []
    for before, after in pairs:
        moved = _norm(before.get("datum")) != _norm(after.get("datum"))
        when = words(after.get("datum"))
        if after.get("bereikt") in BEREIKT and before.get("bereikt") != after.get("bereikt"):
            planned = f"; gepland: {words(before.get('datum'))}" if moved else ""
            lines.append(
                f"mijlpaal ‘{_short(after.get('tekst', ''))}’ {BEREIKT[after['bereikt']]} "
                f"({when}{planned})"
            )
        elif moved:
            lines.append(
                f"mijlpaal ‘{_short(after.get('tekst', ''))}’ verschoven van "
                f"{words(before.get('datum'))} naar {when}"
            )
    for m in rest_new:
        lines.append(
            f"mijlpaal toegevoegd: ‘{_short(m.get('tekst', ''))}’ ({words(m.get('datum'))})"
        )
    for m in rest_old:
        lines.append(
            f"mijlpaal niet meer genoemd: ‘{_short(m.get('tekst', ''))}’ ({words(m.get('datum'))})"
        )
    return lines


def _kerncijfers(old, new) -> list[str]:
    old_by = {_norm(k.get("label")): k for k in old or [] if isinstance(k, dict)}
    new_by = {_norm(k.get("label")): k for k in new or [] if isinstance(k, dict)}
    lines = []
    for label, k in new_by.items():
        before = old_by.get(label)
        value = f"{_number(k.get('waarde'))} {k.get('eenheid', '')}".strip()
        if before is None:
            lines.append(f"nieuw kerncijfer ‘{label}’: {value}")
        elif _norm(before.get("waarde")) != _norm(k.get("waarde")):
            lines.append(f"kerncijfer ‘{label}’ van {_number(before.get('waarde'))} naar {value}")
    lines += [f"kerncijfer ‘{label}’ niet meer genoemd" for label in old_by if label not in new_by]
    return lines


# --- prose --------------------------------------------------------------------------------------


def blocks(record: dict) -> list[str]:
    """The text blocks (paragraphs, list items, footnotes) of a record, whitespace-normalised."""
    parts = []
    for field in PROSE[:-1]:
        text = record.get(field)
        if isinstance(text, str):
            parts += [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    parts += [" ".join(str(n).split()) for n in record.get("voetnoten") or []]
    return parts


def _text_change(old: dict, new: dict) -> str | None:
    """'tekst aangevuld (1 alinea toegevoegd)' when blocks appear or disappear."""
    unmatched_old = blocks(old)
    unmatched_new = []
    for block in blocks(new):  # unchanged blocks first: cheap, and they are most of them
        if block in unmatched_old:
            unmatched_old.remove(block)
        else:
            unmatched_new.append(block)
    added = 0
    for block in unmatched_new:
        best = max(unmatched_old, key=lambda b: _similar(b, block), default=None)
        if best is not None and (best == block or _similar(best, block) >= SAME_BLOCK):
            unmatched_old.remove(best)
        else:
            added += 1
    removed = len(unmatched_old)
    if not added and not removed:
        return None

    def count(n: int) -> str:
        return f"{n} alinea" if n == 1 else f"{n} alinea’s"

    if added and removed:
        return f"tekst herschreven ({count(added)} nieuw, {count(removed)} vervallen)"
    if added:
        return f"tekst aangevuld ({count(added)} toegevoegd)"
    return f"tekst ingekort ({count(removed)} weggelaten)"

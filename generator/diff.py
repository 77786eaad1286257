"""What changed between two versions of the content, in plain Dutch, computed from the data.

Both sides are `Inhoud`: plain dicts whose leaves are all text (as a snapshot reads them, and
as `editions.plain_text` turns checked content into). The result is a list of `Wijziging`,
one sentence each, independent of how it is shown (Markdown for `handreiking diff`, the
/wijzigingen/ page, the Atom feed).

    >>> [w.zin for w in vergelijk(oud, nieuw)]
    ['Regeling Financiële impuls: bedrag van € 50 miljoen per jaar naar € 60 miljoen per jaar.']

A typo fix is not a change: texts are compared per block (paragraph), and a block that is
nearly the same as one on the other side counts as unchanged.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from .dates import DateNotationError, Periode
from .model import SOORT_BEDRAG_LABELS, STATUS_LABELS
from .render import euro, number, url_of

Inhoud = dict[str, Any]  # {'maatregelen': [{...}], 'regelingen': [...], ...}, text leaves

ENDED = ("afgerond", "vervallen")
KINDS = (  # (key in Inhoud, kind, label); the order of the changelog
    ("maatregelen", "maatregel", "Maatregel"),
    ("regelingen", "regeling", "Regeling"),
    ("opgaven", "opgave", "Opgave"),
    ("organisaties", "organisatie", "Organisatie"),
)
GROUPS = (  # (soort of change, heading); a change's group decides where it is listed
    ("nieuw", "Nieuw"),
    ("beeindigd", "Beëindigd"),
    ("hernoemd", "Nieuw adres"),
    ("gewijzigd", "Gewijzigd"),
    ("verwijderd", "Niet meer opgenomen"),
)
SAME_BLOCK = 0.8  # word-level similarity above which two text blocks are "the same block"


@dataclass(frozen=True)
class Wijziging:
    """One change, as one sentence: '<Soort> <titel>: <wat>.'"""

    groep: str  # nieuw | beeindigd | hernoemd | gewijzigd | verwijderd
    kind: str  # maatregel | regeling | opgave | organisatie
    id: str  # the id in the newer version (the old id when the record is gone)
    titel: str
    wat: str  # plain Dutch, without the subject: 'status van voornemen naar beschikbaar'
    inhoudelijk: bool = True  # counts as a change in substance ('laatst gewijzigd')
    aanwezig: bool = True  # the record exists in the newer version (so it can be linked)

    @property
    def onderwerp(self) -> str:
        return dict((kind, label) for _, kind, label in KINDS)[self.kind]

    @property
    def zin(self) -> str:
        return f"{self.onderwerp} {self.titel}: {self.wat}."

    @property
    def url(self) -> str | None:
        """Site-relative URL of the record's page in the newer version."""
        return url_of(self.kind, self.id) if self.aanwezig else None


def vergelijk(oud: Inhoud, nieuw: Inhoud) -> list[Wijziging]:
    """Every change from `oud` to `nieuw`, grouped (nieuw first) and sorted by title."""
    names = _org_names(oud) | _org_names(nieuw)
    changes: list[Wijziging] = []
    for key, kind, _ in KINDS:
        old_by_id = {r["id"]: r for r in oud.get(key) or [] if r.get("id")}
        new_records = [r for r in nieuw.get(key) or [] if r.get("id")]
        matched: set[str] = set()
        for record in new_records:
            previous, old_id = _predecessor(record, old_by_id)
            if previous is None:
                changes.append(
                    Wijziging("nieuw", kind, record["id"], _titel(record), _nieuw(kind, record))
                )
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
            changes.extend(_compare(kind, previous, record, names))
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
    kinds = {kind: index for index, (_, kind, _) in enumerate(KINDS)}
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
            lines.append(f"- {w.onderwerp} **{subject}**: {_md_escape(w.wat)}.")
        lines.append("")
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def _predecessor(record: dict, old_by_id: dict) -> tuple[dict | None, str | None]:
    if record["id"] in old_by_id:
        return old_by_id[record["id"]], record["id"]
    for old_id in record.get("vorige_ids") or []:
        if old_id in old_by_id:
            return old_by_id[old_id], old_id
    return None, None


def _titel(record: dict) -> str:
    return " ".join(str(record.get("titel") or record.get("naam") or record["id"]).split())


def _nieuw(kind: str, record: dict) -> str:
    if kind in ("maatregel", "regeling") and record.get("status"):
        return f"nieuw opgenomen (status: {_status(record['status']).lower()})"
    return "nieuw opgenomen"


def _compare(kind: str, old: dict, new: dict, names: dict[str, str]) -> list[Wijziging]:
    found: list[tuple[str, str, bool]] = []  # (groep, wat, inhoudelijk)

    def changed(field: str) -> bool:
        return _norm(old.get(field)) != _norm(new.get(field))

    if changed("titel") or changed("naam"):
        found.append(("gewijzigd", f"titel was eerst ‘{_titel(old)}’", False))
    if "status" in new and changed("status"):
        before, after = _status(old.get("status")), _status(new["status"])
        if new["status"] in ENDED:
            found.append(("beeindigd", f"{after.lower()} (was: {before.lower()})", True))
        else:
            found.append(("gewijzigd", f"status van {before.lower()} naar {after.lower()}", True))
    for field, label in (
        ("eindverantwoordelijken", "eindverantwoordelijke"),
        ("betrokkenen", "betrokkene"),
    ):
        if changed(field):
            found.append(
                ("gewijzigd", _orgs_change(label, old.get(field), new.get(field), names), True)
            )
    if isinstance(new.get("contact") or old.get("contact"), dict):  # an organisatie's
        found += _contact_changes(old.get("contact") or {}, new.get("contact") or {})
    else:  # a maatregel's contact is an organisatie id
        for field in ("contact", "verstrekker"):
            if changed(field):
                found.append(
                    (
                        "gewijzigd",
                        _from_to(field, _org(old.get(field), names), _org(new.get(field), names)),
                        True,
                    )
                )
    if changed("bedrag"):
        found.append(
            (
                "gewijzigd",
                _from_to("bedrag", _bedrag(old.get("bedrag")), _bedrag(new.get("bedrag"))),
                True,
            )
        )
    if changed("aanvraagperiode"):
        found.append(
            (
                "gewijzigd",
                _from_to(
                    "aanvraagperiode",
                    words(old.get("aanvraagperiode")),
                    words(new.get("aanvraagperiode")),
                ),
                True,
            )
        )
    found += [
        ("gewijzigd", wat, True) for wat in _tijdspad(old.get("tijdspad"), new.get("tijdspad"))
    ]
    found += [
        ("gewijzigd", wat, True)
        for wat in _kerncijfers(old.get("kerncijfers"), new.get("kerncijfers"))
    ]
    if changed("regelingen"):
        added = [r for r in new.get("regelingen") or [] if r not in (old.get("regelingen") or [])]
        gone = [r for r in old.get("regelingen") or [] if r not in (new.get("regelingen") or [])]
        parts = [f"regeling {r} toegevoegd" for r in added] + [
            f"regeling {r} niet meer genoemd" for r in gone
        ]
        if parts:
            found.append(("gewijzigd", "financiering: " + ", ".join(parts), True))
    text = _text_change(old, new)
    if text:
        found.append(("gewijzigd", text, True))
    if changed("inhoudelijk_gewijzigd") and new.get("inhoudelijk_gewijzigd"):
        found.append(
            (
                "gewijzigd",
                "inhoudelijk gewijzigd volgens de redactie ("
                f"{words(new['inhoudelijk_gewijzigd'])})",
                True,
            )
        )
    return [
        Wijziging(groep, kind, new["id"], _titel(new), wat, inhoudelijk)
        for groep, wat, inhoudelijk in found
    ]


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
    return STATUS_LABELS.get(value or "", value or "onbekend")


def _org_names(inhoud: Inhoud) -> dict[str, str]:
    return {
        o["id"]: o.get("afkorting") or o.get("naam") or o["id"]
        for o in inhoud.get("organisaties") or []
        if o.get("id")
    }


def _org(value: str | None, names: dict[str, str]) -> str | None:
    return names.get(value, value) if value else None


def _orgs_change(label: str, old, new, names) -> str:
    old, new = old or [], new or []
    added = [_org(o, names) for o in new if o not in old]
    gone = [_org(o, names) for o in old if o not in new]
    plural = label + ("n" if label.endswith("e") else "en")
    if added and gone and len(old) == len(new) == 1:
        return f"{label} was {gone[0]}, nu {added[0]}"
    parts = [f"{', '.join(added)} toegevoegd"] if added else []
    parts += [f"{', '.join(gone)} niet meer genoemd"] if gone else []
    if not parts:  # same organisations in another order
        return f"volgorde van de {plural} gewijzigd"
    return f"{plural}: " + "; ".join(parts)


def _from_to(label: str, before: str | None, after: str | None) -> str:
    if before and after:
        return f"{label} van {before} naar {after}"
    if after:
        return f"{label} nu bekend: {after}"
    return f"{label} niet meer genoemd (was {before})"


def _contact_changes(old: dict, new: dict) -> list[tuple[str, str, bool]]:
    found = []
    for field, label in (("email", "e-mailadres"), ("url", "website")):
        if _norm(old.get(field)) != _norm(new.get(field)):
            found.append(("gewijzigd", _from_to(label, old.get(field), new.get(field)), True))
    return found


def _amount(value: Any) -> float | None:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def _bedrag(value: dict | None) -> str | None:
    if not isinstance(value, dict):
        return None
    amount = _amount(value.get("waarde"))
    text = euro(amount) if amount is not None else str(value.get("waarde"))
    soort = value.get("soort")
    if soort and soort != "deel-van":
        text += f" {SOORT_BEDRAG_LABELS.get(soort, soort)}"
    elif soort == "deel-van":
        text += f" (deel van {value.get('deel_van')})"
    return text


def words(notatie: str | None) -> str | None:
    if not notatie:
        return None
    try:
        return Periode.parse(notatie).words
    except DateNotationError:
        return str(notatie)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _similar(a: str, b: str) -> float:
    """Character-level similarity of two whitespace-normalised texts (1.0: the same)."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SAME_BLOCK or matcher.quick_ratio() < SAME_BLOCK:
        return 0.0
    return matcher.ratio()


def _tijdspad(old, new) -> list[str]:
    """Mijlpalen added, removed or moved; one with the same text but another date moved."""
    old = [m for m in old or [] if isinstance(m, dict)]
    new = [m for m in new or [] if isinstance(m, dict)]
    pairs: list[tuple[dict, dict]] = []
    rest_old = list(old)
    rest_new = []
    for m in new:
        match = next(
            (
                o
                for o in rest_old
                if _norm(o.get("tekst")) == _norm(m.get("tekst"))
                and _norm(o.get("datum")) == _norm(m.get("datum"))
            ),
            None,
        )
        if match is None:
            rest_new.append(m)
        else:
            rest_old.remove(match)
    for m in list(rest_new):  # same (or nearly the same) text, another date
        best = max(
            rest_old,
            key=lambda o: _similar(_norm(o.get("tekst", "")), _norm(m.get("tekst", ""))),
            default=None,
        )
        if (
            best is not None
            and _similar(_norm(best.get("tekst", "")), _norm(m.get("tekst", ""))) >= SAME_BLOCK
        ):
            rest_old.remove(best)
            rest_new.remove(m)
            pairs.append((best, m))
    lines = []
    for before, after in pairs:
        if _norm(before.get("datum")) != _norm(after.get("datum")):
            lines.append(
                f"mijlpaal ‘{_short(after.get('tekst', ''))}’ verschoven van "
                f"{words(before.get('datum'))} naar {words(after.get('datum'))}"
            )
    for m in rest_new:
        lines.append(f"nieuwe mijlpaal in {words(m.get('datum'))}: ‘{_short(m.get('tekst', ''))}’")
    for m in rest_old:
        lines.append(
            f"mijlpaal van {words(m.get('datum'))} niet meer genoemd: "
            f"‘{_short(m.get('tekst', ''))}’"
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


def _number(value: Any) -> str:
    amount = _amount(value)
    if amount is None:
        return str(value)
    return number(int(amount) if amount.is_integer() else amount)


def blocks(record: dict) -> list[str]:
    """The text blocks (paragraphs, list items, footnotes) of a record, whitespace-normalised."""
    parts = []
    for field in ("samenvatting", "beschrijving", "rol", "doelgroep"):
        text = record.get(field)
        if isinstance(text, str):
            parts += [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    parts += [" ".join(str(n).split()) for n in record.get("voetnoten") or []]
    return parts


def _text_change(old: dict, new: dict) -> str | None:
    """'tekst: 1 alinea toegevoegd' when blocks appear or disappear; typo fixes are no change."""
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
        return f"{n} alinea{'' if n == 1 else 's'}"

    if added and removed:
        return f"tekst herschreven ({count(added)} nieuw, {count(removed)} vervallen)"
    if added:
        return f"tekst aangevuld ({count(added)} toegevoegd)"
    return f"tekst ingekort ({count(removed)} weggelaten)"

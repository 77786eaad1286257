"""What changed between two versions of the content, in plain Dutch, computed from the data.

Both sides are `Inhoud`: plain dicts whose leaves are all text (as a snapshot reads them, and
as `editions.as_text` turns checked content into). The result is a list of `Wijziging`, one
sentence each, independent of how it is shown (Markdown for `handreiking diff`, the
/wijzigingen/ page, the Atom feed).

    >>> [w.zin for w in vergelijk(oud, nieuw)]
    ['Regeling Financiële impuls: bedrag van € 50 miljoen per jaar naar € 60 miljoen per jaar.']

Compared: the records by id (following `vorige_ids`), the begrippen by term, the prose pages by
slug, and the edition's own record under the key 'editie' when both sides have it. How each
record is compared is `records`; prose is `prose`; sources are `provenance`; the Markdown of
`handreiking diff` is `changelog_md`.
"""

from __future__ import annotations

import re

from ..base.urls import url_of
from ..content.model import Begrip, Editie
from .changelog_md import markdown
from .changes import GROUPS, KINDS, LABELS, Wijziging, ordered, per_groep
from .prose import split, text_change
from .records import RecordDiff, introduced
from .snapshots import Inhoud
from .wording import Names, norm, sentences, titel

__all__ = [
    "GROUPS",
    "KINDS",
    "LABELS",
    "Inhoud",
    "Wijziging",
    "markdown",
    "per_groep",
    "vergelijk",
]
# Between two editions the section heading says the year, peildatum and vaststelling already;
# the title of an edition names its year, so it is a change only within one year.
OWN_HEADING = ("jaar", "titel", "peildatum", "vastgesteld")
REASON_LIMIT = 400  # a reason for a removal is one or two sentences: quoted whole


def vergelijk(oud: Inhoud, nieuw: Inhoud) -> list[Wijziging]:
    """Every change from `oud` to `nieuw`, grouped (nieuw first) and sorted by title."""
    names = Names(oud, nieuw)
    changes = _editie(oud, nieuw, names)
    for key, kind, _, declaration in KINDS:
        changes += _records(key, kind, declaration, oud, nieuw, names)
    changes += _begrippen(oud, nieuw, names)
    changes += _paginas(oud, nieuw, names)
    return ordered(changes)


def _records(key, kind, declaration, oud: Inhoud, nieuw: Inhoud, names: Names) -> list[Wijziging]:
    """The records of one kind: new, renamed, changed, and gone (with the editors' reason)."""
    changes: list[Wijziging] = []
    old_by_id = {r["id"]: r for r in _listed(oud, key, "id")}
    matched: set[str] = set()
    redirected: dict[str, dict] = {}
    for record in _listed(nieuw, key, "id"):
        for old_id in record.get("vorige_ids") or []:
            redirected.setdefault(old_id, record)
        previous, old_id = _predecessor(record, old_by_id)
        if previous is None:
            wat = introduced(kind, declaration, record, names)
            changes.append(Wijziging("nieuw", kind, record["id"], titel(record), wat))
            continue
        matched.add(old_id)
        addresses = []
        if old_id != record["id"]:
            addresses.append(
                f"nieuw adres /{url_of(kind, record['id'])} (was /{url_of(kind, old_id)}; "
                "het oude adres stuurt door)"
            )
        addresses += _vorige_ids(kind, previous, record, old_id)
        changes += [
            Wijziging("hernoemd", kind, record["id"], titel(record), wat, inhoudelijk=False)
            for wat in addresses
        ]
        changes += [
            Wijziging(groep, kind, record["id"], titel(record), wat, inhoudelijk)
            for groep, wat, inhoudelijk in RecordDiff(
                declaration, previous, record, names
            ).changes()
        ]
    reasons = {
        (r.get("soort"), r.get("id")): r
        for r in nieuw.get("verwijderd") or []
        if isinstance(r, dict)
    }
    for old_id, record in old_by_id.items():
        if old_id in matched:
            continue
        wat = "niet meer opgenomen"
        reason = reasons.get((kind, old_id)) or {}
        if reason.get("reden"):
            wat += f": {sentences(reason['reden'], REASON_LIMIT).rstrip('.')}"
            if reason.get("bron"):
                wat += f" (bron: ‘{names.of('bron', reason['bron'])}’)"
        elif old_id in redirected:
            wat += f"; het adres stuurt door naar ‘{titel(redirected[old_id])}’"
        changes.append(Wijziging("verwijderd", kind, old_id, titel(record), wat, aanwezig=False))
    return changes


def _vorige_ids(kind: str, old: dict, new: dict, old_id: str) -> list[str]:
    """Old addresses that now lead to this record, or no longer do; not this diff's own rename
    (said above) nor the record's own id."""
    before, after = old.get("vorige_ids") or [], new.get("vorige_ids") or []
    lines = [
        f"het adres /{url_of(kind, v)} stuurt nu door naar deze {kind}"
        for v in after
        if v not in before and v != old_id
    ]
    lines += [
        f"het adres /{url_of(kind, v)} stuurt niet meer door naar deze {kind}"
        for v in before
        if v not in after and v != new["id"]
    ]
    return lines


def _predecessor(record: dict, old_by_id: dict) -> tuple[dict | None, str | None]:
    if record["id"] in old_by_id:
        return old_by_id[record["id"]], record["id"]
    for old_id in record.get("vorige_ids") or []:
        if old_id in old_by_id:
            return old_by_id[old_id], old_id
    return None, None


def _editie(oud: Inhoud, nieuw: Inhoud, names: Names) -> list[Wijziging]:
    """The edition's own fields: uitgevers, toelichting, and within one year its title too.

    Only the fields the older side has: an older snapshot may predate a field (editie 2021 was
    frozen before `uitgevers` existed), and what it did not record did not change.
    """
    old, new = oud.get("editie"), nieuw.get("editie")
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    skip = {"jaar"} if norm(old.get("jaar")) == norm(new.get("jaar")) else set(OWN_HEADING)
    keys = [k for k in old if k not in skip]
    jaar = str(norm(new.get("jaar")) or "")
    return [
        Wijziging(groep, "editie", jaar, jaar, wat, inhoudelijk)
        for groep, wat, inhoudelijk in RecordDiff(
            Editie.record, {k: old[k] for k in keys}, {k: new.get(k) for k in keys}, names
        ).changes()
    ]


def _begrippen(oud: Inhoud, nieuw: Inhoud, names: Names) -> list[Wijziging]:
    """Begrippen by term: new, changed (betekenis, uitleg) or gone."""
    declaration = Begrip.record
    old = {_term(b): b for b in _listed(oud, "begrippen", "term")}
    new = {_term(b): b for b in _listed(nieuw, "begrippen", "term")}
    changes = []
    for term, begrip in new.items():
        subject = ("begrip", _begrip_id(term), norm(begrip["term"]))
        if term not in old:
            changes.append(
                Wijziging("nieuw", *subject, introduced("begrip", declaration, begrip, names))
            )
            continue
        changes += [
            Wijziging(groep, *subject, wat, inhoudelijk)
            for groep, wat, inhoudelijk in RecordDiff(
                declaration, old[term], begrip, names
            ).changes()
        ]
    changes += [
        Wijziging(
            "verwijderd",
            "begrip",
            _begrip_id(term),
            norm(b["term"]),
            "niet meer opgenomen",
            aanwezig=False,
        )
        for term, b in old.items()
        if term not in new
    ]
    return changes


def _term(begrip: dict) -> str:
    return norm(str(begrip["term"])).casefold()


def _begrip_id(term: str) -> str:
    """An id for a begrip's changes (the feed's entry ids): 'CdK' -> 'cdk'."""
    return re.sub(r"[^a-z0-9]+", "-", term.casefold()).strip("-") or "begrip"


def _paginas(oud: Inhoud, nieuw: Inhoud, names: Names) -> list[Wijziging]:
    """One line per prose page: new, gone, or what changed in its title and text."""
    old = {p["slug"]: p for p in _listed(oud, "paginas", "slug")}
    new = {p["slug"]: p for p in _listed(nieuw, "paginas", "slug")}
    changes = []
    for slug, page in new.items():
        subject = ("pagina", slug, titel({"id": slug, **page}))
        if slug not in old:
            changes.append(Wijziging("nieuw", *subject, "nieuw opgenomen"))
            continue
        before = old[slug]
        parts = []
        if norm(before.get("titel")) != norm(page.get("titel")):
            parts.append(f"titel was eerst ‘{titel({'id': slug, **before})}’")
        text = text_change(
            "tekst", split(before.get("tekst")), split(page.get("tekst")), names.mentions
        )
        if parts or text:
            changes.append(
                Wijziging("gewijzigd", *subject, "; ".join(parts + [text] * bool(text)), bool(text))
            )
    changes += [
        Wijziging(
            "verwijderd",
            "pagina",
            slug,
            titel({"id": slug, **p}),
            "niet meer opgenomen",
            aanwezig=False,
        )
        for slug, p in old.items()
        if slug not in new
    ]
    return changes


def _listed(version: Inhoud, key: str, ident: str) -> list[dict]:
    return [r for r in version.get(key) or [] if isinstance(r, dict) and r.get(ident)]

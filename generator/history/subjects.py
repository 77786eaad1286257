"""Which opgaven and organisaties a change touches, read from the two versions it compares.

A reader follows an opgave or an organisatie (issue 24). A change touches:

- an opgave: a change of the opgave itself, and of every maatregel or regeling that belongs
  to it, before or after the change (a maatregel moved to another opgave touches both);
- an organisatie: a change of the organisatie itself (its naam, its succession), a change of
  every organisatie it succeeds or that succeeds it, and of every maatregel or regeling it is
  eindverantwoordelijk for, involved in (betrokken) or provides (verstrekker), before or after
  the change (a responsibility that moved touches the one it left and the one it reached).

Bronnen, begrippen, prose pages and the edition's own fields touch no subject: they are in
the site-wide feed only.

    >>> touched(Wijziging("gewijzigd", "maatregel", "m", "M", "status ..."), oud, nieuw)
    frozenset({('opgave', 'huisvesting'), ('organisatie', 'bzk')})      # doctest: +SKIP
"""

from __future__ import annotations

from .changes import Wijziging
from .snapshots import Inhoud

Subject = tuple[str, str]  # ('opgave', 'inburgering') or ('organisatie', 'szw')
KEYS = {"maatregel": "maatregelen", "regeling": "regelingen", "organisatie": "organisaties"}


def _org(value) -> str | None:
    """An organisatie reference: an id, or a block that names its `organisatie`."""
    if isinstance(value, dict):
        value = value.get("organisatie")
    return value if isinstance(value, str) and value else None


def _find(inhoud: Inhoud, key: str, ids: set[str]) -> dict | None:
    """The record with one of `ids`, or the one that lists one of them in `vorige_ids`."""
    for record in inhoud.get(key) or []:
        if isinstance(record, dict) and (
            record.get("id") in ids or ids & set(record.get("vorige_ids") or [])
        ):
            return record
    return None


def _of_record(kind: str, record: dict) -> set[Subject]:
    found: set[Subject] = set()
    if kind in ("maatregel", "regeling"):
        if isinstance(record.get("opgave"), str):
            found.add(("opgave", record["opgave"]))
        orgs = [*(record.get("eindverantwoordelijken") or []), *(record.get("betrokkenen") or [])]
        orgs.append(record.get("verstrekker"))
        found |= {("organisatie", o) for o in map(_org, orgs) if o}
    elif kind == "organisatie":
        found |= {("organisatie", o) for o in map(_org, record.get("voorgangers") or []) if o}
    return found


def touched(change: Wijziging, oud: Inhoud, nieuw: Inhoud) -> frozenset[Subject]:
    """Every opgave and organisatie `change` (from `oud` to `nieuw`) touches."""
    if change.kind == "opgave":
        return frozenset({("opgave", change.id)})
    key = KEYS.get(change.kind)
    if key is None:
        return frozenset()
    found: set[Subject] = set()
    if change.kind == "organisatie":
        found.add(("organisatie", change.id))
    ids = {change.id}
    newer = _find(nieuw, key, ids)
    if newer is not None:  # a renamed record stands under its old id in the older version
        ids |= {newer.get("id"), *(newer.get("vorige_ids") or [])}
    for record in (_find(oud, key, ids), newer):
        if record is not None:
            found |= _of_record(change.kind, record)
    if change.kind == "organisatie":  # the ones that name it as their voorganger
        for inhoud in (oud, nieuw):
            for record in inhoud.get("organisaties") or []:
                succeeds = isinstance(record, dict) and record.get("id")
                if succeeds and ("organisatie", change.id) in _of_record("organisatie", record):
                    found.add(("organisatie", record["id"]))
    return frozenset(found)

"""Two records of one kind never look the same: names are compared as a reader sees them.

A second organisatie 'COA' written with a zero-width space, in full-width letters ('ＣＯＡ'),
in Cyrillic letters or as 'coa' shows as the same name in the matrix, the filters and the
search results. Names are equal when they are equal after NFKC, with Cyrillic and Greek
look-alikes read as Latin, case folding, without hidden characters and with white space
collapsed (characters.folded); the second one is reported, with the first's line.

Which names: a maatregel's, regeling's, opgave's and page's titel, an organisatie's naam and
afkorting, a begrip's term (an identical term is record_rules._check_unique's). Bronnen are left
out: two letters with the same onderwerp are told apart by their date and kenmerk.
"""

from __future__ import annotations

from typing import Any

from ..base.problems import Location, Problem
from .characters import folded

# (file key, field, what the field is called, what one record is called)
NAMES = (
    ("maatregelen", "titel", "de titel", "maatregel"),
    ("regelingen", "titel", "de titel", "regeling"),
    ("opgaven", "titel", "de titel", "opgave"),
    ("organisaties", "naam", "de naam", "organisatie"),
    ("organisaties", "afkorting", "de afkorting", "organisatie"),
    ("begrippen", "term", "de term", "begrip"),
)


def check_names(values: dict[str, Any], pages: list[dict], problems: list[Problem]) -> None:
    """Every record whose name looks the same as an earlier one's of its kind."""
    for key, name, label, kind in NAMES:
        _check(values.get(key) or [], name, label, kind, problems)
    _check(pages, "titel", "de titel", "pagina", problems)


def _check(records: list[dict], name: str, label: str, kind: str, problems: list[Problem]) -> None:
    seen: dict[str, tuple[str, dict]] = {}
    for record in records:
        value = record.get(name)
        if not isinstance(value, str):
            continue
        key = folded(value)
        if key not in seen:
            seen[key] = (value, record)
            continue
        first_value, first = seen[key]
        if kind == "begrip" and first_value == value:
            continue  # the same term twice: record_rules._check_unique says so
        if "id" in record and record["id"] == first.get("id"):
            continue  # a record written twice: its id is reported already
        at: Location = record["_loc"][name]
        where: Location = first["_loc"][name]
        if "id" in first:
            which = f"{kind} '{first['id']}'"
        else:  # a begrip (no id) or a page (its file)
            which = first.get("path") or f"een ander {kind}"
        place = (
            f"regel {where.line}" if where.file == at.file else f"{where.file} regel {where.line}"
        )
        path = record.get("_path") or ""
        problems.append(
            Problem(
                at,
                f"{path}.{name}: {label} '{value}' is voor een lezer gelijk aan die van "
                f"{which} ('{first_value}', {place}): ze verschillen alleen in hoofdletters, "
                "in de vorm van tekens of in letters uit een ander schrift die er hetzelfde "
                f"uitzien; kies {label.replace('de ', 'een andere ', 1)}",
            )
        )

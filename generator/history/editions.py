"""Published editions: frozen snapshots under content/edities/<jaar>.yaml, and what follows.

`handreiking editie publiceer <jaar>` writes a snapshot: the checked content as plain YAML
(every value as the editor wrote it, dates in their notation, keys in schema order) plus the
site addresses that edition published. A clean checkout builds every edition's changelog from
these files alone, without git history.

The snapshot is read by a *tolerant* reader, not by the validator: it keeps every field it
finds and the diff uses only the fields it knows. So a later change of the schema (a new
field, a renamed or dropped one) never makes an old snapshot unreadable; `formaat` says which
layout the file has, for a migration if the layout itself ever has to change.

From the snapshots and the current content this module derives: the changelog sections
(`Wijzigingen`), per maatregel the edition it appeared in and the edition it last changed in
substance (`Geschiedenis`), the redirect pages for ids in `vorige_ids`, and the problems when
an address of an earlier edition is gone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..base.dates import Periode
from ..base.problems import Location, Problem
from ..base.settings import build_date, pdf_enabled
from ..base.urls import FOLLOW_FILE, PDF_FILE
from ..content.kinds import Record
from ..content.schema import FILES, RECORDS
from ..content.validate import Checked
from .diff import vergelijk
from .ledger import (
    GECORRIGEERD,
    GEPUBLICEERD,
    Entry,
    Ledger,
    append_entry,
    read_ledger,
    sha256,
)
from .snapshots import (
    EDITIES_DIR,
    read_snapshot,
    snapshot_paths,
    snapshot_text,
)


class EditionError(Exception):
    """An edition cannot be published; `problems` say why, located."""

    def __init__(self, problems: list[Problem]):
        super().__init__("editie niet gepubliceerd")
        self.problems = problems


# --- plain values ----------------------------------------------------------------------------


def plain(value: Any, record: Record | None = None) -> Any:
    """Checked values as plain YAML data: no locations, dates as written, keys in schema order."""
    if isinstance(value, dict):
        keys = [f.key for f in record.fields] if record else []
        keys += sorted(k for k in value if k not in keys and not k.startswith("_"))
        return {k: plain(value[k], _sub_record(record, k)) for k in keys if k in value}
    if isinstance(value, list):
        return [plain(v, record) for v in value]
    if isinstance(value, Periode):
        return value.notatie
    return value


def _sub_record(record: Record | None, key: str) -> Record | None:
    if record is None:
        return None
    kind = next((f.kind for f in record.fields if f.key == key), None)
    kind = getattr(kind, "item", kind)
    return kind if isinstance(kind, Record) else None


def as_text(value: Any) -> Any:
    """Every leaf as text, the way a snapshot reads back: 50000000 -> '50000000'."""
    if isinstance(value, dict):
        return {k: as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_text(v) for v in value]
    if value is None or isinstance(value, str):
        return value
    return str(value)


def content_of(checked: Checked) -> dict[str, Any]:
    """The checked content as plain data, in the order of FILES (the edition's own record
    under 'editie', as a snapshot's `editie`), with the prose pages."""
    records = {spec.key: getattr(spec.kind, "item", spec.kind) for spec in FILES}
    content = {spec.key: plain(checked.values.get(spec.key), records[spec.key]) for spec in FILES}
    content["paginas"] = [
        {
            "slug": p["slug"],
            "titel": p["titel"],
            "volgorde": p["volgorde"],
            "tekst": p["body"].strip("\n") + "\n",
        }
        for p in checked.pages
    ]
    return content


def _editie_record() -> Record:
    return next(r for r in RECORDS if r.name == "editie")


def published_urls(files: dict[str, str | bytes]) -> list[str]:
    """The site-relative URLs a set of docs_dir files publishes: 'maatregelen/x.md' -> '.../x/'."""
    urls = set()
    for path in files:
        if FOLLOW_FILE.match(path):  # issue 24: a subject's feed follows the subject
            continue
        if path == "index.md":
            urls.add("")
        elif path.endswith(".md"):
            urls.add(path[:-3] + "/")
        elif path.endswith("/index.html"):
            urls.add(path[: -len("index.html")])
        else:
            urls.add(path)
    if not pdf_enabled():  # a quick build (serve, previews) skips the PDF; it stays published
        urls.add(PDF_FILE)
    return sorted(urls)


def publish(
    root: Path,
    jaar: int,
    checked: Checked,
    files: dict[str, str | bytes],
    vastgesteld: Periode | None = None,
    door: str | None = None,
    replace: bool = False,
    reden: str | None = None,
    datum: date | None = None,
) -> Path:
    """Freeze the checked content as edition `jaar` and record that in the ledger
    (content/edities/logboek.yaml); raise EditionError with the reasons.

    `replace` corrects a published edition: it needs a `reden`, and the ledger records it
    with the changelog of old snapshot -> new one. `datum` is the day of the act (default:
    the build date).
    """
    editie_values = checked.values["editie"]
    display = f"{EDITIES_DIR}/{jaar}.yaml"
    target = root / display
    ledger = read_ledger(root)
    problems = _refusals(root, jaar, checked, display, ledger, replace, reden)
    editie, wrong = _vaststelling(editie_values, vastgesteld, door)
    if problems + wrong:
        raise EditionError(problems + wrong)
    working = content_of(checked)
    content = {k: v for k, v in working.items() if k != "editie"}  # it has its own place
    text = snapshot_text(editie, published_urls(files), content)
    day = (datum or build_date()).isoformat()
    if replace:
        entry = _correction(root, jaar, display, text, working, day, reden)
    else:
        entry = Entry(jaar, GEPUBLICEERD, day, sha256(text.encode("utf-8")))
    if vastgesteld and "vastgesteld" not in editie_values:
        _add_vaststelling(root / checked.files["editie"], vastgesteld, door)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    append_entry(root, ledger.entries, entry)
    return target


def _jaar_at(editie_values: dict[str, Any]) -> Location:
    """Where content/editie.yaml gives the edition's year (else where the editie starts)."""
    return editie_values["_loc"].get("jaar", editie_values["_at"])


def _refusals(
    root: Path,
    jaar: int,
    checked: Checked,
    display: str,
    ledger: Ledger,
    replace: bool,
    reden: str | None,
) -> list[Problem]:
    """Why edition `jaar` cannot be published (or corrected, `replace`) as asked."""
    editie_values = checked.values["editie"]
    jaar_at = _jaar_at(editie_values)
    problems = []
    if editie_values.get("jaar") != jaar:
        problems.append(
            Problem(
                jaar_at,
                f"editie.jaar is {editie_values.get('jaar')}, maar u "
                f"publiceert editie {jaar}; zet eerst 'jaar: {jaar}' (en de "
                "titel en peildatum van de nieuwe editie) in " + checked.files["editie"],
            )
        )
    problems += ledger.problems
    existing = [int(p.stem) for p in snapshot_paths(root)]
    published, file_at = (root / display).exists(), Location(display, 1, 1)
    if published and not replace:
        problems.append(
            Problem(
                file_at,
                f"editie {jaar} is al gepubliceerd; een gepubliceerde editie verandert niet. "
                "Is er een fout in de editie, herstel die dan in de inhoud en leg dat vast als "
                f'correctie: make publiceer JAAR={jaar} VERVANG=1 REDEN="waarom"',
            )
        )
    if replace and not published:
        problems.append(
            Problem(
                file_at,
                f"editie {jaar} is nog niet gepubliceerd, dus er is niets te corrigeren; laat "
                "VERVANG en REDEN weg (--vervang en --reden)",
            )
        )
    if replace and not (reden or "").strip():
        problems.append(
            Problem(
                file_at,
                "zeg waarom u de editie corrigeert (REDEN=..., --reden): het logboek en de site "
                "tonen het",
            )
        )
    if existing and jaar < max(existing) and not published:
        problems.append(
            Problem(
                jaar_at,
                f"er is al een nieuwere editie ({max(existing)}); "
                "publiceer alleen de nieuwste editie",
            )
        )
    return problems


def _vaststelling(
    editie_values: dict[str, Any], vastgesteld: Periode | None, door: str | None
) -> tuple[dict[str, Any], list[Problem]]:
    """The edition's own record as the snapshot holds it, with the vaststelling given on the
    command line; and what is wrong with that vaststelling."""
    editie = plain(editie_values, _editie_record())
    if vastgesteld is None and not door:
        return editie, []
    if not (vastgesteld and door):
        return editie, [Problem(_jaar_at(editie_values), "geef --vastgesteld en --door allebei op")]
    given = {"datum": vastgesteld.notatie, "door": door}
    if "vastgesteld" in editie and editie["vastgesteld"] != given:
        return editie, [
            Problem(
                editie_values["_loc"]["vastgesteld"],
                "de editie heeft al "
                "een andere vaststelling; pas die hier aan of laat "
                "--vastgesteld en --door weg",
            )
        ]
    editie["vastgesteld"] = given
    return editie, []


def _correction(
    root: Path,
    jaar: int,
    display: str,
    text: str,
    working: dict[str, Any],
    day: str,
    reden: str | None,
) -> Entry:
    """The ledger's entry for correcting edition `jaar` to `text`: with the changelog of the
    old snapshot -> the `working` content; refused when nothing changes."""
    target = root / display
    old_bytes = target.read_bytes()
    if old_bytes == text.encode("utf-8"):
        raise EditionError(
            [
                Problem(
                    Location(display, 1, 1),
                    f"er is niets te corrigeren: editie {jaar} is al precies zo vastgelegd. "
                    "Pas eerst de inhoud aan die niet klopte",
                )
            ]
        )
    old, _ = read_snapshot(target, display, root)
    before_content = old.inhoud if old is not None else {}
    changes = vergelijk(before_content, as_text(working))
    return Entry(
        jaar,
        GECORRIGEERD,
        day,
        sha256(text.encode("utf-8")),
        sha256(old_bytes),
        " ".join((reden or "").split()),
        tuple(w.zin for w in changes),
    )


def _add_vaststelling(path: Path, datum: Periode, door: str) -> None:
    """Append `vastgesteld:` to content/editie.yaml, so the site shows it too."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    door_yaml = yaml.safe_dump(door, allow_unicode=True, width=1000).strip().removesuffix("...")
    text += f'  vastgesteld:\n    datum: "{datum.notatie}"\n    door: {door_yaml.strip()}\n'
    path.write_text(text, encoding="utf-8")

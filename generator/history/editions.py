"""Published editions: frozen snapshots under content/edities/<jaar>.yaml, and what follows.

`handreiking editie publiceer <jaar>` writes a snapshot: the checked content as plain YAML
(every value as the editor wrote it, dates in their notation, keys in schema order) plus the
site addresses that edition published. A clean checkout builds every edition's changelog from
these files alone, without git history.

The snapshot is read by a *tolerant* reader, not by the validator: it keeps every field it
finds and the diff uses only the fields it knows. So a later change of the schema (a new
field, a renamed or dropped one) never makes an old snapshot unreadable; `formaat` says which
layout the file has, for a migration if the layout itself ever has to change.

What the site derives from the snapshots and the current content (the changelog, the
records' trails, removals, redirects) is history/model.py's, computed once per build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..base.dates import Periode
from ..base.problems import Location, Problem
from ..base.settings import pdf_enabled
from ..base.urls import PDF_FILE
from ..content.kinds import Record
from ..content.schema import FILES, RECORDS
from ..content.validate import Checked
from .snapshots import (
    EDITIES_DIR,
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
) -> Path:
    """Freeze the checked content as edition `jaar`; raise EditionError with the reasons."""
    editie_values = checked.values["editie"]
    editie_file = checked.files["editie"]
    jaar_at = editie_values["_loc"].get("jaar", editie_values["_at"])
    problems = []
    if editie_values.get("jaar") != jaar:
        problems.append(
            Problem(
                jaar_at,
                f"editie.jaar is {editie_values.get('jaar')}, maar u "
                f"publiceert editie {jaar}; zet eerst 'jaar: {jaar}' (en de "
                "titel en peildatum van de nieuwe editie) in " + editie_file,
            )
        )
    existing = [int(p.stem) for p in snapshot_paths(root)]
    target = root / EDITIES_DIR / f"{jaar}.yaml"
    if target.exists() and not replace:
        problems.append(
            Problem(
                Location(f"{EDITIES_DIR}/{jaar}.yaml", 1, 1),
                f"editie {jaar} "
                "is al gepubliceerd; een gepubliceerde editie verandert niet "
                "(gebruik --vervang alleen om een fout bij het publiceren te "
                "herstellen)",
            )
        )
    if existing and jaar < max(existing) and not target.exists():
        problems.append(
            Problem(
                jaar_at,
                f"er is al een nieuwere editie ({max(existing)}); "
                "publiceer alleen de nieuwste editie",
            )
        )
    editie = plain(editie_values, _editie_record())
    if vastgesteld is not None or door:
        if not (vastgesteld and door):
            problems.append(Problem(jaar_at, "geef --vastgesteld en --door allebei op"))
        elif "vastgesteld" in editie and editie["vastgesteld"] != {
            "datum": vastgesteld.notatie,
            "door": door,
        }:
            problems.append(
                Problem(
                    editie_values["_loc"]["vastgesteld"],
                    "de editie heeft al "
                    "een andere vaststelling; pas die hier aan of laat "
                    "--vastgesteld en --door weg",
                )
            )
        else:
            editie["vastgesteld"] = {"datum": vastgesteld.notatie, "door": door}
    if problems:
        raise EditionError(problems)
    if vastgesteld and "vastgesteld" not in editie_values:
        _add_vaststelling(root / editie_file, vastgesteld, door)
    target.parent.mkdir(parents=True, exist_ok=True)
    content = {k: v for k, v in content_of(checked).items() if k != "editie"}  # it has its own
    text = snapshot_text(editie, published_urls(files), content)
    target.write_text(text, encoding="utf-8")
    return target


def _add_vaststelling(path: Path, datum: Periode, door: str) -> None:
    """Append `vastgesteld:` to content/editie.yaml, so the site shows it too."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    door_yaml = yaml.safe_dump(door, allow_unicode=True, width=1000).strip().removesuffix("...")
    text += f'  vastgesteld:\n    datum: "{datum.notatie}"\n    door: {door_yaml.strip()}\n'
    path.write_text(text, encoding="utf-8")

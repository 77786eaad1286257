"""Open data: the whole content as JSON (with its JSON Schema, `open_data_schema`) and a CSV file
per kind (`csv_tables`), the calendar (`ical`) and the PDF (`printed`), with the page that
explains them.

Renderer-agnostic: bytes from the model, nothing from MkDocs. Deterministic: records in model
order, keys in schema order; the only date in the output is the build date (Settings.today).

    >>> sorted(data_files(handreiking, settings))[:2]         # doctest: +SKIP
    ['open-data/handreiking.json', 'open-data/handreiking.schema.json']

The records in `handreiking.json` have exactly the fields of the content files (the YAML that
editors write), plus a `url` of their page; so the published schema is the editors' schema
(`generator.schema.json_schema()`) with a top level for the whole set.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..base.settings import Settings, pdf_enabled
from ..base.urls import OPEN_DATA, PDF_FILE, site_url, url_of
from ..content.kinds import Record
from ..content.model import VOLGENDE_EDITIE_AFGELEID, Handreiking, Mijlpaal
from ..content.schema import (
    BEGRIP,
    BRON,
    EDITIE,
    MAATREGEL,
    OPGAVE,
    ORGANISATIE,
    PAGINA,
    REGELING,
    dump_schema,
    schema_files,
)
from ..history.snapshots import SNAPSHOT_SCHEMA, snapshot_schema
from . import ical, printed
from .csv_cells import LIST_SEPARATOR, Table, csv_bytes
from .csv_tables import tables
from .open_data_schema import SCHEMA_FILE, export_schema

JSON_FILE = f"{OPEN_DATA}/handreiking.json"
LICENTIE = {
    "id": "CC0-1.0",
    "naam": "CC0 1.0 Universeel (Verklaring van afstand van rechten)",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}


# --- JSON --------------------------------------------------------------------------------


def _record(record: Record, obj: Any, **extra: Any) -> dict[str, Any]:
    """The fields the schema declares for `record`, as the content files write them (each
    kind's `written`), in its order, empty ones left out; then the outputs' own `extra`."""
    return {**record.written(obj), **extra}


def _mijlpaal(p: Mijlpaal, settings: Settings, prefix: str = "") -> dict[str, Any]:
    termijn = p.termijn  # issue 22: as the text says it; an opening has no end
    return {
        "datum": p.datum.notatie,
        "woorden": termijn.words,
        "precisie": p.datum.precisie,
        "datum_soort": p.datum_soort,
        "datum_zekerheid": p.datum_zekerheid,
        "begin": p.datum.begin.isoformat() if p.datum.dated else None,
        "einde": termijn.einde.isoformat() if termijn.einde else None,
        "tekst": p.tekst,
        "afgeleid": p.afgeleid,
        "verlopen": p.is_overdue(settings.today),
        "soort": p.eigenaar_kind,
        "id": p.eigenaar_id,
        "titel": p.eigenaar_titel,
        "url": site_url(settings) + prefix + url_of(p.eigenaar_kind, p.eigenaar_id),
    }


def content_json(h: Handreiking, settings: Settings, prefix: str = "") -> dict[str, Any]:
    """The whole handreiking as one JSON document, valid against `export_schema()`; with
    `prefix` ('editie/2021/') its pages are a published edition's fixed addresses."""

    def page_url(settings: Settings, kind: str, id_: str) -> str:
        return site_url(settings) + prefix + url_of(kind, id_)

    def records(record: Record, items: Iterable, kind: str | None = None) -> list[dict]:
        return [_record(record, item, **derived(item, kind)) for item in items]

    def derived(item: Any, kind: str | None) -> dict[str, Any]:
        """What the site adds to a record: its page, and whether its status is overdue."""
        extra: dict[str, Any] = {"url": page_url(settings, kind, item.id)} if kind else {}
        if hasattr(item, "is_overdue"):
            extra["verlopen"] = item.is_overdue(settings.today)
        return extra

    return {
        "$schema": site_url(settings) + SCHEMA_FILE,
        "titel": h.editie.titel,
        "editie": _record(EDITIE, h.editie),
        "bouwdatum": settings.today.isoformat(),
        "actualiteit": {
            "stand": h.editie.peildatum.words,
            "volgende_editie_verwacht": h.editie.volgende_uiterlijk.isoformat(),
            "volgende_editie_afgeleid": VOLGENDE_EDITIE_AFGELEID,
            "mogelijk_verouderd": h.editie.is_verouderd(settings.today),
        },
        "bron": site_url(settings),
        "licentie": LICENTIE,
        "opgaven": records(OPGAVE, h.opgaven.values(), "opgave"),
        "maatregelen": records(MAATREGEL, h.maatregelen.values(), "maatregel"),
        "regelingen": records(REGELING, h.regelingen.values(), "regeling"),
        "organisaties": records(ORGANISATIE, h.organisaties.values(), "organisatie"),
        "bronnen": records(BRON, h.bronnen.values()),
        "begrippen": records(BEGRIP, h.begrippen),
        "paginas": [
            _record(PAGINA, p, slug=p.slug, tekst=p.body, url=page_url(settings, "pagina", p.slug))
            for p in h.paginas
        ],
        "mijlpalen": [_mijlpaal(p, settings, prefix) for p in h.mijlpalen],
    }


def edition_json(h: Handreiking, settings: Settings, nieuwste: bool) -> bytes:
    """The content of a published edition as open data, at its fixed address: as
    handreiking.json, dated by the edition itself and marked as a fixed version."""
    jaar = h.editie.jaar
    day = h.editie.vastgesteld.datum.begin if h.editie.vastgesteld else h.editie.peildatum.einde
    data = content_json(h, replace(settings, today=day), f"editie/{jaar}/")
    data["vaste_versie"] = {
        "editie": jaar,
        "nieuwste_editie": nieuwste,
        "huidige_versie": site_url(settings) + JSON_FILE,
    }
    return _json_bytes(data)


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- the files ---------------------------------------------------------------------------


def data_files(h: Handreiking, settings: Settings) -> dict[str, bytes]:
    """handreiking.json, its schema and the CSV files, keyed by their path in the site."""
    files = {
        JSON_FILE: _json_bytes(content_json(h, settings)),
        SCHEMA_FILE: _json_bytes(export_schema(settings)),
    }
    for table in tables(h, settings):
        files[table.file] = csv_bytes(table, h)
    return files


def human_size(size: int) -> str:
    """A file size in Dutch: 950 -> '950 bytes', 12_345 -> '12 kB', 1_234_567 -> '1,2 MB'."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


@dataclass(frozen=True)
class Download:
    """A published file as the open-data page lists it."""

    file: str
    titel: str
    formaat: str
    size: str
    uitleg: str
    table: Table | None = None


def editor_schemas(settings: Settings) -> dict[str, bytes]:
    """The editors' schemas (schema/*.json), published at their `$id` on the site."""
    site = site_url(settings)
    files = {**schema_files(site), SNAPSHOT_SCHEMA: dump_schema(snapshot_schema(site))}
    return {path: text.encode("utf-8") for path, text in files.items()}


def site_files(
    h: Handreiking, settings: Settings, pdf: bool | None = None, history=None, volgen=()
) -> dict[str, str | bytes]:
    """Everything this module adds to docs_dir: open-data/*, the open-data page, the print
    page and (unless HANDREIKING_PDF=0 or pdf=False) the PDF."""

    files: dict[str, str | bytes] = dict(data_files(h, settings))
    files[ical.ICS_FILE] = ical.calendar_bytes(h, settings)
    files.update(editor_schemas(settings))
    document = printed.Document(h, settings)
    pdf_info = None
    if pdf_enabled() if pdf is None else pdf:
        data, pages = document.pdf()
        files[PDF_FILE] = data
        pdf_info = {"href": "../" + PDF_FILE, "size": human_size(len(data)), "pages": pages}
    files.update(document.page(pdf_info))
    files.update(open_data_page(h, settings, files, pdf_info, history, volgen))
    return files


def open_data_page(
    h: Handreiking,
    settings: Settings,
    files: dict[str, str | bytes],
    pdf_info: dict | None,
    history=None,
    volgen=(),
) -> dict[str, str]:
    """The page /open-data/ that explains every file, its columns and the licence."""
    from .render import Renderer

    downloads = _downloads(h, settings, files, pdf_info)
    renderer = Renderer(h, settings, history, volgen=volgen)
    pages: dict[str, str] = {}
    renderer.add(
        pages,
        f"{OPEN_DATA}/",
        "open-data.md.j2",
        downloads=downloads,
        licentie=LICENTIE,
        site=site_url(settings),
        separator=LIST_SEPARATOR,
        ics_url=site_url(settings) + ical.ICS_FILE,
        bouwdatum=settings.today,
    )
    return pages


# The files the open-data page lists before and after the CSV files: (file, titel, formaat,
# uitleg). The PDF follows them when the build made it (`_downloads`).
BEFORE_CSV = (
    (
        JSON_FILE,
        "De hele handreiking",
        "JSON",
        "Alle opgaven, maatregelen, regelingen, organisaties, bronnen, begrippen en "
        "pagina's, met de editie. De velden zijn dezelfde als in de YAML-bestanden "
        "van de redactie, plus het webadres (url) van elke pagina en een lijst van "
        "alle mijlpalen met begin- en einddatum.",
    ),
    (
        SCHEMA_FILE,
        "JSON Schema van handreiking.json",
        "JSON Schema (2020-12)",
        "Beschrijft elk veld van handreiking.json, met uitleg in "
        "het Nederlands. Gemaakt uit dezelfde velddefinitie als de controle van de "
        "redactie.",
    ),
)
AFTER_CSV = (
    (
        ical.ICS_FILE,
        "Mijlpalen als agenda",
        "iCalendar (.ics)",
        "Elke mijlpaal als afspraak van een hele dag (bij een periode de laatste "
        "dag), met een link naar de maatregel. Importeer het bestand in Outlook, "
        "Google Agenda of Agenda, of abonneer u op het webadres: dan ziet u "
        "wijzigingen vanzelf.",
    ),
)


def _downloads(
    h: Handreiking, settings: Settings, files: dict[str, str | bytes], pdf_info: dict | None
) -> list[Download]:
    """Every file the open-data page lists, with its size."""

    def download(file: str, titel: str, formaat: str, uitleg: str, table=None) -> Download:
        return Download(file, titel, formaat, human_size(len(files[file])), uitleg, table)

    downloads = [
        *(download(*listed) for listed in BEFORE_CSV),
        *(download(t.file, t.titel, "CSV", t.uitleg, t) for t in tables(h, settings)),
        *(download(*listed) for listed in AFTER_CSV),
    ]
    if pdf_info:
        downloads.append(
            Download(
                PDF_FILE,
                "De handreiking als document",
                "PDF",
                pdf_info["size"],
                f"De hele handreiking als document van "
                f"{pdf_info['pages']} pagina's: met inhoudsopgave, "
                "voetnoten en paginanummers, om te printen of te delen.",
            )
        )
    return downloads


def write_open_data(h: Handreiking, settings: Settings, out, pdf: bool | None = None) -> list[str]:
    """`handreiking export`: write the files the site publishes under /open-data/ to `out`."""
    from pathlib import Path

    out = Path(out)
    written = []
    for name, data in site_files(h, settings, pdf=pdf).items():
        if not name.startswith(f"{OPEN_DATA}/"):
            continue  # the Markdown pages belong to the site
        target = out / name.removeprefix(f"{OPEN_DATA}/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        written.append(str(target))
    return written

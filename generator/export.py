"""Open data: the whole content as JSON (with its JSON Schema) and a CSV file per kind.

Renderer-agnostic: bytes from the model, nothing from MkDocs. Deterministic: records in model
order, keys in schema order; the only date in the output is the build date (Settings.today).

    >>> sorted(data_files(handreiking, settings))[:2]         # doctest: +SKIP
    ['open-data/handreiking.json', 'open-data/handreiking.schema.json']

The records in `handreiking.json` have exactly the fields of the content files (the YAML that
editors write), plus a `url` of their page; so the published schema is the editors' schema
(`generator.schema.json_schema()`) with a top level for the whole set.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .dates import Periode
from .kinds import ListOf, Record
from .model import (
    SOORT_BEDRAG_LABELS,
    SOORT_ORGANISATIE_LABELS,
    STATUS_LABELS,
    Handreiking,
    Kerncijfer,
    Mijlpaal,
    Opgave,
)
from .render import Settings, url_of
from .schema import (
    BEGRIP,
    BRON,
    EDITIE,
    MAATREGEL,
    OPGAVE,
    ORGANISATIE,
    PAGINA,
    REGELING,
    json_schema,
)

OPEN_DATA = "open-data"
JSON_FILE = f"{OPEN_DATA}/handreiking.json"
SCHEMA_FILE = f"{OPEN_DATA}/handreiking.schema.json"
LIST_SEPARATOR = " | "
LICENTIE = {
    "id": "CC0-1.0",
    "naam": "CC0 1.0 Universeel (Verklaring van afstand van rechten)",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}
DEFAULT_SITE_URL = "https://localhost/"


class Dialect(csv.Dialect):
    """The CSV dialect of every file: ';' as Dutch Excel expects, RFC 4180 quoting and CRLF."""

    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL


def site_url(settings: Settings) -> str:
    """The published address with a trailing slash; every absolute URL starts with it."""
    return (settings.site_url or DEFAULT_SITE_URL).rstrip("/") + "/"


def page_url(settings: Settings, kind: str, id_: str | None = None) -> str:
    """Absolute URL of a page: page_url(s, 'maatregel', 'x') -> 'https://.../maatregelen/x/'."""
    return site_url(settings) + url_of(kind, id_)


# --- JSON --------------------------------------------------------------------------------


def _value(kind, value):
    """A model value as the content files write it (a Periode as its notation)."""
    if value is None or value == () or value == []:
        return None
    if isinstance(kind, Record):
        return _record(kind, value)
    if isinstance(kind, ListOf):
        return [_value(kind.item, item) for item in value]
    if isinstance(value, Periode):
        return value.notatie
    return value


def _record(record: Record, obj: Any, **extra: Any) -> dict[str, Any]:
    """The fields the schema declares for `record`, in its order, empty ones left out."""
    out: dict[str, Any] = {}
    for field in record.fields:
        value = _value(field.kind, getattr(obj, field.key))
        if value is not None:
            out[field.key] = value
    out.update(extra)
    return out


def _mijlpaal(p: Mijlpaal, settings: Settings) -> dict[str, Any]:
    return {
        "datum": p.datum.notatie,
        "woorden": p.datum.words,
        "precisie": p.datum.precisie,
        "begin": p.datum.begin.isoformat(),
        "einde": p.datum.einde.isoformat(),
        "tekst": p.tekst,
        "soort": p.eigenaar_kind,
        "id": p.eigenaar_id,
        "titel": p.eigenaar_titel,
        "url": page_url(settings, p.eigenaar_kind, p.eigenaar_id),
    }


def content_json(h: Handreiking, settings: Settings) -> dict[str, Any]:
    """The whole handreiking as one JSON document, valid against `export_schema()`."""

    def records(record: Record, items: Iterable, kind: str | None = None) -> list[dict]:
        return [
            _record(record, item, **({"url": page_url(settings, kind, item.id)} if kind else {}))
            for item in items
        ]

    return {
        "$schema": site_url(settings) + SCHEMA_FILE,
        "titel": h.editie.titel,
        "editie": _record(EDITIE, h.editie),
        "bouwdatum": settings.today.isoformat(),
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
        "mijlpalen": [_mijlpaal(p, settings) for p in h.mijlpalen],
    }


def export_schema(settings: Settings) -> dict[str, Any]:
    """The JSON Schema of handreiking.json: the editors' record definitions, one top level."""
    base = json_schema()
    defs = {k: copy.deepcopy(v) for k, v in base["$defs"].items() if not k.endswith("_bestand")}
    url = {
        "type": "string",
        "format": "uri",
        "title": "Webadres",
        "description": "De pagina op de site (afgeleid, staat niet in de YAML)",
    }
    for name in ("maatregel", "opgave", "regeling", "organisatie"):
        defs[name]["properties"]["url"] = url
    pagina = copy.deepcopy(PAGINA.definition())
    pagina["properties"].update(
        slug={"type": "string", "title": "Slug", "description": "Bestandsnaam zonder .md"},
        tekst={"type": "string", "title": "Tekst", "description": "De tekst, in Markdown"},
        url=url,
    )
    pagina["required"] += ["slug", "tekst", "url"]
    defs["pagina"] = pagina
    iso = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    defs["mijlpaal_overzicht"] = {
        "type": "object",
        "title": "mijlpaal in het overzicht",
        "additionalProperties": False,
        "required": [
            "datum",
            "woorden",
            "precisie",
            "begin",
            "einde",
            "tekst",
            "soort",
            "id",
            "titel",
            "url",
        ],
        "properties": {
            "datum": {**defs["mijlpaal"]["properties"]["datum"]},
            "woorden": {
                "type": "string",
                "description": "De datum in woorden, zoals in de "
                "handreiking: 'eerste kwartaal 2021'",
            },
            "precisie": {
                "type": "string",
                "enum": ["dag", "maand", "kwartaal", "helft", "seizoen", "jaar", "periode"],
            },
            "begin": {**iso, "description": "Eerste dag van de periode"},
            "einde": {**iso, "description": "Laatste dag van de periode (tot en met)"},
            "tekst": {"type": "string"},
            "soort": {
                "type": "string",
                "enum": ["maatregel", "opgave"],
                "description": "Waar de mijlpaal bij hoort",
            },
            "id": {"type": "string", "description": "Id van de maatregel of opgave"},
            "titel": {"type": "string", "description": "Titel van de maatregel of opgave"},
            "url": url,
        },
    }

    def items(name: str) -> dict:
        return {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}

    return {
        "$schema": base["$schema"],
        "$id": site_url(settings) + SCHEMA_FILE,
        "title": "Integrale Handreiking: open data (handreiking.json)",
        "description": "De hele inhoud van de handreiking. Gegenereerd uit generator/schema.py, "
        "dezelfde velden als de YAML-bestanden van de redactie.",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "titel",
            "editie",
            "bouwdatum",
            "bron",
            "licentie",
            "opgaven",
            "maatregelen",
            "regelingen",
            "organisaties",
            "bronnen",
            "begrippen",
            "paginas",
            "mijlpalen",
        ],
        "properties": {
            "$schema": {"type": "string", "format": "uri"},
            "titel": {"type": "string"},
            "editie": {"$ref": "#/$defs/editie"},
            "bouwdatum": {**iso, "description": "De dag waarop dit bestand is gemaakt"},
            "bron": {"type": "string", "format": "uri", "description": "De site"},
            "licentie": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "naam", "url"],
                "properties": {k: {"type": "string"} for k in ("id", "naam", "url")},
            },
            "opgaven": items("opgave"),
            "maatregelen": items("maatregel"),
            "regelingen": items("regeling"),
            "organisaties": items("organisatie"),
            "bronnen": items("bron"),
            "begrippen": items("begrip"),
            "paginas": items("pagina"),
            "mijlpalen": {
                **items("mijlpaal_overzicht"),
                "description": "Alle mijlpalen van opgaven en maatregelen op volgorde "
                "van begin (afgeleid uit de tijdspaden)",
            },
        },
        "$defs": dict(sorted(defs.items())),
    }


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- CSV ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A CSV column: its header, what it holds (shown on the open-data page), its value."""

    name: str
    uitleg: str
    get: Callable[[Any], Any]


@dataclass(frozen=True)
class Table:
    """One CSV file: a row per record."""

    file: str
    titel: str
    uitleg: str
    columns: tuple[Column, ...]
    rows: Callable[[Handreiking], Iterable[Any]]


def joined(values: Iterable[str]) -> str:
    """A list in one cell: ['bzk', 'coa'] -> 'bzk | coa'."""
    return LIST_SEPARATOR.join(values)


def plain_number(value: int | float | None) -> str:
    """A number as Dutch spreadsheets read it: no thousands separator, decimal comma."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return repr(value).replace(".", ",")
    return str(int(value))


def _periode_columns(prefix: str, label: str, get: Callable[[Any], Periode | None]):
    def part(attr: str):
        def value(row):
            periode = get(row)
            if periode is None:
                return ""
            result = getattr(periode, attr)
            return result.isoformat() if attr in ("begin", "einde") else result

        return value

    return (
        Column(
            prefix,
            f"{label} in de notatie van de handreiking (2021-Q1, 2021-04, 2021-03..2021-07)",
            part("notatie"),
        ),
        Column(f"{prefix}_woorden", f"{label} in woorden ('eerste kwartaal 2021')", part("words")),
        Column(f"{prefix}_begin", f"Eerste dag van de {label.lower()} (JJJJ-MM-DD)", part("begin")),
        Column(
            f"{prefix}_einde",
            f"Laatste dag van de {label.lower()}, tot en met (JJJJ-MM-DD)",
            part("einde"),
        ),
    )


def tables(h: Handreiking, settings: Settings) -> tuple[Table, ...]:
    """Every CSV file, its columns declared once (the open-data page documents them)."""
    orgs, opgaven, regelingen = h.organisaties, h.opgaven, h.regelingen

    def names(ids: Iterable[str]) -> str:
        return joined(orgs[i].naam for i in ids)

    def url(kind: str) -> Column:
        return Column(
            "url", "Webadres van de pagina op de site", lambda r: page_url(settings, kind, r.id)
        )

    def opgave_cols(get: Callable[[Any], str]) -> tuple[Column, ...]:
        return (
            Column("opgave", "Id van de opgave", get),
            Column("opgave_titel", "Titel van de opgave", lambda r: opgaven[get(r)].titel),
        )

    status = (
        Column(
            "status",
            "Status (beschikbaar, in-voorbereiding, voornemen, afgerond, vervallen)",
            lambda r: r.status,
        ),
        Column("status_omschrijving", "Status in woorden", lambda r: STATUS_LABELS[r.status]),
    )
    maatregel: tuple[Column, ...] = (
        Column("id", "Vaste naam; ook het webadres", lambda m: m.id),
        Column("sectie", "Paragraaf in de handreiking", lambda m: m.sectie),
        Column("titel", "Titel", lambda m: m.titel),
        *opgave_cols(lambda m: m.opgave),
        *status,
        Column(
            "eindverantwoordelijken",
            "Ids van de eindverantwoordelijke organisaties",
            lambda m: joined(m.eindverantwoordelijken),
        ),
        Column(
            "eindverantwoordelijken_namen",
            "Namen van de eindverantwoordelijken",
            lambda m: names(m.eindverantwoordelijken),
        ),
        Column("betrokkenen", "Ids van de betrokken organisaties", lambda m: joined(m.betrokkenen)),
        Column(
            "regelingen",
            "Ids van de bijbehorende financieringsregelingen",
            lambda m: joined(m.regelingen),
        ),
        Column("bronnen", "Ids van de bronnen", lambda m: joined(m.bronnen)),
        Column("contact", "Id van de organisatie voor vragen", lambda m: m.contact or ""),
        Column(
            "aantal_mijlpalen",
            "Aantal mijlpalen in het tijdspad (zie mijlpalen.csv)",
            lambda m: len(m.tijdspad),
        ),
        Column("samenvatting", "Samenvatting in eenvoudige taal", lambda m: m.samenvatting),
        url("maatregel"),
    )
    regeling: tuple[Column, ...] = (
        Column("id", "Vaste naam; ook het webadres", lambda r: r.id),
        Column("sectie", "Paragraaf in de handreiking", lambda r: r.sectie),
        Column("titel", "Titel", lambda r: r.titel),
        *opgave_cols(lambda r: r.opgave),
        Column(
            "verstrekker", "Id van de organisatie die het geld verstrekt", lambda r: r.verstrekker
        ),
        Column("verstrekker_naam", "Naam van de verstrekker", lambda r: orgs[r.verstrekker].naam),
        *status,
        Column(
            "bedrag",
            "Bedrag in euro, als getal zonder punten (leeg: nog niet bekend)",
            lambda r: plain_number(r.bedrag.waarde if r.bedrag else None),
        ),
        Column(
            "soort_bedrag",
            "per-jaar, cumulatief, eenmalig, deel-van of totaal",
            lambda r: r.bedrag.soort if r.bedrag else "",
        ),
        Column(
            "soort_bedrag_omschrijving",
            "Soort bedrag in woorden",
            lambda r: SOORT_BEDRAG_LABELS[r.bedrag.soort] if r.bedrag else "",
        ),
        Column(
            "deel_van",
            "Id van de regeling waar dit bedrag een deel van is",
            lambda r: (r.bedrag.deel_van or "") if r.bedrag else "",
        ),
        *_periode_columns("aanvraagperiode", "Aanvraagperiode", lambda r: r.aanvraagperiode),
        Column("doelgroep", "Wie een beroep kan doen op de regeling", lambda r: r.doelgroep),
        Column(
            "maatregelen",
            "Ids van de maatregelen die naar deze regeling verwijzen",
            lambda r: joined(m.id for m in r.maatregelen),
        ),
        Column("samenvatting", "Samenvatting", lambda r: r.samenvatting),
        url("regeling"),
    )
    organisatie: tuple[Column, ...] = (
        Column("id", "Vaste naam; ook het webadres", lambda o: o.id),
        Column("naam", "Volledige naam", lambda o: o.naam),
        Column("afkorting", "Gangbare afkorting", lambda o: o.afkorting or ""),
        Column("soort", "Soort organisatie", lambda o: o.soort),
        Column(
            "soort_omschrijving",
            "Soort organisatie in woorden",
            lambda o: SOORT_ORGANISATIE_LABELS[o.soort],
        ),
        Column("rol", "Rol in de handreiking", lambda o: o.rol),
        Column(
            "email",
            "E-mailadres voor vragen",
            lambda o: (o.contact.email or "") if o.contact else "",
        ),
        Column("website", "Website", lambda o: (o.contact.url or "") if o.contact else ""),
        Column(
            "eindverantwoordelijk_voor",
            "Ids van de maatregelen waarvoor de organisatie eindverantwoordelijk is",
            lambda o: joined(m.id for m in o.eindverantwoordelijk_voor),
        ),
        Column(
            "betrokken_bij",
            "Ids van de maatregelen waarbij de organisatie betrokken is",
            lambda o: joined(m.id for m in o.betrokken_bij),
        ),
        Column(
            "verstrekt",
            "Ids van de regelingen die de organisatie verstrekt",
            lambda o: joined(r.id for r in o.verstrekt),
        ),
        url("organisatie"),
    )
    mijlpaal: tuple[Column, ...] = (
        *_periode_columns("datum", "Datum", lambda p: p.datum),
        Column(
            "precisie",
            "dag, maand, kwartaal, helft, seizoen, jaar of periode",
            lambda p: p.datum.precisie,
        ),
        Column("tekst", "Wat er dan gebeurt", lambda p: p.tekst),
        Column(
            "soort", "maatregel of opgave: waar de mijlpaal bij hoort", lambda p: p.eigenaar_kind
        ),
        Column("id", "Id van de maatregel of opgave", lambda p: p.eigenaar_id),
        Column("titel", "Titel van de maatregel of opgave", lambda p: p.eigenaar_titel),
        Column("status", "Status van de maatregel (leeg bij een opgave)", lambda p: p.status or ""),
        Column(
            "url",
            "Webadres van de pagina van de maatregel of opgave",
            lambda p: page_url(settings, p.eigenaar_kind, p.eigenaar_id),
        ),
    )
    opgave: tuple[Column, ...] = (
        Column("id", "Vaste naam; ook het webadres", lambda o: o.id),
        Column("hoofdstuk", "Hoofdstuk in de handreiking", lambda o: o.hoofdstuk),
        Column("titel", "Titel", lambda o: o.titel),
        Column("samenvatting", "Samenvatting", lambda o: o.samenvatting),
        Column(
            "maatregelen", "Ids van de maatregelen", lambda o: joined(m.id for m in o.maatregelen)
        ),
        Column("regelingen", "Ids van de regelingen", lambda o: joined(r.id for r in o.regelingen)),
        url("opgave"),
    )
    kerncijfer: tuple[Column, ...] = (
        *opgave_cols(lambda row: row[0].id),
        Column("label", "Wat het getal telt", lambda row: row[1].label),
        Column(
            "waarde",
            "Het getal, zonder punten; decimalen met een komma",
            lambda row: plain_number(row[1].waarde),
        ),
        Column(
            "eenheid", "Eenheid, zoals 'vergunninghouders' of 'weken'", lambda row: row[1].eenheid
        ),
        *_periode_columns("peildatum", "Peildatum", lambda row: row[1].peildatum),
        Column("bron", "Id van de bron", lambda row: row[1].bron or ""),
        Column("toelichting", "Korte uitleg", lambda row: row[1].toelichting or ""),
    )

    def kerncijfers(h: Handreiking) -> Iterable[tuple[Opgave, Kerncijfer]]:
        return [(o, k) for o in h.opgaven.values() for k in o.kerncijfers]

    return (
        Table(
            f"{OPEN_DATA}/maatregelen.csv",
            "Maatregelen",
            "Eén regel per ondersteuningsmaatregel, op volgorde van paragraaf.",
            maatregel,
            lambda h: h.maatregelen.values(),
        ),
        Table(
            f"{OPEN_DATA}/regelingen.csv",
            "Financieringsregelingen",
            "Eén regel per regeling, met het bedrag als getal.",
            regeling,
            lambda h: regelingen.values(),
        ),
        Table(
            f"{OPEN_DATA}/organisaties.csv",
            "Organisaties",
            "Eén regel per organisatie, met waarvoor zij eindverantwoordelijk is.",
            organisatie,
            lambda h: h.organisaties.values(),
        ),
        Table(
            f"{OPEN_DATA}/mijlpalen.csv",
            "Mijlpalen",
            "Eén regel per mijlpaal uit de "
            "tijdspaden van maatregelen en opgaven, op volgorde van begindatum.",
            mijlpaal,
            lambda h: h.mijlpalen,
        ),
        Table(
            f"{OPEN_DATA}/opgaven.csv",
            "Opgaven",
            "Eén regel per opgave (hoofdstuk 4 tot en met 8).",
            opgave,
            lambda h: h.opgaven.values(),
        ),
        Table(
            f"{OPEN_DATA}/kerncijfers.csv",
            "Kerncijfers",
            "Eén regel per kerncijfer van een opgave.",
            kerncijfer,
            kerncijfers,
        ),
    )


def csv_bytes(table: Table, h: Handreiking) -> bytes:
    """One CSV file: UTF-8 with a byte order mark, so Excel sees the encoding."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect=Dialect)
    writer.writerow([c.name for c in table.columns])
    for row in table.rows(h):
        writer.writerow([_cell(c.get(row)) for c in table.columns])
    return out.getvalue().encode("utf-8-sig")


def _cell(value: Any) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return plain_number(value)
    return str(value)


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


def site_files(
    h: Handreiking, settings: Settings, pdf: bool | None = None
) -> dict[str, str | bytes]:
    """Everything this module adds to docs_dir: open-data/*, the open-data page, the print
    page and (unless HANDREIKING_PDF=0 or pdf=False) the PDF."""
    from . import ical, printed  # they import this module

    files: dict[str, str | bytes] = dict(data_files(h, settings))
    files[ical.ICS_FILE] = ical.calendar_bytes(h, settings)
    document = printed.Document(h, settings)
    pdf_info = None
    if printed.pdf_enabled() if pdf is None else pdf:
        data, pages = document.pdf()
        files[printed.PDF_FILE] = data
        pdf_info = {"href": "../" + printed.PDF_FILE, "size": human_size(len(data)), "pages": pages}
    files.update(document.page(pdf_info))
    files.update(open_data_page(h, settings, files, pdf_info))
    return files


def open_data_page(
    h: Handreiking, settings: Settings, files: dict[str, str | bytes], pdf_info: dict | None
) -> dict[str, str]:
    """The page /open-data/ that explains every file, its columns and the licence."""
    from . import ical, printed
    from .render import Renderer

    def size(name: str) -> str:
        return human_size(len(files[name]))

    downloads = [
        Download(
            JSON_FILE,
            "De hele handreiking",
            "JSON",
            size(JSON_FILE),
            "Alle opgaven, maatregelen, regelingen, organisaties, bronnen, begrippen en "
            "pagina's, met de editie. De velden zijn dezelfde als in de YAML-bestanden "
            "van de redactie, plus het webadres (url) van elke pagina en een lijst van "
            "alle mijlpalen met begin- en einddatum.",
        ),
        Download(
            SCHEMA_FILE,
            "JSON Schema van handreiking.json",
            "JSON Schema (2020-12)",
            size(SCHEMA_FILE),
            "Beschrijft elk veld van handreiking.json, met uitleg in "
            "het Nederlands. Gemaakt uit dezelfde velddefinitie als de controle van de "
            "redactie.",
        ),
        *[Download(t.file, t.titel, "CSV", size(t.file), t.uitleg, t) for t in tables(h, settings)],
        Download(
            ical.ICS_FILE,
            "Mijlpalen als agenda",
            "iCalendar (.ics)",
            size(ical.ICS_FILE),
            "Elke mijlpaal als afspraak van een hele dag of "
            "periode, met een link naar de maatregel. Importeer het bestand in Outlook, "
            "Google Agenda of Agenda, of abonneer u op het webadres: dan ziet u "
            "wijzigingen vanzelf.",
        ),
    ]
    if pdf_info:
        downloads.append(
            Download(
                printed.PDF_FILE,
                "De handreiking als document",
                "PDF",
                pdf_info["size"],
                f"De hele handreiking als document van "
                f"{pdf_info['pages']} pagina's: met inhoudsopgave, "
                "voetnoten en paginanummers, om te printen of te delen.",
            )
        )
    renderer = Renderer(h, settings)
    pages: dict[str, str] = {}
    renderer._add(
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


def write_open_data(
    h: Handreiking, repo_url: str | None, site: str | None, today, out, pdf: bool | None = None
) -> list[str]:
    """`handreiking export`: write the files the site publishes under /open-data/ to `out`."""
    from pathlib import Path

    settings = Settings(today=today, repo_url=repo_url, site_url=site)
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

"""The CSV files of the open data: a row per record, columns that follow from the schema.

Each table shows every declared field of its Record (`declared`): a field's Kind decides its
columns (a date gives its notation, its words and its first and last day; an enum its value
and its words; a list of ids one cell) and its help text explains them on the open-data page.
A table only says the order of the columns people already use, and what goes between them;
a field added to a Record later gets its columns at the end by itself. What is left out on
purpose stands in OMITTED, with why (tests/test_declaration.py holds every field to that).
Only what the content files do not hold (a page's address, what refers to a record) is
written out as a Column here.

Written so that a spreadsheet opens every file right with its default settings, in a Dutch
locale (LibreOffice's Text Import ticks comma, semicolon and tab; Excel double-clicked splits
on ';'):

- every field is quoted, so no comma, semicolon or tab inside a cell splits it;
- each column holds one type: `tekst`, `getal` (no thousands separator, a decimal comma) or
  `datum` (ISO 8601, YYYY-MM-DD, which both read as a date);
- a text a spreadsheet would read as something else (a number or date such as '2021',
  '2021-04' or '6.2', a month and year, a formula, a truth value) starts with an apostrophe
  that is not part of the value; a text that starts with an apostrophe itself gets one more.
  So every text cell reads back as text, and a program strips one leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..base.dates import PRECISIES, Termijn
from ..base.settings import Settings
from ..base.urls import OPEN_DATA, page_url
from ..content.kinds import Datum, Enum, Euro, Integer, Kind, ListOf, Number, Record, Toekenning
from ..content.model import Handreiking, Kerncijfer, Opgave
from ..content.schema import (
    BEDRAG,
    CONTACT,
    KERNCIJFER,
    MAATREGEL,
    MIJLPAAL,
    OPGAVE,
    ORGANISATIE,
    REGELING,
)

LIST_SEPARATOR = " | "
TEXT, NUMBER, DATE = "tekst", "getal", "datum"
TYPE_HELP = {
    TEXT: "tekst",
    NUMBER: "getal",
    DATE: "datum, JJJJ-MM-DD",
}
MONTHS = "jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec"
# What a spreadsheet would not keep as text: a formula or what OWASP counts as one (= + - @,
# tab, CR), a number or date (a digit, a sign, a decimal mark or currency first; a month name
# and a number: 'april 2021'), a truth value, a leading space, or our own escape, the apostrophe.
NOT_TEXT = re.compile(
    rf"""[\s=+\-@'’\d.,(€$%#]
    | (?:{MONTHS})[a-z]*\.?[\s/-]*\d
    | (?:waar|onwaar|true|false)$""",
    re.IGNORECASE | re.VERBOSE,
)


class Dialect(csv.Dialect):
    """The CSV dialect of every file: ';' as Dutch Excel expects, every field quoted (so a
    comma or tab inside a cell never splits it in LibreOffice), RFC 4180 quotes and CRLF."""

    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_ALL


@dataclass(frozen=True)
class Column:
    """A CSV column: its header, what it holds (shown on the open-data page), its value and
    its type (TEXT, NUMBER or DATE)."""

    name: str
    uitleg: str
    get: Callable[[Any], Any]
    type: str = TEXT

    @property
    def soort(self) -> str:
        return TYPE_HELP[self.type]


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


def text_cell(value: str) -> str:
    """A text as a cell every spreadsheet keeps as that text: '2021' -> "'2021"."""
    return "'" + value if NOT_TEXT.match(value) else value


def text_value(cell: str) -> str:
    """A text cell read back as its value, the inverse of text_cell: "'2021" -> '2021'."""
    return cell[1:] if cell.startswith("'") else cell


def cell(column: Column, row: Any) -> str:
    """The written cell of `column` in `row`; an empty value is an empty cell."""
    value = column.get(row)
    if value is None or value == "":
        return ""
    if column.type == NUMBER:
        return plain_number(value)
    if column.type == DATE:
        return value.isoformat()
    return text_cell(str(value))


def _numeric(kind: Kind) -> bool:
    return isinstance(kind, Number | Euro | Integer)


def field_columns(
    record: Record,
    key: str,
    *,
    name: str | None = None,
    of: Callable[[Any], Any] = lambda row: row,
    named: tuple[str, str, Callable[[str], str]] | None = None,
) -> tuple[Column, ...]:
    """The columns of one field of `record`, as its Kind writes it.

    `of` finds the object that holds the field in a row (None: the cells are empty); `name`
    is the header when it differs from the key; `named` adds a column with a readable name
    per id: (suffix, explanation, id -> name).
    """
    field = record.field(key)
    header = name or key
    kind = field.kind
    help_ = field.help.rstrip(".")

    def value(row: Any) -> Any:
        holder = of(row)
        return None if holder is None else getattr(holder, key)

    def part(get: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda row: None if (v := value(row)) is None else get(v)

    if isinstance(kind, Datum):
        # Issue 22: a date as the text says it; its kind and certainty are the record's
        # `<key>_soort` and `<key>_zekerheid` (their own columns), and an opening has no end.
        hedged = record.has(f"{key}_soort")

        def termijn(row: Any) -> Termijn | None:
            holder, periode = of(row), value(row)
            if periode is None:
                return None
            extra = (getattr(holder, f"{key}_{x}", None) for x in ("soort", "zekerheid"))
            return Termijn(periode, *extra)

        return (
            Column(header, f"{help_}; in de notatie van de handreiking", part(lambda p: p.notatie)),
            Column(
                f"{header}_woorden",
                f"{field.label} in woorden"
                + (
                    ", zoals de tekst het zegt: met 'naar verwachting', 'beoogd', 'gepland', "
                    "'uiterlijk' of 'opening'"
                    if hedged
                    else ""
                ),
                lambda row: (t := termijn(row)) and t.words,
            ),
            Column(
                f"{header}_begin", f"{field.label}: de eerste dag", part(lambda p: p.begin), DATE
            ),
            Column(
                f"{header}_einde",
                f"{field.label}: de laatste dag (tot en met)"
                + ("; leeg bij een opening, want die heeft geen einddatum" if hedged else ""),
                lambda row: (t := termijn(row)) and t.einde,
                DATE,
            ),
        )
    if isinstance(kind, Enum):
        labels = kind.labels
        return (
            Column(header, f"{help_}: {', '.join(kind.values)}", value),
            Column(f"{header}_omschrijving", f"{field.label} in woorden", part(labels.get)),
        )
    columns = [
        Column(
            header,
            help_,
            part(joined) if isinstance(kind, ListOf) else part(kind.written),
            NUMBER if _numeric(kind) else TEXT,
        )
    ]
    if isinstance(kind, ListOf) and isinstance(kind.item, Toekenning):
        columns.append(
            Column(
                f"{header}_afgeleid",
                "Welke daarvan de redactie heeft afgeleid (de handreiking noemt ze hier niet), "
                "met de reden: 'id: reden'",
                part(lambda items: joined(f"{i}: {i.afgeleid}" for i in items if i.afgeleid)),
            )
        )
        columns.append(
            Column(
                f"{header}_genoemd",
                "Welke daarvan de handreiking in een andere paragraaf noemt, met die paragraaf: "
                "'id: paragraaf'",
                part(lambda items: joined(f"{i}: {i.genoemd}" for i in items if i.genoemd)),
            )
        )
    if named:
        suffix, explanation, to_name = named
        if isinstance(kind, ListOf):
            columns.append(
                Column(header + suffix, explanation, part(lambda ids: joined(map(to_name, ids))))
            )
        else:
            columns.append(Column(header + suffix, explanation, part(to_name)))
    return tuple(columns)


# Fields no CSV column shows, each with why. Every other declared field of a table's Record
# is in its file (`declared`); tests/test_declaration.py fails on a field in neither.
_LONG = "lange Markdown-tekst: staat in handreiking.json en op de pagina"
_STRUCTURE = "een structuur die niet in één cel past: staat in handreiking.json"
_OWN_FILE = "heeft een eigen bestand"
_SOURCES = "per veld de bron: staat in handreiking.json en bij het veld op de pagina"
OMITTED: dict[str, dict[str, str]] = {
    "maatregel": {
        "vermeld_in": _STRUCTURE,
        "beschrijving": _LONG,
        "tijdspad": f"{_OWN_FILE}: mijlpalen.csv (en de kolom aantal_mijlpalen)",
        "links": _STRUCTURE,
        "voetnoten": _LONG,
        "afgeleid": "samen met de reden in de kolom 'afgeleid'",
        "bronvermelding": _SOURCES,
        "vorige_ids": "oude adressen; de site stuurt ze door, handreiking.json noemt ze",
        "inhoudelijk_gewijzigd": "een aanwijzing van de redactie voor het wijzigingenoverzicht",
    },
    "regeling": {
        "vermeld_in": _STRUCTURE,
        "beschrijving": _LONG,
        "bedrag": "verdeeld over de kolommen bedrag, soort_bedrag, deel_van en bedrag_toelichting",
        "links": _STRUCTURE,
        "afgeleid": "samen met de reden in de kolom 'afgeleid'",
        "bronvermelding": _SOURCES,
        "vorige_ids": "oude adressen; de site stuurt ze door, handreiking.json noemt ze",
    },
    "organisatie": {
        "contact": "verdeeld over de kolommen email, website en contact_toelichting",
        "voorgangers": _STRUCTURE,
        "afgeleid": _STRUCTURE,
        "bronvermelding": _SOURCES,
        "vorige_ids": "oude adressen; de site stuurt ze door, handreiking.json noemt ze",
    },
    "opgave": {
        "volgorde": "alleen de volgorde op de site; de regels staan al in die volgorde",
        "beschrijving": _LONG,
        "kerncijfers": f"{_OWN_FILE}: kerncijfers.csv",
        "tijdspad": f"{_OWN_FILE}: mijlpalen.csv",
        "vorige_ids": "oude adressen; de site stuurt ze door, handreiking.json noemt ze",
    },
    "mijlpaal": {},
    "kerncijfer": {},
}


def declared(
    record: Record,
    order: Iterable[str | Column | tuple[Column, ...]],
    options: dict[str, dict[str, Any]] | None = None,
    **common: Any,
) -> tuple[Column, ...]:
    """The columns of every declared field of `record` except OMITTED: in `order` first (a key
    is that field's columns, a Column stands as it is), then any field `order` does not name,
    in declaration order, so a new field is never left out silently. `options` are a field's
    `field_columns` arguments; `common` go to every field (such as `of`)."""
    options = options or {}
    omitted = OMITTED[record.name]
    columns: list[Column] = []
    named = set()
    for item in order:
        if isinstance(item, str):
            if item in omitted:
                raise ValueError(f"{record.name}.{item} is in OMITTED and in the order")
            named.add(item)
            columns += field_columns(record, item, **common, **options.get(item, {}))
        elif isinstance(item, Column):
            columns.append(item)
        else:
            columns += item
    for field in record.fields:
        if field.key not in named and field.key not in omitted:
            columns += field_columns(record, field.key, **common, **options.get(field.key, {}))
    return tuple(columns)


def tables(h: Handreiking, settings: Settings) -> tuple[Table, ...]:
    """Every CSV file and its columns (the open-data page documents them)."""
    orgs, opgaven = h.organisaties, h.opgaven

    def url(kind: str) -> Column:
        return Column(
            "url", "Webadres van de pagina op de site", lambda r: page_url(settings, kind, r.id)
        )

    def ids(attr: str, name: str, uitleg: str) -> Column:
        return Column(name, uitleg, lambda r: joined(x.id for x in getattr(r, attr)))

    verlopen = Column(
        "verlopen",
        "ja als de status de maatregel of regeling nog belooft of biedt, maar het tijdspad of de "
        "aanvraagperiode op de bouwdatum voorbij is zonder dat iemand het bijwerkte; anders nee",
        lambda r: "ja" if r.is_overdue(settings.today) else "nee",
    )
    afgeleid = Column(
        "afgeleid",
        "Velden die de redactie heeft afgeleid (de handreiking zegt het niet zo), met de reden: "
        "'veld: reden'",
        lambda r: joined(f"{key}: {reason}" for key, reason in (r.afgeleid or {}).items()),
    )
    opgave_titel = ("_titel", "Titel van de opgave", lambda i: opgaven[i].titel)
    org_namen = ("_namen", "Namen van de organisaties", lambda i: orgs[i].naam)
    org_naam = ("_naam", "Naam van de organisatie", lambda i: orgs[i].naam)
    maatregel = declared(
        MAATREGEL,
        (
            *("id", "sectie", "titel", "opgave", "status", "eindverantwoordelijken"),
            *("gezamenlijk", "betrokkenen", "regelingen", "bronnen", "contact"),
            Column(
                "aantal_mijlpalen",
                "Aantal mijlpalen in het tijdspad (zie mijlpalen.csv)",
                lambda m: len(m.tijdspad),
                NUMBER,
            ),
            "samenvatting",
            verlopen,
            afgeleid,
            url("maatregel"),
        ),
        {
            "opgave": {"named": opgave_titel},
            "eindverantwoordelijken": {"named": org_namen},
        },
    )
    bedrag = {"of": lambda r: r.bedrag}
    regeling = declared(
        REGELING,
        (
            *("id", "sectie", "titel", "kenmerk", "opgave", "verstrekker"),
            *("eindverantwoordelijken", "status"),
            field_columns(BEDRAG, "waarde", name="bedrag", **bedrag),
            field_columns(BEDRAG, "soort", name="soort_bedrag", **bedrag),
            field_columns(BEDRAG, "deel_van", **bedrag),
            field_columns(BEDRAG, "toelichting", name="bedrag_toelichting", **bedrag),
            *("aanvraagperiode", "aanvraagperiode_soort", "aanvraagperiode_zekerheid"),
            "doelgroep",
            ids(
                "maatregelen",
                "maatregelen",
                "Ids van de maatregelen die naar de regeling verwijzen",
            ),
            "samenvatting",
            verlopen,
            afgeleid,
            url("regeling"),
        ),
        {
            "opgave": {"named": opgave_titel},
            "verstrekker": {"named": org_naam},
            "eindverantwoordelijken": {"named": org_namen},
        },
    )
    contact = {"of": lambda o: o.contact}
    organisatie = declared(
        ORGANISATIE,
        (
            *("id", "naam", "afkorting", "soort", "rol"),
            field_columns(CONTACT, "email", **contact),
            field_columns(CONTACT, "url", name="website", **contact),
            field_columns(CONTACT, "toelichting", name="contact_toelichting", **contact),
            ids(
                "eindverantwoordelijk_voor",
                "eindverantwoordelijk_voor",
                "Ids van de maatregelen waarvoor de organisatie eindverantwoordelijk is",
            ),
            ids(
                "betrokken_bij",
                "betrokken_bij",
                "Ids van de maatregelen waarbij de organisatie betrokken is",
            ),
            ids("verstrekt", "verstrekt", "Ids van de regelingen die de organisatie verstrekt"),
            ids(
                "eindverantwoordelijk_voor_regelingen",
                "eindverantwoordelijk_voor_regelingen",
                "Ids van de regelingen waarvoor de organisatie eindverantwoordelijk is",
            ),
            url("organisatie"),
        ),
    )
    mijlpaal = declared(
        MIJLPAAL,
        (
            "datum",
            Column(
                "precisie",
                "Precisie van de datum: " + ", ".join(PRECISIES),
                lambda p: p.datum.precisie,
            ),
            *("datum_soort", "datum_zekerheid", "tekst", "bereikt"),
            Column(
                "verlopen",
                "ja als de periode op de bouwdatum voorbij is zonder dat iemand de mijlpaal als "
                "gehaald markeerde, terwijl de maatregel nog loopt (of van een opgave); anders nee",
                lambda p: "ja" if p.is_overdue(settings.today) else "nee",
            ),
            "afgeleid",
            Column(
                "soort",
                "maatregel of opgave: waar de mijlpaal bij hoort",
                lambda p: p.eigenaar_kind,
            ),
            Column("id", "Id van de maatregel of opgave", lambda p: p.eigenaar_id),
            Column("titel", "Titel van de maatregel of opgave", lambda p: p.eigenaar_titel),
            Column("status", "Status van de maatregel (leeg bij een opgave)", lambda p: p.status),
            Column(
                "url",
                "Webadres van de pagina van de maatregel of opgave",
                lambda p: page_url(settings, p.eigenaar_kind, p.eigenaar_id),
            ),
        ),
    )
    opgave = declared(
        OPGAVE,
        (
            *("id", "hoofdstuk", "titel", "samenvatting"),
            ids("maatregelen", "maatregelen", "Ids van de maatregelen"),
            ids("regelingen", "regelingen", "Ids van de regelingen"),
            url("opgave"),
        ),
    )
    kerncijfer = (
        Column("opgave", "Id van de opgave", lambda row: row[0].id),
        Column("opgave_titel", "Titel van de opgave", lambda row: row[0].titel),
        *declared(
            KERNCIJFER,
            ("label", "waarde", "eenheid", "peildatum", "bron", "toelichting"),
            of=lambda row: row[1],
        ),
    )

    def kerncijfers(h: Handreiking) -> Iterable[tuple[Opgave, Kerncijfer]]:
        return [(o, k) for o in h.opgaven.values() for k in o.kerncijfers]

    # Issue 13: every file says which edition it shows, and how far the content goes.
    editie = (
        Column("editie", "De editie van de handreiking", lambda _: h.editie.jaar, NUMBER),
        Column(
            "stand",
            "Tot wanneer de inhoud van die editie is bijgewerkt (de peildatum)",
            lambda _: h.editie.peildatum.words,
        ),
    )
    maatregel = (*maatregel, *editie)
    regeling = (*regeling, *editie)
    organisatie = (*organisatie, *editie)
    mijlpaal = (*mijlpaal, *editie)
    opgave = (*opgave, *editie)
    kerncijfer = (*kerncijfer, *editie)

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
            lambda h: h.regelingen.values(),
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
            "Eén regel per opgave.",
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
        writer.writerow([cell(c, row) for c in table.columns])
    return out.getvalue().encode("utf-8-sig")

"""The CSV files of the open data: a row per record, columns that follow from the schema.

Each table shows every declared field of its Record (`declared`): a field's Kind decides its
columns (`csv_fields`) and its help text explains them on the open-data page. A table only
says the order of the columns people already use, and what goes between them; a field added
to a Record later gets its columns at the end by itself. What is left out on purpose stands
in OMITTED, with why (tests/test_declaration.py holds every field to that). Only what the
content files do not hold (a page's address, what refers to a record) is written out as a
Column here. How a cell is written, so that a spreadsheet reads it right, is `csv_cells`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..base.dates import PRECISIES
from ..base.settings import Settings
from ..base.urls import OPEN_DATA, page_url
from ..content.kinds import Record
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
from .csv_cells import NUMBER, Column, Table, joined
from .csv_fields import field_columns

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


AFGELEID = Column(
    "afgeleid",
    "Velden die de redactie heeft afgeleid (de handreiking zegt het niet zo), met de reden: "
    "'veld: reden'",
    lambda r: joined(f"{key}: {reason}" for key, reason in (r.afgeleid or {}).items()),
)


def _ids(attr: str, uitleg: str) -> Column:
    """The ids of the records a record lists in `attr` (found, not a field): one cell."""
    return Column(attr, uitleg, lambda r: joined(x.id for x in getattr(r, attr)))


@dataclass(frozen=True)
class _Shared:
    """What the tables of one build share: its content and settings, and the columns (and the
    `named` options) that several tables have."""

    h: Handreiking
    settings: Settings

    def url(self, kind: str) -> Column:
        settings = self.settings
        return Column(
            "url", "Webadres van de pagina op de site", lambda r: page_url(settings, kind, r.id)
        )

    @property
    def verlopen(self) -> Column:
        settings = self.settings
        return Column(
            "verlopen",
            "ja als de status de maatregel of regeling nog belooft of biedt, maar het tijdspad "
            "of de aanvraagperiode op de bouwdatum voorbij is zonder dat iemand het bijwerkte; "
            "anders nee",
            lambda r: "ja" if r.is_overdue(settings.today) else "nee",
        )

    @property
    def named(self) -> dict[str, dict[str, Any]]:
        """The `field_columns` options of the fields that hold ids of opgaven or organisaties
        (in maatregelen.csv and regelingen.csv): a column with their names beside them."""
        opgaven, orgs = self.h.opgaven, self.h.organisaties
        return {
            "opgave": {"named": ("_titel", "Titel van de opgave", lambda i: opgaven[i].titel)},
            "verstrekker": {"named": ("_naam", "Naam van de organisatie", lambda i: orgs[i].naam)},
            "eindverantwoordelijken": {
                "named": ("_namen", "Namen van de organisaties", lambda i: orgs[i].naam)
            },
        }

    @property
    def editie(self) -> tuple[Column, ...]:
        # Issue 13: every file says which edition it shows, and how far the content goes.
        h = self.h
        return (
            Column("editie", "De editie van de handreiking", lambda _: h.editie.jaar, NUMBER),
            Column(
                "stand",
                "Tot wanneer de inhoud van die editie is bijgewerkt (de peildatum)",
                lambda _: h.editie.peildatum.words,
            ),
        )


def _maatregel_columns(s: _Shared) -> tuple[Column, ...]:
    return declared(
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
            s.verlopen,
            AFGELEID,
            s.url("maatregel"),
        ),
        s.named,
    )


def _regeling_columns(s: _Shared) -> tuple[Column, ...]:
    bedrag = {"of": lambda r: r.bedrag}
    return declared(
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
            _ids("maatregelen", "Ids van de maatregelen die naar de regeling verwijzen"),
            "samenvatting",
            s.verlopen,
            AFGELEID,
            s.url("regeling"),
        ),
        s.named,
    )


def _organisatie_columns(s: _Shared) -> tuple[Column, ...]:
    contact = {"of": lambda o: o.contact}
    return declared(
        ORGANISATIE,
        (
            *("id", "naam", "afkorting", "soort", "rol"),
            field_columns(CONTACT, "email", **contact),
            field_columns(CONTACT, "url", name="website", **contact),
            field_columns(CONTACT, "toelichting", name="contact_toelichting", **contact),
            _ids(
                "eindverantwoordelijk_voor",
                "Ids van de maatregelen waarvoor de organisatie eindverantwoordelijk is",
            ),
            _ids("betrokken_bij", "Ids van de maatregelen waarbij de organisatie betrokken is"),
            _ids("verstrekt", "Ids van de regelingen die de organisatie verstrekt"),
            _ids(
                "eindverantwoordelijk_voor_regelingen",
                "Ids van de regelingen waarvoor de organisatie eindverantwoordelijk is",
            ),
            s.url("organisatie"),
        ),
    )


def _mijlpaal_columns(s: _Shared) -> tuple[Column, ...]:
    settings = s.settings
    return declared(
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


def _opgave_columns(s: _Shared) -> tuple[Column, ...]:
    return declared(
        OPGAVE,
        (
            *("id", "hoofdstuk", "titel", "samenvatting"),
            _ids("maatregelen", "Ids van de maatregelen"),
            _ids("regelingen", "Ids van de regelingen"),
            s.url("opgave"),
        ),
    )


def _kerncijfer_columns(s: _Shared) -> tuple[Column, ...]:
    return (
        Column("opgave", "Id van de opgave", lambda row: row[0].id),
        Column("opgave_titel", "Titel van de opgave", lambda row: row[0].titel),
        *declared(
            KERNCIJFER,
            ("label", "waarde", "eenheid", "peildatum", "bron", "toelichting"),
            of=lambda row: row[1],
        ),
    )


def _kerncijfers(h: Handreiking) -> Iterable[tuple[Opgave, Kerncijfer]]:
    return [(o, k) for o in h.opgaven.values() for k in o.kerncijfers]


@dataclass(frozen=True)
class _File:
    """A CSV file as declared: its columns follow from a build's content and settings."""

    name: str
    titel: str
    uitleg: str
    columns: Callable[[_Shared], tuple[Column, ...]]
    rows: Callable[[Handreiking], Iterable[Any]]


# Every CSV file, in the order the open-data page lists them.
CSV_FILES = (
    _File(
        "maatregelen.csv",
        "Maatregelen",
        "Eén regel per ondersteuningsmaatregel, op volgorde van paragraaf.",
        _maatregel_columns,
        lambda h: h.maatregelen.values(),
    ),
    _File(
        "regelingen.csv",
        "Financieringsregelingen",
        "Eén regel per regeling, met het bedrag als getal.",
        _regeling_columns,
        lambda h: h.regelingen.values(),
    ),
    _File(
        "organisaties.csv",
        "Organisaties",
        "Eén regel per organisatie, met waarvoor zij eindverantwoordelijk is.",
        _organisatie_columns,
        lambda h: h.organisaties.values(),
    ),
    _File(
        "mijlpalen.csv",
        "Mijlpalen",
        "Eén regel per mijlpaal uit de "
        "tijdspaden van maatregelen en opgaven, op volgorde van begindatum.",
        _mijlpaal_columns,
        lambda h: h.mijlpalen,
    ),
    _File(
        "opgaven.csv",
        "Opgaven",
        "Eén regel per opgave.",
        _opgave_columns,
        lambda h: h.opgaven.values(),
    ),
    _File(
        "kerncijfers.csv",
        "Kerncijfers",
        "Eén regel per kerncijfer van een opgave.",
        _kerncijfer_columns,
        _kerncijfers,
    ),
)


def tables(h: Handreiking, settings: Settings) -> tuple[Table, ...]:
    """Every CSV file and its columns (the open-data page documents them)."""
    shared = _Shared(h, settings)
    return tuple(
        Table(
            f"{OPEN_DATA}/{f.name}", f.titel, f.uitleg, (*f.columns(shared), *shared.editie), f.rows
        )
        for f in CSV_FILES
    )

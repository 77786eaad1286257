"""The content schema, declared once: field kinds, labels and help texts.

`check` walks the located nodes from `load` and returns plain values (dicts, lists, strings,
numbers, `Periode`s), recording a located Dutch problem for everything that does not fit. The
JSON Schema for editors and the `nieuw` scaffolds are generated from the same declaration.
The kinds of value themselves live in `kinds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .kinds import (
    INVALID,
    Context,
    Datum,
    Email,
    Enum,
    Euro,
    Field,
    Integer,
    Kind,
    ListOf,
    Markdown,
    Number,
    Record,
    Ref,
    Sectie,
    Slug,
    Text,
    Url,
    _hint,
)
from .load import Mapping, Source

STATUSSEN = ("beschikbaar", "in-voorbereiding", "voornemen", "afgerond", "vervallen")
SOORTEN_ORGANISATIE = (
    "rijk",
    "uitvoeringsorganisatie",
    "koepel",
    "decentrale-overheid",
    "overleg",
    "persoon-rol",
    "maatschappelijke-organisatie",
)
SOORTEN_BEDRAG = ("per-jaar", "cumulatief", "eenmalig", "deel-van", "totaal")
SOORTEN_BRON = ("kamerstuk", "brief", "website", "document", "overleg", "wet")


ORG = Ref(target="organisatie")
VORIGE_IDS = Field(
    "vorige_ids", ListOf(item=Slug()), "Vorige ids", "Eerdere ids; oude adressen sturen door"
)

MIJLPAAL = Record(
    name="mijlpaal",
    fields=(
        Field("datum", Datum(), "Datum", "Wanneer, met de precisie die de tekst geeft", True),
        Field(
            "tekst",
            Text(single_line=False),
            "Wat er dan gebeurt",
            "Eén zin: wat er op dat moment klaar, besloten of gestart is",
            True,
        ),
    ),
)

LINK = Record(
    name="link",
    fields=(
        Field("titel", Text(), "Titel", "De tekst van de link", True),
        Field("url", Url(), "Webadres", "Het volledige webadres", True),
    ),
)

CONTACT = Record(
    name="contactgegevens",
    fields=(
        Field("email", Email(), "E-mail", "Algemeen e-mailadres voor vragen"),
        Field("url", Url(), "Website", "Webpagina met meer informatie of contactgegevens"),
        Field(
            "toelichting",
            Text(single_line=False),
            "Toelichting",
            "Hoe en waarvoor u contact opneemt",
        ),
    ),
)

MAATREGEL = Record(
    name="maatregel",
    id_kind="maatregel",
    fields=(
        Field(
            "id",
            Slug(),
            "Id",
            "Vaste naam van de maatregel; ook het webadres "
            "/maatregelen/<id>/. Verander dit niet na publicatie",
            True,
        ),
        Field("titel", Text(), "Titel", "De titel zoals in de handreiking", True),
        Field(
            "opgave", Ref(target="opgave"), "Opgave", "De opgave waar de maatregel bij hoort", True
        ),
        Field("sectie", Sectie(), "Paragraaf", "Het paragraafnummer in de handreiking", True),
        Field(
            "samenvatting",
            Text(single_line=False),
            "Samenvatting",
            "Eén of twee zinnen in eenvoudige taal: wat is het en wat heeft een gemeente eraan",
            True,
        ),
        Field("beschrijving", Markdown(), "Beschrijving", "De volledige uitleg", True),
        Field("status", Enum(values=STATUSSEN), "Status", "Hoe ver de maatregel is", True),
        Field(
            "eindverantwoordelijken",
            ListOf(item=ORG),
            "Eindverantwoordelijken",
            "Organisaties die eindverantwoordelijk zijn; verplicht als de maatregel nog niet "
            "beschikbaar is",
        ),
        Field("betrokkenen", ListOf(item=ORG), "Betrokkenen", "Organisaties die meewerken"),
        Field(
            "tijdspad",
            ListOf(item=MIJLPAAL),
            "Tijdspad",
            "Mijlpalen; verplicht als de maatregel nog niet beschikbaar is",
        ),
        Field(
            "regelingen",
            ListOf(item=Ref(target="regeling")),
            "Regelingen",
            "Financieringsregelingen die bij deze maatregel horen",
        ),
        Field(
            "bronnen",
            ListOf(item=Ref(target="bron")),
            "Bronnen",
            "Brieven, Kamerstukken en websites waar de maatregel op steunt",
        ),
        Field("contact", ORG, "Contact", "De organisatie waar gemeenten terechtkunnen met vragen"),
        Field("links", ListOf(item=LINK), "Links", "Verwijzingen naar meer informatie"),
        Field("voetnoten", ListOf(item=Markdown()), "Voetnoten", "Voetnoten uit de handreiking"),
        Field(
            "vorige_ids",
            ListOf(item=Slug()),
            "Vorige ids",
            "Eerdere ids van deze maatregel; "
            "hun oude webadressen sturen door naar de nieuwe pagina",
        ),
        Field(
            "inhoudelijk_gewijzigd",
            Datum(),
            "Inhoudelijk gewijzigd",
            "Alleen invullen als u de "
            "betekenis van de tekst hebt veranderd zonder dat status, tijdspad, bedragen of "
            "verantwoordelijken veranderden: de datum van die wijziging. De site toont dan dat "
            "de maatregel in deze editie inhoudelijk is gewijzigd. Niet invullen voor "
            "taalcorrecties",
        ),
    ),
)

KERNCIJFER = Record(
    name="kerncijfer",
    fields=(
        Field("label", Text(), "Omschrijving", "Wat het getal telt", True),
        Field("waarde", Number(), "Waarde", "Het getal zelf", True),
        Field(
            "eenheid",
            Text(),
            "Eenheid",
            "Waarin het getal is uitgedrukt, bijvoorbeeld 'vergunninghouders' of 'weken'",
            True,
        ),
        Field("peildatum", Datum(), "Peildatum", "Voor welke periode of datum het getal geldt"),
        Field("bron", Ref(target="bron"), "Bron", "Waar het getal vandaan komt"),
        Field("toelichting", Text(single_line=False), "Toelichting", "Korte uitleg bij het getal"),
    ),
)

OPGAVE = Record(
    name="opgave",
    id_kind="opgave",
    fields=(
        Field("id", Slug(), "Id", "Vaste naam; ook het webadres /opgaven/<id>/", True),
        Field("titel", Text(), "Titel", "De titel van het hoofdstuk", True),
        Field("volgorde", Integer(), "Volgorde", "Plaats in de lijst van opgaven", True),
        Field("hoofdstuk", Sectie(), "Hoofdstuk", "Hoofdstuknummer in de handreiking", True),
        Field("samenvatting", Text(single_line=False), "Samenvatting", "Eén of twee zinnen", True),
        Field("beschrijving", Markdown(), "Beschrijving", "De opgave in eigen woorden", True),
        Field("kerncijfers", ListOf(item=KERNCIJFER), "Kerncijfers", "De belangrijkste getallen"),
        Field("tijdspad", ListOf(item=MIJLPAAL), "Tijdspad", "Mijlpalen van de opgave zelf"),
        VORIGE_IDS,
    ),
)

ORGANISATIE = Record(
    name="organisatie",
    id_kind="organisatie",
    fields=(
        Field("id", Slug(), "Id", "Vaste naam; ook het webadres /organisaties/<id>/", True),
        Field("naam", Text(), "Naam", "Volledige naam", True),
        Field("afkorting", Text(), "Afkorting", "Gangbare afkorting, zoals BZK"),
        Field(
            "soort", Enum(values=SOORTEN_ORGANISATIE), "Soort", "Wat voor organisatie het is", True
        ),
        Field(
            "rol",
            Text(single_line=False),
            "Rol",
            "Wat de organisatie doet in deze handreiking",
            True,
        ),
        Field("contact", CONTACT, "Contact", "Hoe gemeenten en provincies contact opnemen"),
        VORIGE_IDS,
    ),
)

BEDRAG = Record(
    name="bedrag",
    fields=(
        Field("waarde", Euro(), "Bedrag", "Het bedrag in euro", True),
        Field(
            "soort",
            Enum(values=SOORTEN_BEDRAG),
            "Soort bedrag",
            "Waar het bedrag voor staat: per "
            "jaar, cumulatief over meer jaren, eenmalig, een deel van een andere regeling, of "
            "totaal",
            True,
        ),
        Field(
            "deel_van",
            Ref(target="regeling"),
            "Deel van",
            "De regeling waar dit bedrag een deel van is (alleen bij soort deel-van)",
        ),
        Field(
            "toelichting", Text(single_line=False), "Toelichting", "Waar het bedrag precies voor is"
        ),
    ),
)

REGELING = Record(
    name="regeling",
    id_kind="regeling",
    fields=(
        Field("id", Slug(), "Id", "Vaste naam; ook het webadres /regelingen/<id>/", True),
        Field("titel", Text(), "Titel", "De naam van de regeling", True),
        Field("sectie", Sectie(), "Paragraaf", "Het paragraafnummer in de handreiking", True),
        Field(
            "opgave", Ref(target="opgave"), "Opgave", "De opgave waar de regeling bij hoort", True
        ),
        Field(
            "verstrekker", ORG, "Verstrekker", "De organisatie die het geld beschikbaar stelt", True
        ),
        Field("samenvatting", Text(single_line=False), "Samenvatting", "Eén of twee zinnen", True),
        Field("beschrijving", Markdown(), "Beschrijving", "Uitleg van de regeling"),
        Field("bedrag", BEDRAG, "Bedrag", "Laat weg zolang het bedrag niet bekend is"),
        Field(
            "doelgroep",
            Text(single_line=False),
            "Doelgroep",
            "Wie een beroep kan doen op de regeling",
            True,
        ),
        Field("aanvraagperiode", Datum(), "Aanvraagperiode", "Wanneer aanvragen kan"),
        Field("status", Enum(values=STATUSSEN), "Status", "Hoe ver de regeling is", True),
        Field("bronnen", ListOf(item=Ref(target="bron")), "Bronnen", "Waar de regeling op steunt"),
        Field("links", ListOf(item=LINK), "Links", "Verwijzingen naar meer informatie"),
        VORIGE_IDS,
    ),
)

BRON = Record(
    name="bron",
    id_kind="bron",
    fields=(
        Field("id", Slug(), "Id", "Vaste naam van de bron", True),
        Field("titel", Text(), "Titel", "Titel of onderwerp van het stuk", True),
        Field("soort", Enum(values=SOORTEN_BRON), "Soort", "Wat voor stuk het is", True),
        Field(
            "kenmerk",
            Text(),
            "Kenmerk",
            "Officieel kenmerk, zoals 'TK 2020–2021, 19 637, nr. 2684'",
        ),
        Field("datum", Datum(), "Datum", "Datum van het stuk"),
        Field("afzender", ORG, "Afzender", "De organisatie die het stuk schreef"),
        Field("url", Url(), "Webadres", "Waar het stuk te lezen is"),
        Field("toelichting", Text(single_line=False), "Toelichting", "Wat erin staat"),
    ),
)

BEGRIP = Record(
    name="begrip",
    fields=(
        Field(
            "term", Text(), "Term", "De afkorting of het begrip zoals het in de tekst staat", True
        ),
        Field(
            "betekenis",
            Text(single_line=False),
            "Betekenis",
            "Wat het betekent of waar het voor staat",
            True,
        ),
        Field("uitleg", Text(single_line=False), "Uitleg", "Extra uitleg in eenvoudige taal"),
    ),
)

VASTSTELLING = Record(
    name="vaststelling",
    fields=(
        Field("datum", Datum(), "Datum", "Wanneer de editie is vastgesteld", True),
        Field("door", Text(), "Door", "Wie de editie heeft vastgesteld", True),
    ),
)

EDITIE = Record(
    name="editie",
    fields=(
        Field("jaar", Integer(), "Jaar", "Het jaar van deze editie", True),
        Field("titel", Text(), "Titel", "De volledige titel van de handreiking", True),
        Field("peildatum", Datum(), "Peildatum", "Tot welk moment de inhoud is bijgewerkt", True),
        Field("vastgesteld", VASTSTELLING, "Vastgesteld", "Wanneer en door wie vastgesteld"),
        Field("toelichting", Markdown(), "Toelichting", "Wat deze editie kenmerkt"),
    ),
)


@dataclass(frozen=True)
class FileSpec:
    """A content file: its path, its top-level key and what that key holds."""

    path: str
    key: str
    kind: Kind
    label: str


FILES = (
    FileSpec("maatregelen.yaml", "maatregelen", ListOf(item=MAATREGEL), "de maatregelen"),
    FileSpec("content/opgaven.yaml", "opgaven", ListOf(item=OPGAVE, min_items=1), "de opgaven"),
    FileSpec(
        "content/organisaties.yaml", "organisaties", ListOf(item=ORGANISATIE), "de organisaties"
    ),
    FileSpec(
        "content/regelingen.yaml", "regelingen", ListOf(item=REGELING), "de financieringsregelingen"
    ),
    FileSpec("content/bronnen.yaml", "bronnen", ListOf(item=BRON), "de bronnen"),
    FileSpec("content/begrippen.yaml", "begrippen", ListOf(item=BEGRIP), "de begrippen"),
    FileSpec("content/editie.yaml", "editie", EDITIE, "de editie"),
)

RECORDS = (
    MAATREGEL,
    OPGAVE,
    ORGANISATIE,
    REGELING,
    BRON,
    BEGRIP,
    EDITIE,
    MIJLPAAL,
    KERNCIJFER,
    LINK,
    CONTACT,
    BEDRAG,
    VASTSTELLING,
)


def check_file(spec: FileSpec, source: Source, ctx: Context) -> Any:
    """Check one file's root against its spec; returns what its top-level key holds."""
    root = source.root
    if root is None:
        return INVALID
    if not isinstance(root, Mapping):
        ctx.problem(
            root.location,
            "",
            f"het bestand moet beginnen met '{spec.key}:' gevolgd door {spec.label}",
        )
        return INVALID
    for key, (location, _) in root.items.items():
        if key != spec.key:
            ctx.problem(
                location,
                "",
                f"onbekend veld '{key}' bovenaan; dit bestand bevat "
                f"alleen '{spec.key}:'{_hint(key, [spec.key])}",
            )
    if spec.key not in root.items:
        ctx.problem(
            root.location,
            "",
            f"'{spec.key}:' ontbreekt; dit bestand hoort "
            f"{spec.label} te bevatten onder '{spec.key}:'",
        )
        return INVALID
    return spec.kind.check(root.items[spec.key][1], spec.key, ctx)


def json_schema() -> dict:
    """The JSON Schema of every content file, for editors' autocomplete and underlining."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://handreiking/schema/handreiking.schema.json",
        "title": "Integrale Handreiking: inhoud",
        "description": "Gegenereerd uit generator/schema.py; niet met de hand bewerken.",
        "type": "object",
        "additionalProperties": False,
        "maxProperties": 1,
        "minProperties": 1,
        "properties": {
            spec.key: {**spec.kind.json_schema(), "description": spec.label} for spec in FILES
        },
        "$defs": _definitions(),
    }


SCHEMA_DIR = "schema"
COMBINED_SCHEMA = f"{SCHEMA_DIR}/handreiking.schema.json"


def _definitions() -> dict:
    """Every record's definition, the rules across fields JSON Schema can express, and one
    `<key>_bestand` entry per content file."""
    defs = {record.name: record.definition() for record in RECORDS}
    # validate.py: a maatregel that is not (yet) 'beschikbaar' names its tijdspad and owners.
    defs["maatregel"]["if"] = {
        "required": ["status"],
        "properties": {"status": {"not": {"const": "beschikbaar"}}},
    }
    defs["maatregel"]["then"] = {
        "required": ["tijdspad", "eindverantwoordelijken"],
        "properties": {"tijdspad": {"minItems": 1}, "eindverantwoordelijken": {"minItems": 1}},
    }
    # validate.py: soort 'deel-van' needs deel_van, and deel_van needs soort 'deel-van'.
    defs["bedrag"]["if"] = {"required": ["soort"], "properties": {"soort": {"const": "deel-van"}}}
    defs["bedrag"]["then"] = {"required": ["deel_van"]}
    defs["bedrag"]["else"] = {"not": {"required": ["deel_van"]}}
    for spec in FILES:
        defs[f"{spec.key}_bestand"] = {
            "type": "object",
            "title": spec.path,
            "additionalProperties": False,
            "required": [spec.key],
            "properties": {spec.key: {**spec.kind.json_schema(), "description": spec.label}},
        }
    return defs


def file_schema_path(spec: FileSpec) -> str:
    """Where the JSON Schema of one content file is committed: 'schema/maatregelen.schema.json'."""
    return f"{SCHEMA_DIR}/{spec.key}.schema.json"


def modeline(spec: FileSpec) -> str:
    """The first line of a content file; yaml-language-server resolves it relative to the file."""
    depth = spec.path.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}{file_schema_path(spec)}"


def file_json_schema(spec: FileSpec) -> dict:
    """The JSON Schema of one content file, self-contained (editors open it on its own)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Integrale Handreiking: {spec.path}",
        "description": f"Schema van {spec.path} ({spec.label}). Gegenereerd uit "
        "generator/schema.py met `handreiking schema --write`; niet met de hand bewerken.",
        "$ref": f"#/$defs/{spec.key}_bestand",
        "$defs": _definitions(),
    }


def schema_files() -> dict[str, str]:
    """Every committed schema file by path, as text: the combined one and one per file."""
    import json

    def dump(schema: dict) -> str:
        return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"

    files = {COMBINED_SCHEMA: dump(json_schema())}
    for spec in FILES:
        files[file_schema_path(spec)] = dump(file_json_schema(spec))
    return files

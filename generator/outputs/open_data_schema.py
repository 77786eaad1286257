"""The JSON Schema of the open data's handreiking.json (open-data/handreiking.schema.json).

It is the editors' schema (`generator.content.schema.json_schema()`): the same record
definitions as the content files, plus what the export adds to a record (its page, whether
it is overdue, a page's text) and a top level for the whole set, with the list of every
mijlpaal. `export.content_json` writes the document it describes.
"""

from __future__ import annotations

import copy
from typing import Any

from ..base.dates import PRECISIES
from ..base.settings import Settings
from ..base.urls import OPEN_DATA, site_url
from ..content.kinds import ADDRESSED
from ..content.schema import PAGINA, json_schema

SCHEMA_FILE = f"{OPEN_DATA}/handreiking.schema.json"


def export_schema(settings: Settings) -> dict[str, Any]:
    """The JSON Schema of handreiking.json: the editors' record definitions, one top level."""
    base = json_schema(site_url(settings))
    url = _url_schema()
    properties = _top_level(url)
    return {
        "$schema": base["$schema"],
        "$id": site_url(settings) + SCHEMA_FILE,
        "title": "Integrale Handreiking: open data (handreiking.json)",
        "description": "De hele inhoud van de handreiking. Gegenereerd uit "
        "generator/content/model/, dezelfde velden als de YAML-bestanden van de redactie.",
        "type": "object",
        "additionalProperties": False,
        "required": [key for key in properties if key not in ("$schema", "vaste_versie")],
        "properties": properties,
        "$defs": dict(sorted(_export_defs(base, url).items())),
    }


ISO_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
# The lists of records in handreiking.json, and the definition of their items.
RECORD_LISTS = {
    "opgaven": "opgave",
    "maatregelen": "maatregel",
    "regelingen": "regeling",
    "organisaties": "organisatie",
    "bronnen": "bron",
    "begrippen": "begrip",
    "paginas": "pagina",
}


def _url_schema() -> dict[str, Any]:
    return {
        "type": "string",
        "format": "uri",
        "title": "Webadres",
        "description": "De pagina op de site (afgeleid, staat niet in de YAML)",
    }


def _closed(properties: dict[str, Any], **about: Any) -> dict[str, Any]:
    """An object with exactly `properties`, every one required; `about` describes it."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        **about,
        "properties": properties,
    }


def _items(name: str) -> dict:
    return {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}


def _top_level(url: dict[str, Any]) -> dict[str, Any]:
    """The properties of handreiking.json itself, in the order `content_json` writes them."""
    return {
        "$schema": {"type": "string", "format": "uri"},
        "titel": {"type": "string"},
        "editie": {"$ref": "#/$defs/editie"},
        "bouwdatum": {
            **ISO_DATE,
            "description": "De dag waarop dit bestand is gemaakt; bij een vaste versie van "
            "een editie de dag van haar vaststelling (of het einde van haar peildatum)",
        },
        "vaste_versie": _closed(
            {
                "editie": {"type": "integer"},
                "nieuwste_editie": {"type": "boolean"},
                "huidige_versie": {"type": "string", "format": "uri"},
            },
            description="Alleen in het bestand van een vastgestelde editie op haar vaste "
            "adres (/editie/<jaar>/open-data/handreiking.json): welke editie het is",
        ),
        "actualiteit": _actualiteit(),
        "bron": {"type": "string", "format": "uri", "description": "De site"},
        "licentie": _closed({k: {"type": "string"} for k in ("id", "naam", "url")}),
        **{key: _items(name) for key, name in RECORD_LISTS.items()},
        "mijlpalen": {
            **_items("mijlpaal_overzicht"),
            "description": "Alle mijlpalen van opgaven en maatregelen op volgorde "
            "van begin (afgeleid uit de tijdspaden)",
        },
    }


def _actualiteit() -> dict[str, Any]:
    return _closed(
        {
            "stand": {
                "type": "string",
                "description": "Tot wanneer de inhoud is bijgewerkt (de peildatum)",
            },
            "volgende_editie_verwacht": {
                **ISO_DATE,
                "description": "Tot wanneer een nieuwe editie werd verwacht. Afgeleid, "
                "geen datum uit de handreiking: die wordt minimaal jaarlijks "
                "geactualiseerd, dus een jaar na het einde van de stand",
            },
            "volgende_editie_afgeleid": {
                "type": "string",
                "description": "Waarom de redactie die datum afleidt",
            },
            "mogelijk_verouderd": {
                "type": "boolean",
                "description": "De bouwdatum ligt na die datum: de inhoud kan verouderd zijn",
            },
        },
        description="Hoe actueel de inhoud is op de bouwdatum",
    )


def _export_defs(base: dict[str, Any], url: dict[str, Any]) -> dict[str, Any]:
    """The editors' record definitions (not their files'), with what the export adds: the
    page of a record, whether it is overdue, a page's text and the mijlpalen overview."""
    defs = {k: copy.deepcopy(v) for k, v in base["$defs"].items() if not k.endswith("_bestand")}
    for name in sorted(ADDRESSED - {"mijlpaal"}):  # the records with a page (kinds.ADDRESSED)
        defs[name]["properties"]["url"] = url
    for name in ("maatregel", "regeling"):
        defs[name]["properties"]["verlopen"] = {
            "type": "boolean",
            "title": "Verlopen",
            "description": "Afgeleid op de bouwdatum, staat niet in de YAML: de status belooft "
            "of biedt de maatregel of regeling nog, maar het tijdspad of de aanvraagperiode is "
            "voorbij zonder dat iemand het bijwerkte",
        }
    pagina = copy.deepcopy(PAGINA.definition())
    pagina["properties"].update(
        slug={"type": "string", "title": "Slug", "description": "Bestandsnaam zonder .md"},
        tekst={"type": "string", "title": "Tekst", "description": "De tekst, in Markdown"},
        url=url,
    )
    pagina["required"] += ["slug", "tekst", "url"]
    defs["pagina"] = pagina
    defs["mijlpaal_overzicht"] = _mijlpaal_overzicht(defs["mijlpaal"]["properties"], url)
    return defs


def _mijlpaal_overzicht(mijlpaal: dict[str, Any], url: dict[str, Any]) -> dict[str, Any]:
    """A mijlpaal in the list of them all (`_mijlpaal`): every key required, null when empty."""
    properties = {
        "datum": {**mijlpaal["datum"]},
        "woorden": {
            "type": "string",
            "description": "De datum in woorden, zoals de handreiking hem zegt: 'eerste "
            "kwartaal 2021', 'naar verwachting april 2021', 'uiterlijk 1 april 2021'",
        },
        "precisie": {"type": "string", "enum": list(PRECISIES)},
        "datum_soort": {**_nullable(mijlpaal["datum_soort"])},
        "datum_zekerheid": {**_nullable(mijlpaal["datum_zekerheid"])},
        "begin": {
            **ISO_DATE,
            "type": ["string", "null"],
            "description": "Eerste dag van de periode (leeg: geen datum genoemd)",
        },
        "einde": {
            **ISO_DATE,
            "type": ["string", "null"],
            "description": "Laatste dag van de periode, tot en met (leeg: geen datum "
            "genoemd, of een opening: die heeft geen einddatum)",
        },
        "tekst": {"type": "string"},
        "afgeleid": {
            "type": ["string", "null"],
            "description": "Waarom de redactie de mijlpaal afleidt (leeg: zo in de bron)",
        },
        "verlopen": {
            "type": "boolean",
            "description": "Afgeleid op de bouwdatum: de periode is voorbij zonder dat "
            "iemand de mijlpaal als gehaald markeerde, terwijl de maatregel nog loopt",
        },
        "soort": {
            "type": "string",
            "enum": ["maatregel", "opgave"],
            "description": "Waar de mijlpaal bij hoort",
        },
        "id": {"type": "string", "description": "Id van de maatregel of opgave"},
        "titel": {"type": "string", "description": "Titel van de maatregel of opgave"},
        "url": url,
    }
    return {
        "type": "object",
        "title": "mijlpaal in het overzicht",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def _nullable(schema: dict) -> dict:
    """An enum property of the editors' schema, that may also be null (not recorded)."""
    return {**schema, "type": ["string", "null"], "enum": [*schema["enum"], None]}

"""The content files and their schema, from the one declaration of each record in `model`.

`check_file` walks the located nodes from `load` and returns plain values (dicts, lists,
strings, numbers, `Periode`s), recording a located Dutch problem for everything that does not
fit. The JSON Schema for editors is generated from the same declarations. The kinds of value
themselves live in `kinds`; the records' fields, labels and help texts in `model`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .kinds import INVALID, Context, Kind, ListOf, Record
from .kinds.checks import did_you_mean
from .load import Mapping, Source
from .model import (
    Bedrag,
    Begrip,
    Bijlage,
    Bron,
    Contact,
    Editie,
    Kerncijfer,
    Link,
    Maatregel,
    Mijlpaal,
    Opgave,
    Organisatie,
    Pagina,
    Regeling,
    Vaststelling,
    Verwijdering,
    Zoekwoorden,
)

MIJLPAAL = Mijlpaal.record
LINK = Link.record
BIJLAGE = Bijlage.record
CONTACT = Contact.record
MAATREGEL = Maatregel.record
KERNCIJFER = Kerncijfer.record
OPGAVE = Opgave.record
ORGANISATIE = Organisatie.record
BEDRAG = Bedrag.record
REGELING = Regeling.record
BRON = Bron.record
BEGRIP = Begrip.record
VASTSTELLING = Vaststelling.record
EDITIE = Editie.record
PAGINA = Pagina.record
VERWIJDERING = Verwijdering.record
ZOEKWOORDEN = Zoekwoorden.record


@dataclass(frozen=True)
class FileSpec:
    """A content file: its path, its top-level key and what that key holds."""

    path: str
    key: str
    kind: Kind
    label: str
    optional: bool = False  # a file that may be missing: its list is then empty


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
    FileSpec(
        "content/verwijderd.yaml",
        "verwijderd",
        ListOf(item=VERWIJDERING),
        "waarom gepubliceerde items niet meer in de handreiking staan",
        optional=True,
    ),
    FileSpec(
        "content/zoekwoorden.yaml",
        "zoekwoorden",
        ListOf(item=ZOEKWOORDEN),
        "woorden die bij het zoeken hetzelfde betekenen",
        optional=True,
    ),
)


def _reachable(kinds) -> tuple[Record, ...]:
    """Every record the content files hold, nested ones included, in order of appearance."""
    found: dict[str, Record] = {}

    def walk(kind) -> None:
        kind = getattr(kind, "item", kind)  # through ListOf
        if isinstance(kind, Record) and kind.name not in found:
            found[kind.name] = kind
            for f in kind.fields:
                walk(f.kind)

    for kind in kinds:
        walk(kind)
    return tuple(found.values())


RECORDS = _reachable(spec.kind for spec in FILES)


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
                f"alleen '{spec.key}:'{did_you_mean(key, [spec.key])}",
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


def json_schema(site: str) -> dict:
    """The JSON Schema of every content file, for editors' autocomplete and underlining;
    `site` is the site's address ('https://.../'), where the schema is published."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site + COMBINED_SCHEMA,
        "title": "Integrale Handreiking: inhoud",
        "description": "Gegenereerd uit generator/content/model/; niet met de hand bewerken.",
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
    # record_rules.py: a maatregel that is not (yet) 'beschikbaar' names its tijdspad and owners.
    defs["maatregel"]["if"] = {
        "required": ["status"],
        "properties": {"status": {"not": {"const": "beschikbaar"}}},
    }
    defs["maatregel"]["then"] = {
        "required": ["tijdspad", "eindverantwoordelijken"],
        "properties": {"tijdspad": {"minItems": 1}, "eindverantwoordelijken": {"minItems": 1}},
    }
    # record_rules.py: a maatregel or regeling says where it is stated (issue 20).
    for name in ("maatregel", "regeling"):
        defs[name]["anyOf"] = [{"required": ["sectie"]}, {"required": ["vermeld_in"]}]
    # record_rules.py: soort 'deel-van' needs deel_van, and deel_van needs soort 'deel-van'.
    defs["bedrag"]["if"] = {"required": ["soort"], "properties": {"soort": {"const": "deel-van"}}}
    defs["bedrag"]["then"] = {"required": ["deel_van"]}
    defs["bedrag"]["else"] = {"not": {"required": ["deel_van"]}}
    # record_rules.py: what a regeling says about its aanvraagperiode needs the aanvraagperiode.
    defs["regeling"]["dependentRequired"] = {
        f"aanvraagperiode_{x}": ["aanvraagperiode"] for x in ("soort", "zekerheid")
    }
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


def file_json_schema(spec: FileSpec, site: str) -> dict:
    """The JSON Schema of one content file, self-contained (editors open it on its own)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site + file_schema_path(spec),
        "title": f"Integrale Handreiking: {spec.path}",
        "description": f"Schema van {spec.path} ({spec.label}). Gegenereerd uit "
        "generator/content/model/ met `handreiking schema --write`; niet met de hand bewerken.",
        "$ref": f"#/$defs/{spec.key}_bestand",
        "$defs": _definitions(),
    }


def dump_schema(schema: dict) -> str:
    """A schema file's text: indented JSON, UTF-8 as is, a final newline."""
    import json

    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_files(site: str) -> dict[str, str]:
    """Every committed schema file by path, as text: the combined one and one per file;
    their `$id` is their address on the site `site` ('https://.../')."""
    files = {COMBINED_SCHEMA: dump_schema(json_schema(site))}
    for spec in FILES:
        files[file_schema_path(spec)] = dump_schema(file_json_schema(spec, site))
    return files

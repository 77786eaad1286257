"""The editors' web admin (/redactie/bewerken/): its Decap CMS configuration, from the model.

Every content file becomes an entry of one collection, every record a form: the labels, help
texts and required fields of `model/`, enums as selects, references to other records as
relation widgets, nested records as objects, lists as lists. A new field in the model is a new
field in the admin after `make schema` (a test fails while admin/config.yml is stale).

Two kinds of value have no Decap widget; the admin's YAML format (admin/src/yaml-format.js)
translates them at the file's edge, where the config marks them:

- a Toekenning (an organisatie id, or a block with its provenance) is edited as a block; the
  format writes the plain id when the block says nothing more (`handreiking_kort`);
- a value per field (`afgeleid`, `bronvermelding`) is edited as a list with the field's name
  in `veld` (`handreiking_per_veld`).

What the CMS cannot check (an either/or, a rule across records, ids that must stay unique) is
left to `check` in the pull request; the help text says so. Dates stay text in their notation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from ..content.kinds import (
    UNDERIVABLE,
    Datum,
    Email,
    Enum,
    Euro,
    Integer,
    JaNee,
    Kind,
    ListOf,
    Markdown,
    Number,
    PerVeld,
    Record,
    Ref,
    Sectie,
    Slug,
    Text,
    Toekenning,
    Url,
)
from ..content.model import Pagina
from ..content.schema import FILES
from .headers import ADMIN_POLICY, content_security_policy

CONFIG_FILE = "admin/config.yml"
PAGE_FILE = "admin/index.html"
COLLECTION = "inhoud"
PAGES = "paginas"
YAML_FORMAT = "handreiking-yaml"
FRONT_MATTER_FORMAT = "handreiking-frontmatter"
# Filled in by the admin's build (admin/build.mjs) from REDACTIE_REPO and REDACTIE_OAUTH_URL.
REPO_PLACEHOLDER = "ORGANISATIE/handreiking"
CHECK = "De controle in de pull request (`make check`) bewaakt: "
# Rules of record_rules.py and schema.py that a form cannot enforce, by record and field.
RULES = {
    ("maatregel", "eindverantwoordelijken"): "minstens één als de status niet 'beschikbaar' is.",
    ("maatregel", "tijdspad"): "minstens één mijlpaal als de status niet 'beschikbaar' is.",
    ("maatregel", "sectie"): "een paragraaf of 'Vermeld in', minstens één van beide.",
    ("maatregel", "vermeld_in"): "een paragraaf of 'Vermeld in', minstens één van beide.",
    ("regeling", "sectie"): "een paragraaf of 'Vermeld in', minstens één van beide.",
    ("regeling", "vermeld_in"): "een paragraaf of 'Vermeld in', minstens één van beide.",
    ("bedrag", "deel_van"): "alleen bij soort 'deel-van', en dan verplicht.",
    (
        "toekenning",
        "afgeleid",
    ): "bij een organisatie staat 'Afgeleid' of 'Genoemd in', niet allebei.",
    (
        "toekenning",
        "genoemd",
    ): "bij een organisatie staat 'Afgeleid' of 'Genoemd in', niet allebei.",
    ("verwijdering", "id"): "de id moet in een gepubliceerde editie staan.",
}
PER_VELD_RULE = "elk veld staat bij 'Afgeleid' of bij 'Bronvermelding', niet bij allebei."
ID_RULE = "de id is uniek; een gepubliceerde id verandert niet (zet de oude in 'Vorige ids')."
REF_RULE = "de id bestaat."
# What a list item shows when folded: the first of these fields the record has.
SUMMARY_FIELDS = ("titel", "naam", "term", "label", "tekst", "id")
FILE_LABELS = {
    "maatregelen": "Maatregelen",
    "opgaven": "Opgaven",
    "organisaties": "Organisaties",
    "regelingen": "Financieringsregelingen",
    "bronnen": "Bronnen",
    "begrippen": "Begrippen",
    "editie": "Editie",
    "verwijderd": "Verwijderd",
    "zoekwoorden": "Zoekwoorden",
}
NAME_FIELDS = {"organisatie": "naam"}  # what a relation shows of a record, if not its titel


def _hint(record: Record, key: str, help_text: str, kind: Kind) -> str:
    hint = help_text.rstrip(".") + "."
    if kind.description and not isinstance(kind, (Enum, Ref, ListOf, Record, PerVeld)):
        hint += f" Schrijfwijze: {kind.description}."
    rule = RULES.get((record.name, key))
    if rule is None and key == "id" and record.id_kind:
        rule = ID_RULE
    if rule is None and isinstance(kind, PerVeld):
        rule = PER_VELD_RULE
    return hint + (f" {CHECK}{rule}" if rule else "")


def _relation(target: str, multiple: bool = False) -> dict[str, Any]:
    spec = next(s for s in FILES if s.kind.item.name == target)
    shown = NAME_FIELDS.get(target, "titel")
    widget = {
        "widget": "relation",
        "collection": COLLECTION,
        "file": spec.key,
        "value_field": f"{spec.key}.*.id",
        "search_fields": [f"{spec.key}.*.{shown}", f"{spec.key}.*.id"],
        "display_fields": [f"{spec.key}.*.{shown}"],
        "options_length": 200,
    }
    if multiple:
        widget["multiple"] = True
    return widget


def _widget(kind: Kind, record: Record, key: str) -> dict[str, Any]:
    """The Decap widget (and its options) for a value of `kind`: the first of WIDGETS that
    `kind` is an instance of."""
    for kind_type, widget in WIDGETS:
        if isinstance(kind, kind_type):
            return widget(kind, record, key)
    raise TypeError(f"no widget for {type(kind).__name__}")


def _toekenning_widget(kind: Toekenning, record: Record, key: str) -> dict[str, Any]:
    return {
        "widget": "object",
        "handreiking_kort": "organisatie",
        "summary": "{{fields.organisatie}}",
        "fields": _fields(kind.block),
    }


def _select(options: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """A select of (value, label) options."""
    return {
        "widget": "select",
        "options": [{"label": label, "value": value} for value, label in options],
    }


def _number_widget(kind: Number, record: Record, key: str) -> dict[str, Any]:
    widget = {"widget": "number", "value_type": "float"}
    return {**widget, "min": 0} if isinstance(kind, Euro) else widget


def _datum_widget(kind: Datum, record: Record, key: str) -> dict[str, Any]:
    return {
        "widget": "string",
        "pattern": [
            kind.PATTERN.replace("^(", "^(geen$|(", 1) + ")" if kind.geen else kind.PATTERN,
            "Schrijf een datum als 2021-04-01, 2021-04, 2021-Q1, 2021-H1, 2021, 'medio 2021' "
            "of 2021-03..2021-07",
        ],
    }


def _pattern(pattern: str, message: str) -> Callable[..., dict[str, Any]]:
    """A string widget for text that must match `pattern`; `message` says how to write it."""
    return lambda *_: {"widget": "string", "pattern": [pattern, message]}


def _per_veld_widget(kind: PerVeld, record: Record, key: str) -> dict[str, Any]:
    names = [
        f.key for f in record.fields if f.key not in UNDERIVABLE and not isinstance(f.kind, PerVeld)
    ]
    veld = {
        "name": "veld",
        "label": "Veld",
        "widget": "select",
        "required": True,
        "options": names,
    }
    item = kind.item
    fields = (
        _fields(item)
        if isinstance(item, Record)
        else [{"name": "reden", "label": "Reden", "widget": "text", "required": True}]
    )
    waarde = {} if isinstance(item, Record) else {"handreiking_waarde": "reden"}
    return {
        "widget": "list",
        "handreiking_per_veld": "veld",
        **waarde,
        "summary": "{{fields.veld}}",
        "fields": [veld, *fields],
    }


def _list_widget(kind: ListOf, record: Record, key: str) -> dict[str, Any]:
    item = kind.item
    if isinstance(item, Ref) and not isinstance(item, Toekenning):
        return _relation(item.target, multiple=True)
    if isinstance(item, (Record, Toekenning)):
        widget = _widget(item, record, key)
        widget["widget"] = "list"
        widget["collapsed"] = False  # a record's mijlpalen, links, ...: open, to edit
        widget["label_singular"] = (
            "eindverantwoordelijke" if isinstance(item, Toekenning) else item.name
        )
        if "summary" not in widget:
            widget["summary"] = _summary(item)
        return widget
    inner = {
        "name": "waarde",
        "label": "Waarde",
        "required": True,
        **_widget(item, record, key),
    }
    return {"widget": "list", "field": inner}


# The widget of each kind of value, as (kind, widget(kind, record, key)); `_widget` takes the
# first that fits, so a subclass comes before its base (a Ref is a Slug, Markdown a Text).
WIDGETS: tuple[tuple[type, Callable[..., dict[str, Any]]], ...] = (
    (Toekenning, _toekenning_widget),
    (Ref, lambda kind, *_: _relation(kind.target)),
    (Enum, lambda kind, *_: _select(kind.labels.items())),
    (JaNee, lambda *_: _select([("ja", "ja"), ("nee", "nee")])),
    (Integer, lambda *_: {"widget": "number", "value_type": "int"}),
    (Number, _number_widget),
    (Datum, _datum_widget),
    (Sectie, _pattern(r"^[0-9]{1,3}(\.[0-9]{1,3}){0,5}$", "Een paragraafnummer, zoals 4.2.1")),
    (Url, _pattern(r"^https://\S+$", "Een volledig webadres dat begint met https://")),
    (Email, _pattern(r"^\S+@\S+\.\S+$", "Een e-mailadres, zoals naam@organisatie.nl")),
    (
        Slug,
        _pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$", "Alleen kleine letters, cijfers en koppeltekens"),
    ),
    (Markdown, lambda *_: {"widget": "text"}),
    (Text, lambda kind, *_: {"widget": "string" if kind.single_line else "text"}),
    (Record, lambda kind, *_: {"widget": "object", "collapsed": False, "fields": _fields(kind)}),
    (PerVeld, _per_veld_widget),
    (ListOf, _list_widget),
)


def _summary(record: Record) -> str:
    keys = [f.key for f in record.fields]
    if record.name == "mijlpaal":
        return "{{fields.datum}}: {{fields.tekst}}"
    shown = next((k for k in SUMMARY_FIELDS if k in keys), keys[0])
    return "{{fields." + shown + "}}"


def _fields(record: Record) -> list[dict[str, Any]]:
    fields = []
    for f in record.fields:
        field = {
            "name": f.key,
            "label": f.label,
            "required": f.required,
            "hint": _hint(record, f.key, f.help, f.kind),
            **_widget(f.kind, record, f.key),
        }
        if isinstance(f.kind, (Ref, ListOf)) and not isinstance(f.kind, Toekenning):
            item = f.kind.item if isinstance(f.kind, ListOf) else f.kind
            if isinstance(item, Ref) and not isinstance(item, Toekenning):
                field["hint"] += f" {CHECK}{REF_RULE}"
        fields.append(field)
    return fields


def _file_entry(spec) -> dict[str, Any]:
    # a short menu name; a file added later shows its own label until it gets one here
    label = FILE_LABELS.get(spec.key) or spec.label[:1].upper() + spec.label[1:]
    if isinstance(spec.kind, Record):
        root = {
            "name": spec.key,
            "label": label,
            "widget": "object",
            "collapsed": False,
            "fields": _fields(spec.kind),
        }
    else:
        record = spec.kind.item
        root = {
            "name": spec.key,
            "label": label,
            "label_singular": record.name,
            "widget": "list",
            "required": False,
            "summary": _summary(record),
            "fields": _fields(record),
        }
    return {"name": spec.key, "label": label, "file": spec.path, "fields": [root]}


def config() -> dict[str, Any]:
    """The admin's Decap configuration, as data."""
    return {
        "backend": _backend(),
        "publish_mode": "editorial_workflow",
        "locale": "nl",
        "load_config_file": False,
        # Decap requires a media folder; no field of the handreiking uploads a file.
        "media_folder": "content/media",
        "collections": [_files_collection(), _pages_collection()],
    }


def _backend() -> dict[str, Any]:
    """GitHub, every save a pull request; admin/build.mjs fills in the repository."""
    return {
        "name": "github",
        "repo": REPO_PLACEHOLDER,
        "branch": "main",
        "squash_merges": True,
        "commit_messages": {
            "create": "Redactie: {{collection}} '{{slug}}' nieuw",
            "update": "Redactie: {{collection}} '{{slug}}' bijgewerkt",
            "delete": "Redactie: {{collection}} '{{slug}}' verwijderd",
            "uploadMedia": "Redactie: bestand '{{path}}'",
            "deleteMedia": "Redactie: bestand '{{path}}' verwijderd",
        },
    }


def _files_collection() -> dict[str, Any]:
    """Every content file, each a form."""
    return {
        "name": COLLECTION,
        "label": "Inhoud",
        "label_singular": "bestand",
        "description": "Elk bestand met inhoud. De gepubliceerde edities "
        "(content/edities/) staan hier niet: die blijven zoals ze zijn.",
        "format": YAML_FORMAT,
        "extension": "yaml",
        "editor": {"preview": True},
        "files": [_file_entry(spec) for spec in FILES],
    }


def _pages_collection() -> dict[str, Any]:
    """The prose pages: their front matter's fields, and the text."""
    body = {
        "name": "body",
        "label": "Tekst",
        "widget": "text",
        "required": True,
        "hint": "De tekst van de pagina in Markdown: ## kopjes, - lijstjes, **vet**, "
        "[links](https://...). HTML is niet toegestaan. " + CHECK + "de links werken en "
        "de tekst bevat niets wat de site niet toont.",
    }
    return {
        "name": PAGES,
        "label": "Pagina's",
        "label_singular": "pagina",
        "description": "De tekstpagina's van de site (content/paginas/).",
        "folder": "content/paginas",
        "extension": "md",
        "format": FRONT_MATTER_FORMAT,
        "create": True,
        "identifier_field": "titel",
        "slug": "{{slug}}",
        "summary": "{{titel}}",
        "editor": {"preview": True},
        "fields": _fields(Pagina.record) + [body],
    }


def config_text() -> str:
    """admin/config.yml as committed: generated, with a note not to edit it."""
    head = (
        "# The editors' admin (/redactie/bewerken/), Decap CMS. Generated from\n"
        "# generator/content/model/ by `make schema` (generator/outputs/cms.py); do not edit.\n"
        "# admin/build.mjs fills in backend.repo and backend.base_url for the deployment.\n"
    )
    return head + yaml.safe_dump(config(), allow_unicode=True, sort_keys=False, width=100)


PAGE = """\
<!doctype html>
<!-- Generated by `make schema` (generator/outputs/cms.py); admin/build.mjs fills in the script. -->
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <meta name="referrer" content="no-referrer">
  <meta http-equiv="Content-Security-Policy" content="{policy}">
  <title>Inhoud bewerken · Integrale Handreiking</title>
</head>
<body>
  <noscript>Voor het bewerken van de inhoud is JavaScript nodig.</noscript>
  <script src="__SCRIPT__"></script>
</body>
</html>
"""


def page_text() -> str:
    """admin/index.html: the admin's page with its policy as a <meta> tag, for hosts that send
    no headers (GitHub Pages); nginx sends the same policy as a header (site/nginx.py)."""
    return PAGE.format(policy=content_security_policy(ADMIN_POLICY, meta=True))


def generated_files(root: Path) -> dict[str, str]:
    """The admin's generated files, in a project that has the admin (admin/)."""
    if not (root / "admin").is_dir():
        return {}
    return {CONFIG_FILE: config_text(), PAGE_FILE: page_text()}

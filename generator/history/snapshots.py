"""Published editions as files: content/edities/<jaar>.yaml, written once and read back.

A snapshot holds the checked content as plain YAML (every value as the editor wrote it, dates
in their notation, keys in schema order) plus the site addresses that edition published. It
is read by a *tolerant* reader, not by the validator: it keeps every field it finds, so a
later change of the schema never makes an old snapshot unreadable; `formaat` says which layout
the file has, for a migration if the layout itself ever has to change.

Low in the pipeline on purpose: `check` reads the addresses of every edition (a renamed id
without `vorige_ids` is an error there), the build derives the changelog from the contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base.dates import DateNotationError, Periode, words_of
from ..base.problems import Location, Problem
from ..base.urls import RENAMEABLE, url_of  # noqa: F401 (RENAMEABLE re-exported)
from ..content.kinds import Context, Field, Kind, ListOf, Markdown, Record, Slug
from ..content.load import Mapping, Node, Scalar, Sequence, Source, read_source
from ..content.schema import FILES, PAGINA
from .ledger import LEDGER, ledger_schema
from .yaml_text import block_yaml

EDITIES_DIR = "content/edities"
FORMAT = 1
Inhoud = dict[str, Any]  # {'maatregelen': [{...}], 'regelingen': [...], ...}, text leaves
SNAPSHOT_SCHEMA = "schema/edities.schema.json"
# yaml-language-server resolves the schema relative to the file: content/edities/<jaar>.yaml.
MODELINE = f"# yaml-language-server: $schema=../../{SNAPSHOT_SCHEMA}"
HEADER = (
    MODELINE
    + """
# Editie {jaar} van de Integrale Handreiking, bevroren met `handreiking editie publiceer {jaar}`.
# Niet met de hand bewerken: de site leidt hieruit af wat er per editie veranderde
# (/wijzigingen/) en welke webadressen moeten blijven bestaan.
"""
)


@dataclass
class Snapshot:
    """One published edition as read back from its file."""

    jaar: int
    path: str
    editie: dict[str, Any]  # jaar, titel, peildatum, vastgesteld {datum, door}: text leaves
    inhoud: Inhoud
    adressen: dict[str, Location]  # site-relative URL -> where the file lists it

    @property
    def label(self) -> str:
        return f"editie {self.jaar}"

    @property
    def peildatum(self) -> str:
        return words_of(self.editie.get("peildatum"))

    @property
    def vastgesteld(self) -> str | None:
        """'1 maart 2022 door de LRT', in words, when the edition records it."""
        vastgesteld = self.editie.get("vastgesteld") or {}
        if not vastgesteld.get("datum"):
            return None
        return f"{words_of(vastgesteld['datum'])} door {vastgesteld.get('door') or 'onbekend'}"

    @property
    def datum(self) -> Periode | None:
        """When the edition was vastgesteld, else its peildatum."""
        vastgesteld = self.editie.get("vastgesteld") or {}
        for notatie in (vastgesteld.get("datum"), self.editie.get("peildatum")):
            if notatie:
                try:
                    return Periode.parse(notatie)
                except DateNotationError:
                    continue
        return None


def snapshot_paths(root: Path) -> list[Path]:
    folder = root / EDITIES_DIR
    found = [p for p in folder.glob("*.yaml") if re.fullmatch(r"\d{4}", p.stem)]
    return sorted(found, key=lambda p: int(p.stem))


def read_snapshots(root: Path) -> tuple[list[Snapshot], list[Problem]]:
    """Every snapshot, oldest first, and the problems of those that cannot be read."""
    snapshots, problems = [], []
    for path in snapshot_paths(root):
        display = f"{EDITIES_DIR}/{path.name}"
        snapshot, found = read_snapshot(path, display, root)
        problems += found
        if snapshot is not None:
            snapshots.append(snapshot)
    return snapshots, problems


def read_snapshot(
    path: Path, display: str, root: Path | None = None
) -> tuple[Snapshot | None, list[Problem]]:
    source = read_source(path, display, root)
    problems = list(source.problems)
    root = source.root
    if not isinstance(root, Mapping):
        if root is not None:
            problems.append(Problem(root.location, "dit is geen editie-bestand"))
        return None, problems
    at = root.location
    formaat = _scalar(root, "formaat")
    if formaat is None or not formaat.isdigit() or int(formaat) > FORMAT:
        problems.append(
            Problem(
                at,
                f"onbekend formaat '{formaat}'; dit bestand is gemaakt met "
                "een nieuwere versie van de generator",
            )
        )
        return None, problems
    shape = shape_problems(source)
    if shape:
        return None, problems + shape
    editie = to_plain(root.items["editie"][1])
    jaar = str(editie.get("jaar", ""))
    if jaar != path.stem:
        problems.append(
            Problem(
                root.items["editie"][1].items["jaar"][1].location,
                f"de bestandsnaam zegt editie {path.stem}, maar 'editie.jaar' is '{jaar}'",
            )
        )
        return None, problems
    adressen: dict[str, Location] = {}
    node = root.items.get("adressen", (at, None))[1]
    for item in node.items if isinstance(node, Sequence) else []:
        if isinstance(item, Scalar):
            adressen[item.value.removeprefix("/")] = item.location
    inhoud = to_plain(root.items["inhoud"][1]) or {}
    for key in LISTS:
        inhoud[key] = inhoud.get(key) or []
    inhoud["editie"] = editie  # compared like the working content's (editions.content_of)
    return Snapshot(int(jaar), display, editie, inhoud, adressen), problems


# --- the layout a snapshot must have ---------------------------------------------------------
#
# A snapshot is read tolerantly (a field the schema no longer knows is kept, a field it gained
# may be missing), but what the site shows and compares must be readable: the build would
# otherwise crash or publish it as written (issue 12). So every field the current schema knows
# is checked with that field's own kind, wherever it stands; records need their id, and the
# addresses must be addresses of this site.

TOP_KEYS = ("formaat", "editie", "adressen", "inhoud")
_EDITIE = next(spec.kind for spec in FILES if spec.key == "editie")
# Each list of records in `inhoud` and the record of its items; the prose pages with the
# fields a snapshot adds to their front matter.
LISTS: dict[str, Record] = {
    spec.key: spec.kind.item for spec in FILES if isinstance(spec.kind, ListOf)
}
LISTS["paginas"] = Record(
    name="pagina",
    fields=(
        Field("slug", Slug(), "Slug", "De bestandsnaam van de pagina", True),
        *(f for f in PAGINA.fields if f.key != "titel"),
        Field("titel", PAGINA.field("titel").kind, "Titel", "Titel van de pagina", True),
        Field("tekst", Markdown(), "Tekst", "De tekst van de pagina", True),
    ),
)
REQUIRED_LISTS = ("maatregelen",)  # what an edition is about; the other lists may be missing
# A site address as the build writes them: '/', '/maatregelen/x/', '/open-data/x.csv'.
ADRES = re.compile(r"^/(?:(?!\.\.?/)[a-z0-9._-]+/)*(?:(?!\.\.?$)[a-z0-9._-]+)?$")
EDITED = "; maak het bestand opnieuw met `handreiking editie publiceer` of zet het terug"


def shape_problems(source: Source) -> list[Problem]:
    """Everything in a snapshot's layout that the site cannot read or should not show."""
    problems: list[Problem] = []
    ctx = Context(source, problems)
    root = source.root
    for key, (key_at, _) in root.items.items():
        if key not in TOP_KEYS:
            ctx.problem(key_at, "", f"onbekend veld '{key}' in een editie-bestand{EDITED}")
    for key in TOP_KEYS:
        if key not in root.items:
            ctx.problem(root.location, "", f"veld '{key}' ontbreekt in dit editie-bestand{EDITED}")
    if "editie" in root.items:
        _record(_EDITIE, root.items["editie"][1], "editie", ctx, top=True)
    if "adressen" in root.items:
        _adressen(root.items["adressen"][1], ctx)
    inhoud = root.items.get("inhoud", (None, None))[1]
    if inhoud is not None and _mapping(inhoud, "inhoud", ctx):
        for key in REQUIRED_LISTS:
            if key not in inhoud.items:
                ctx.problem(inhoud.location, "inhoud", f"de lijst '{key}' ontbreekt{EDITED}")
        for key, (_, node) in inhoud.items.items():
            if key in LISTS:
                _records(LISTS[key], node, f"inhoud.{key}", ctx)
    return problems


def _mapping(node: Node, path: str, ctx: Context) -> bool:
    if isinstance(node, Mapping):
        return True
    found = "een lijst" if isinstance(node, Sequence) else f"'{getattr(node, 'value', '')[:40]}'"
    ctx.problem(node.location, path, f"verwacht een blok met velden, maar vond {found}{EDITED}")
    return False


def _records(record: Record, node: Node, path: str, ctx: Context) -> None:
    if isinstance(node, Scalar) and node.value == "" and not node.quoted:
        return  # an empty list
    if not isinstance(node, Sequence):
        message = f"verwacht een lijst, met elk item op een eigen regel met '- '{EDITED}"
        ctx.problem(node.location, path, message)
        return
    key = "slug" if record.has("slug") else "id" if record.has("id") else None
    seen: dict[str, Location] = {}
    for index, item in enumerate(node.items):
        _record(record, item, f"{path}[{index}]", ctx, top=True)
        if key is None or not isinstance(item, Mapping):
            continue
        value = item.items.get(key, (None, None))[1]
        if not isinstance(value, Scalar):
            continue
        if value.value in seen:
            ctx.problem(
                value.location,
                f"{path}[{index}].{key}",
                f"'{value.value}' staat al eerder in deze lijst (regel "
                f"{seen[value.value].line}){EDITED}",
            )
        seen.setdefault(value.value, value.location)


def _record(record: Record, node: Node, path: str, ctx: Context, top: bool = False) -> None:
    """The fields the schema knows, each checked with its kind; a record at the top of a list
    needs only its id (a page its slug, the edition its jaar), a nested one (a vaststelling, a
    bedrag) every required field: that is what the site reads."""
    if not _mapping(node, path, ctx):
        return
    for key, (_, child) in node.items.items():
        if record.has(key):
            _value(record.field(key).kind, child, f"{path}.{key}", ctx)
    needed = [f for f in record.fields if f.required]
    if top:
        needed = [f for f in needed if f.key in ("id", "slug", "jaar")]
    for f in needed:
        if f.key not in node.items:
            ctx.problem(
                node.location, path, f"verplicht veld '{f.key}' ontbreekt in {record.name}{EDITED}"
            )


def _value(kind: Kind, node: Node, path: str, ctx: Context) -> None:
    if isinstance(kind, Record):
        _record(kind, node, path, ctx)
    elif isinstance(kind, ListOf) and isinstance(kind.item, Record):
        _records(kind.item, node, path, ctx)
    else:
        kind.check(node, path, ctx)


def _adressen(node: Node, ctx: Context) -> None:
    if not isinstance(node, Sequence):
        ctx.problem(node.location, "adressen", f"verwacht een lijst van webadressen{EDITED}")
        return
    for index, item in enumerate(node.items):
        value = item.value if isinstance(item, Scalar) else None
        if value is None or not ADRES.fullmatch(value):
            shown = value[:60] if value is not None else "een blok of lijst"
            ctx.problem(
                item.location,
                f"adressen[{index}]",
                f"'{shown}' is geen webadres van deze site: een adres begint met '/' en bevat "
                f"alleen kleine letters, cijfers, '-', '_', '.' en '/'{EDITED}",
            )


def _scalar(mapping: Mapping, key: str) -> str | None:
    node = mapping.items.get(key, (None, None))[1]
    return node.value if isinstance(node, Scalar) else None


def to_plain(node: Node | None) -> Any:
    """Located nodes -> dicts, lists and text; an empty value is None."""
    if isinstance(node, Scalar):
        return node.value if node.value != "" or node.quoted else None
    if isinstance(node, Sequence):
        return [to_plain(item) for item in node.items]
    if isinstance(node, Mapping):
        return {key: to_plain(child) for key, (_, child) in node.items.items()}
    return None


def snapshot_schema(site: str) -> dict:
    """The JSON Schema of the files in content/edities/, for editor tools and validators: a
    snapshot's layout (`formaat`), or the ledger's (history/ledger.py).

    Only the layout: like the tolerant reader, it accepts any fields inside the records, so
    an old snapshot stays valid when the content schema changes.
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site + SNAPSHOT_SCHEMA,
        "title": "Integrale Handreiking: de bestanden in content/edities/",
        "description": "Een bevroren editie (<jaar>.yaml) of het logboek van de edities "
        "(logboek.yaml); beide gemaakt door `handreiking editie publiceer`, niet met de hand "
        "bewerken.",
        "if": {"type": "object", "required": ["logboek"]},
        "then": {"$ref": "#/$defs/logboek"},
        "else": {"$ref": "#/$defs/editie"},
        "$defs": {"editie": _edition_schema(), "logboek": ledger_schema()},
    }


def _edition_schema() -> dict:
    """A snapshot's layout: formaat, editie, adressen and inhoud."""
    return {
        "title": "Bevroren editie (content/edities/<jaar>.yaml)",
        "description": "Gemaakt door `handreiking editie publiceer <jaar>`; niet met de hand "
        "bewerken. Beschrijft alleen de opbouw (formaat "
        f"{FORMAT}): de velden in de inhoud zijn die van de editie zelf.",
        "type": "object",
        "additionalProperties": False,
        "required": ["formaat", "editie", "adressen", "inhoud"],
        "properties": {
            "formaat": {
                "type": "integer",
                "minimum": 1,
                "maximum": FORMAT,
                "description": "De opbouw van dit bestand",
            },
            "editie": {
                "type": "object",
                "required": ["jaar", "titel", "peildatum"],
                "properties": {
                    "jaar": {"type": "integer"},
                    "titel": {"type": "string"},
                    "peildatum": {"type": "string"},
                },
                "description": "De editie zoals content/editie.yaml haar beschreef",
            },
            "adressen": {
                "type": "array",
                "uniqueItems": True,
                "items": {"type": "string", "pattern": "^/"},
                "description": "Elk webadres dat deze editie publiceerde; het moet blijven bestaan",
            },
            "inhoud": {
                "type": "object",
                "properties": _inhoud_schema(),
                "description": "De inhoud van de editie, zoals de redactie haar schreef",
            },
        },
    }


def _inhoud_schema() -> dict:
    """The properties of a snapshot's `inhoud`: a list per content file of records (with an
    id where its records have one), an object for a file of one record, and the pages."""
    listed = {spec.key: isinstance(spec.kind, ListOf) for spec in FILES if spec.key != "editie"}
    ids = {spec.key for spec in FILES if getattr(getattr(spec.kind, "item", None), "id_kind", None)}

    def records(key: str) -> dict:
        item: dict[str, Any] = {"type": "object"}
        if key in ids:
            item |= {"required": ["id"], "properties": {"id": {"type": "string"}}}
        return {"type": "array", "items": item}

    inhoud = {
        key: records(key) if is_list else {"type": "object"} for key, is_list in listed.items()
    }
    inhoud["paginas"] = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["slug", "titel", "tekst"],
            "properties": {"slug": {"type": "string"}, "titel": {"type": "string"}},
        },
    }
    return inhoud


def snapshot_text(editie: dict, adressen: list[str], content: dict[str, Any]) -> str:
    data = {
        "formaat": FORMAT,
        "editie": editie,
        "adressen": ["/" + a for a in adressen],
        "inhoud": content,
    }
    body = block_yaml(data)
    return HEADER.format(jaar=editie["jaar"]) + body


def url_problems(snapshots: list[Snapshot], urls: set[str]) -> list[Problem]:
    """Every address an earlier edition published that the site would no longer have."""
    return [
        address_problem(snapshot, url, location)
        for snapshot in snapshots
        for url, location in snapshot.adressen.items()
        if url not in urls
    ]


def address_problem(snapshot: Snapshot, url: str, location: Location) -> Problem:
    """An address of `snapshot` the site no longer has, at the line that lists it."""
    folders = {url_of(kind).rstrip("/"): kind for _, kind in RENAMEABLE}
    parts = url.strip("/").split("/")
    kind = folders.get(parts[0]) if len(parts) == 2 and url.endswith("/") else None
    if kind:
        message = (
            f"het webadres /{url} stond in editie {snapshot.jaar}, maar er is "
            f"geen {kind} '{parts[1]}' meer. Kreeg de {kind} een nieuwe id? Zet "
            f"dan '{parts[1]}' bij vorige_ids van die {kind}, dan stuurt het oude "
            f"adres door. Is de {kind} gestopt? Laat hem dan staan met status "
            "'afgerond' of 'vervallen'"
        )
    else:
        message = (
            f"de pagina /{url} stond in editie {snapshot.jaar}, maar bestaat niet "
            "meer; zet haar terug of zorg voor een doorverwijzing"
        )
    return Problem(location, message)


def generated_files(root: Path, site: str) -> dict[str, str]:
    """The snapshots' schema and every snapshot's modeline, by path, as they should be on disk."""
    from ..content.schema import dump_schema

    files = {SNAPSHOT_SCHEMA: dump_schema(snapshot_schema(site))}
    ledger = root / LEDGER
    for path in snapshot_paths(root) + ([ledger] if ledger.is_file() else []):
        text = path.read_text(encoding="utf-8")
        if not text.startswith(MODELINE + "\n"):
            first, _, rest = text.partition("\n")
            body = rest if first.startswith("# yaml-language-server:") else text
            files[path.relative_to(root).as_posix()] = MODELINE + "\n" + body
    return files

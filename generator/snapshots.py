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

import yaml

from .dates import DateNotationError, Periode, words_of
from .kinds import ListOf
from .load import Mapping, Node, Scalar, Sequence, read_source
from .problems import Location, Problem
from .schema import FILES

EDITIES_DIR = "content/edities"
FORMAT = 1
RENAMEABLE = (  # (file key, kind) of the records whose page address an edition keeps
    ("maatregelen", "maatregel"),
    ("regelingen", "regeling"),
    ("organisaties", "organisatie"),
    ("opgaven", "opgave"),
)
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
    editie = to_plain(root.items["editie"][1]) if "editie" in root.items else {}
    jaar = str(editie.get("jaar", "")) if isinstance(editie, dict) else ""
    if jaar != path.stem:
        problems.append(
            Problem(at, f"de bestandsnaam zegt editie {path.stem}, maar 'editie.jaar' is '{jaar}'")
        )
        return None, problems
    adressen: dict[str, Location] = {}
    node = root.items.get("adressen", (at, None))[1]
    for item in node.items if isinstance(node, Sequence) else []:
        if isinstance(item, Scalar):
            adressen[item.value.removeprefix("/")] = item.location
    inhoud = to_plain(root.items["inhoud"][1]) if "inhoud" in root.items else {}
    return Snapshot(
        int(jaar), display, editie, inhoud if isinstance(inhoud, dict) else {}, adressen
    ), problems


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


class _Dumper(yaml.SafeDumper):
    """Block style, multi-line text as '|' blocks, so a snapshot reads (and diffs) like content."""


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def snapshot_schema(site: str) -> dict:
    """The JSON Schema of a snapshot's layout (`formaat`), for editor tools and validators.

    Only the layout: like the tolerant reader, it accepts any fields inside the records, so
    an old snapshot stays valid when the content schema changes.
    """
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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site + SNAPSHOT_SCHEMA,
        "title": "Integrale Handreiking: bevroren editie (content/edities/<jaar>.yaml)",
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
                "properties": inhoud,
                "description": "De inhoud van de editie, zoals de redactie haar schreef",
            },
        },
    }


def snapshot_text(editie: dict, adressen: list[str], content: dict[str, Any]) -> str:
    data = {
        "formaat": FORMAT,
        "editie": editie,
        "adressen": ["/" + a for a in adressen],
        "inhoud": content,
    }
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return HEADER.format(jaar=editie["jaar"]) + body

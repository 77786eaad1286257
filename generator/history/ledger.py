"""The ledger of published editions: content/edities/logboek.yaml, appended to by `publiceer`.

Every act on a frozen edition is one entry, in the order it happened: `gepubliceerd` (the
edition file was written) or `gecorrigeerd` (it was written again, with the reason and the
changelog sentences of what that changed). Each entry holds the sha256 of the edition file's
bytes after the act (and, for a correction, before it), so `check` can tell a published file
from one changed by hand (history/integrity.py), and the site can show every correction
(`corrections`).

    - editie: 2021
      handeling: gecorrigeerd
      datum: '2026-12-01'
      reden: Bereikte mijlpalen gemarkeerd
      sha256_voor: 4c1f…
      sha256: 9a0e…
      wijzigingen:
      - 'Maatregel Bestuurlijke aanjager: mijlpaal ‘De LRT besluit …’ gehaald (15 december 2020).'

Read with the located loader, so every problem is file:line:col; written whole and
deterministically, so an append adds lines to the file and changes none.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..base.problems import Location, Problem
from ..content.load import Mapping, Node, Scalar, Sequence, Source, compose, read_source
from .yaml_text import block_yaml

LEDGER = "content/edities/logboek.yaml"
FORMAT = 1
GEPUBLICEERD = "gepubliceerd"
GECORRIGEERD = "gecorrigeerd"
HANDELINGEN = (GEPUBLICEERD, GECORRIGEERD)
# The ledger shares the schema of the edition files next to it (snapshots.SNAPSHOT_SCHEMA),
# which describes both layouts; yaml-language-server resolves it relative to the file.
SCHEMA = "schema/edities.schema.json"
MODELINE = f"# yaml-language-server: $schema=../../{SCHEMA}"
HEADER = (
    MODELINE
    + """
# Logboek van de gepubliceerde edities: elke publicatie en elke correctie, met de sha256 van
# het editiebestand erna (en ervoor, bij een correctie). Alleen `make publiceer` schrijft
# hierin; niet met de hand bewerken. `make check` toetst de edities hieraan en aan git.
"""
)
KEYS = ("editie", "handeling", "datum", "reden", "sha256_voor", "sha256", "wijzigingen")
REQUIRED = ("editie", "handeling", "datum", "sha256")
ONLY_CORRECTION = ("reden", "sha256_voor", "wijzigingen")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
EDITED = "; alleen `make publiceer` schrijft het logboek: zet het terug met git"


@dataclass(frozen=True)
class Entry:
    """One act on an edition, as the ledger records it."""

    jaar: int
    handeling: str  # gepubliceerd | gecorrigeerd
    datum: str  # ISO date of the act: '2026-12-01'
    sha256: str  # of the edition file's bytes after the act
    sha256_voor: str | None = None  # before it (a correction)
    reden: str | None = None  # why (a correction)
    wijzigingen: tuple[str, ...] = ()  # what it changed, as changelog sentences (a correction)
    at: Location | None = field(default=None, compare=False)  # where the entry starts
    locations: dict[str, Location] = field(default_factory=dict, compare=False, hash=False)

    def location(self, key: str) -> Location:
        """Where the entry gives `key` (else where it starts)."""
        return self.locations.get(key) or self.at or Location(LEDGER, 1, 1)

    @property
    def summary(self) -> str:
        """'editie 2021, gecorrigeerd op 2026-12-01': how a message names the entry."""
        return f"editie {self.jaar}, {self.handeling} op {self.datum}"

    def data(self) -> dict[str, Any]:
        """The entry as plain YAML data, keys in the ledger's order."""
        values = {
            "editie": self.jaar,
            "handeling": self.handeling,
            "datum": self.datum,
            "reden": self.reden,
            "sha256_voor": self.sha256_voor,
            "sha256": self.sha256,
            "wijzigingen": list(self.wijzigingen) if self.handeling == GECORRIGEERD else None,
        }
        return {key: value for key, value in values.items() if value is not None}


@dataclass(frozen=True)
class Correctie:
    """A recorded correction of a published edition, as the site shows it."""

    jaar: int
    datum: str  # ISO date: '2026-12-01'
    reden: str
    wijzigingen: tuple[str, ...]  # changelog sentences, plain text (not Markdown)


@dataclass
class Ledger:
    """The ledger as read: its entries in order, and what stops it being trusted."""

    exists: bool
    entries: list[Entry]
    problems: list[Problem]
    at: Location = field(default_factory=lambda: Location(LEDGER, 1, 1))  # 'logboek:'

    def of(self, jaar: int) -> list[Entry]:
        return [e for e in self.entries if e.jaar == jaar]

    def last(self, jaar: int) -> Entry | None:
        """The newest entry about edition `jaar`: its sha256 is what the file must hash to."""
        entries = self.of(jaar)
        return entries[-1] if entries else None

    @property
    def years(self) -> set[int]:
        return {e.jaar for e in self.entries}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_ledger(root: Path) -> Ledger:
    """content/edities/logboek.yaml, read with every problem located; a missing file is an
    empty ledger (`exists` False), which is fine for a project without editions."""
    path = root / LEDGER
    if not path.exists() and not path.is_symlink():
        return Ledger(False, [], [])
    return parse_ledger(read_source(path, LEDGER, root))


def parse_ledger_bytes(data: bytes, display: str = LEDGER) -> Ledger:
    """A ledger from bytes (an earlier version from git): problems located in `display`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Ledger(True, [], [Problem(Location(display, 1, 1), "geen geldige UTF-8-tekst")])
    problems: list[Problem] = []
    try:
        documents = compose(text.replace("\r\n", "\n"), display, problems)
    except yaml.YAMLError:
        return Ledger(True, [], [Problem(Location(display, 1, 1), "geen leesbare YAML")])
    root = documents[0][1] if documents else None
    return parse_ledger(Source(display, text, root, problems))


def parse_ledger(source: Source) -> Ledger:
    """The entries of a read ledger file, and every problem in its layout, located."""
    problems = list(source.problems)
    root = source.root
    start = Location(source.path, 1, 1)
    if not isinstance(root, Mapping):
        if root is not None or not problems:
            where = root.location if root is not None else start
            problems.append(
                Problem(
                    where,
                    f"dit is geen logboek: verwacht 'formaat: 1' en een lijst 'logboek:'{EDITED}",
                )
            )
        return Ledger(True, [], problems)
    for key, (key_at, _) in root.items.items():
        if key not in ("formaat", "logboek"):
            problems.append(Problem(key_at, f"onbekend veld '{key}' in het logboek{EDITED}"))
    formaat = root.items.get("formaat", (None, None))[1]
    value = formaat.value if isinstance(formaat, Scalar) else None
    if value is None or not value.isdigit() or int(value) != FORMAT:
        at = formaat.location if formaat is not None else root.location
        if value is not None and value.isdigit() and int(value) > FORMAT:
            message = (
                f"onbekend formaat '{value}'; dit logboek is gemaakt met een nieuwere versie "
                "van de generator"
            )
        else:
            message = f"verwacht 'formaat: {FORMAT}'{EDITED}"
        problems.append(Problem(at, message))
    if "logboek" not in root.items:
        problems.append(Problem(root.location, f"veld 'logboek' ontbreekt{EDITED}"))
        return Ledger(True, [], problems)
    list_at, node = root.items["logboek"]
    if not isinstance(node, Sequence):
        problems.append(
            Problem(
                node.location,
                f"logboek: verwacht een lijst, met elke handeling op een eigen regel met "
                f"'- '{EDITED}",
            )
        )
        return Ledger(True, [], problems, list_at)
    entries = []
    for index, item in enumerate(node.items):
        entry = _entry(item, f"logboek[{index}]", problems)
        if entry is not None:
            entries.append(entry)
    return Ledger(True, entries, problems, list_at)


def _entry(node: Node, path: str, problems: list[Problem]) -> Entry | None:
    """One entry of the ledger (`path`: 'logboek[0]'), or None when anything in it is wrong:
    every problem is added to `problems`."""
    if not isinstance(node, Mapping):
        layout = ": verwacht een blok met velden (editie, handeling, datum, sha256)"
        problems.append(Problem(node.location, f"{path}{layout}{EDITED}"))
        return None
    values, locations, found = _read_entry(node)
    found += _value_problems(node, values, locations)
    problems += [Problem(at, f"{path}{message}{EDITED}") for at, message in found]
    if found:
        return None
    return Entry(
        int(values["editie"]),
        values["handeling"],
        values["datum"],
        values["sha256"],
        values.get("sha256_voor"),
        values.get("reden"),
        values.get("wijzigingen", ()),
        node.location,
        locations,
    )


def _read_entry(
    node: Mapping,
) -> tuple[dict[str, Any], dict[str, Location], list[tuple[Location, str]]]:
    """An entry's values (text, and the wijzigingen as a tuple of sentences), where each is,
    and what is wrong in its layout: (where, message)."""
    values: dict[str, Any] = {}
    locations: dict[str, Location] = {}
    found: list[tuple[Location, str]] = []
    for key, (key_at, child) in node.items.items():
        if key not in KEYS:
            found.append((key_at, f": onbekend veld '{key}'"))
            continue
        locations[key] = child.location
        if key == "wijzigingen":
            if not isinstance(child, Sequence) and not (
                isinstance(child, Scalar) and child.value == "" and not child.quoted
            ):
                found.append((child.location, ".wijzigingen: verwacht een lijst van zinnen"))
                continue
            items = child.items if isinstance(child, Sequence) else []
            if not all(isinstance(i, Scalar) and i.value.strip() for i in items):
                found.append((child.location, ".wijzigingen: elke wijziging is één zin tekst"))
                continue
            values[key] = tuple(i.value for i in items)
        elif isinstance(child, Scalar):
            values[key] = child.value
        else:
            found.append((child.location, f".{key}: verwacht een waarde, geen lijst of blok"))
    return values, locations, found


def _value_problems(
    node: Mapping, values: dict[str, Any], locations: dict[str, Location]
) -> Iterator[tuple[Location, str]]:
    """What is wrong with an entry's values, in the order check reports it: (where, message)."""
    handeling = values.get("handeling")
    required = REQUIRED + (ONLY_CORRECTION if handeling == GECORRIGEERD else ())
    for key in required:
        if key not in values and key not in locations:
            yield node.location, f": verplicht veld '{key}' ontbreekt"
    if "editie" in values and not re.fullmatch(r"\d{4}", values["editie"]):
        yield locations["editie"], f".editie: '{values['editie'][:40]}' is geen jaartal"
    if handeling is not None and handeling not in HANDELINGEN:
        yield (
            locations["handeling"],
            f".handeling: '{handeling[:40]}' bestaat niet; verwacht gepubliceerd of gecorrigeerd",
        )
    if handeling == GEPUBLICEERD:
        for key in ONLY_CORRECTION:
            if key in locations:
                yield locations[key], f".{key}: hoort alleen bij een correctie"
    if "datum" in values and not _iso_date(values["datum"]):
        yield locations["datum"], f".datum: '{values['datum'][:40]}' is geen datum als 2022-03-01"
    for key in ("sha256", "sha256_voor"):
        if key in values and not SHA256.fullmatch(values[key]):
            yield (
                locations[key],
                f".{key}: '{values[key][:70]}' is geen sha256 (64 tekens 0-9 en a-f)",
            )
    if "reden" in values and not values["reden"].strip():
        yield locations["reden"], ".reden: een correctie zegt waarom"


def _iso_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# --- writing ---------------------------------------------------------------------------------


def ledger_text(entries: list[Entry]) -> str:
    """The whole ledger file for `entries`: the same entries always give the same bytes, so
    appending one adds lines at the end and changes none above."""
    body = "formaat: 1\nlogboek:\n"
    if entries:
        body += block_yaml([e.data() for e in entries])
    else:
        body = "formaat: 1\nlogboek: []\n"
    return HEADER + body


def append_entry(root: Path, entries: list[Entry], entry: Entry) -> Path:
    """Write the ledger as `entries` (the ledger as read) plus `entry`; returns its path."""
    path = root / LEDGER
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(ledger_text([*entries, entry]), encoding="utf-8")
    temporary.replace(path)
    return path


# --- what the rest of the system reads -------------------------------------------------------


def corrections(root: Path) -> dict[int, list[Correctie]]:
    """Every recorded correction per edition year, oldest first: what /wijzigingen/ and an
    edition's pages show. Tolerant: never raises; a ledger with problems gives the
    corrections it can read (`check` reports the problems)."""
    try:
        ledger = read_ledger(root)
    except (OSError, ValueError):  # read_ledger reports these as problems; to be sure
        return {}
    found: dict[int, list[Correctie]] = {}
    for entry in ledger.entries:
        if entry.handeling == GECORRIGEERD:
            found.setdefault(entry.jaar, []).append(
                Correctie(entry.jaar, entry.datum, entry.reden or "", entry.wijzigingen)
            )
    return found


def ledger_schema() -> dict:
    """The JSON Schema of the ledger's layout (part of schema/edities.schema.json)."""
    sha = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["formaat", "logboek"],
        "description": "Het logboek van de gepubliceerde edities (content/edities/logboek.yaml), "
        "bijgehouden door `handreiking editie publiceer`; niet met de hand bewerken.",
        "properties": {
            "formaat": {"type": "integer", "minimum": 1, "maximum": FORMAT},
            "logboek": {
                "type": "array",
                "description": "Elke publicatie en correctie van een editie, in volgorde",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": list(REQUIRED),
                    "properties": {
                        "editie": {"type": "integer", "description": "Het jaar van de editie"},
                        "handeling": {"enum": list(HANDELINGEN)},
                        "datum": {
                            "type": "string",
                            "pattern": r"^\d{4}-\d{2}-\d{2}$",
                            "description": "Wanneer (de bouwdatum van publiceer)",
                        },
                        "reden": {"type": "string", "minLength": 1},
                        "sha256_voor": sha,
                        "sha256": sha
                        | {"description": "sha256 van het editiebestand na deze handeling"},
                        "wijzigingen": {"type": "array", "items": {"type": "string"}},
                    },
                    "if": {"properties": {"handeling": {"const": GECORRIGEERD}}},
                    "then": {"required": ["reden", "sha256_voor", "wijzigingen"]},
                    "else": {
                        "not": {
                            "anyOf": [{"required": [key]} for key in ONLY_CORRECTION],
                        }
                    },
                },
            },
        },
    }

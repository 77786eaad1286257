"""YAML files -> plain nodes that remember where every value came from.

Every scalar is kept as the text the editor wrote: PyYAML's YAML 1.1 guesses (`2021-04-01`
as a date, `2021` as an int, `nee` as False) never happen, the schema decides what a value
means. A file that cannot be read is recorded as problems, not raised, so every other file is
still checked.
"""

from __future__ import annotations

import contextlib
import gc
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Location, Problem


@dataclass
class Scalar:
    value: str
    location: Location
    quoted: bool = False
    block: bool = False  # written as a | or > block


@dataclass
class Mapping:
    location: Location
    items: dict[str, tuple[Location, Node]] = field(default_factory=dict)


@dataclass
class Sequence:
    location: Location
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


@dataclass
class Source:
    """One file as read: its text (for locating inside block scalars) and its root node."""

    path: str
    text: str
    root: Node | None
    problems: list[Problem]


_YAML_PROBLEMS = (
    # (fragment of PyYAML's problem text, what an editor should read)
    (
        "mapping values are not allowed here",
        "dubbele punt op een plek waar dat niet kan; "
        "zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing",
    ),
    (
        "could not find expected ':'",
        "hier verwacht de regel 'sleutel: waarde'; controleer de dubbele punt en de inspringing",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet; elk veld van een item moet even ver inspringen",
    ),
    ("expected <block mapping start>", "de inspringing klopt niet"),
    ("found character '\\t'", "tab-teken gevonden; gebruik spaties om in te springen"),
    ("found undefined alias", "onbekende verwijzing met '*'; zet de tekst tussen aanhalingstekens"),
    (
        "found unexpected end of stream",
        "het bestand houdt midden in een waarde op; ontbreekt er een afsluitend aanhalingsteken?",
    ),
    ("found unexpected ':'", "onverwachte dubbele punt; zet de tekst tussen aanhalingstekens"),
    (
        "did not find expected key",
        "hier verwacht de regel een nieuw veld of lijstitem; "
        "controleer de inspringing en de aanhalingstekens op de regel ervoor",
    ),
    (
        "did not find expected '-' indicator",
        "hier verwacht de lijst een nieuw item met '- '; controleer de inspringing",
    ),
    (
        "found unknown escape character",
        "onbekende '\\'-code tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    (
        "expected alphabetic or numeric character",
        "een '*' of '&' aan het begin van een waarde "
        "heeft in YAML een betekenis; zet de tekst tussen aanhalingstekens",
    ),
    (
        "found character that cannot start any token",
        "dit teken kan een waarde niet beginnen "
        "(bijvoorbeeld '@' of '`'); zet de tekst tussen aanhalingstekens",
    ),
    (
        "special characters are not allowed",
        "het bestand bevat een onzichtbaar stuurteken; verwijder het",
    ),
)


_LEADING_TABS = re.compile(r"^[ \t]+", re.MULTILINE)
# libyaml's parser is ~10x faster than PyYAML's pure-Python one (check of 2,000 maatregelen:
# 12 s -> 1 s, see docs/performance.md). Its error texts differ, so a file that does not parse
# is parsed again by the pure-Python loader: editors always get the same messages.
_C_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextLoader(_C_LOADER):
    """libyaml's loader without implicit tag resolution: every scalar is text to us.

    Resolving 'yes' to a bool and '2021' to an int is work thrown away here (the schema reads
    every scalar as text); skipping it saves a sixth of `check` at 2,000 maatregelen. An
    explicit tag ('!x') is not resolved either way, so it still gets reported.
    """

    _TAGS = {
        yaml.MappingNode: _C_LOADER.DEFAULT_MAPPING_TAG,
        yaml.SequenceNode: _C_LOADER.DEFAULT_SEQUENCE_TAG,
        yaml.ScalarNode: _C_LOADER.DEFAULT_SCALAR_TAG,
    }

    def resolve(self, kind, value, implicit):  # noqa: ARG002 - PyYAML's signature
        return self._TAGS[kind]

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


def _compose_all(text: str) -> list[yaml.Node]:
    with _collector_paused():
        try:
            return list(yaml.compose_all(text, Loader=_TextLoader))
        except yaml.YAMLError:
            return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


@contextlib.contextmanager
def _collector_paused():
    """Pause the cyclic garbage collector while building a tree of nodes (it has no cycles).

    Python's collector re-scans every live object again and again while millions are created;
    at 2,000 maatregelen that was half of the time `check` took. Afterwards the new objects
    are moved straight to the oldest generation (freeze, then unfreeze): otherwise the first
    collection after re-enabling scans them all at once (another 0.45 s there).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # unfreeze() would also undo someone else's freeze()
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def read_source(path: Path, display: str) -> Source:
    """Read one YAML file into nodes, collecting every problem that stops it being read."""
    problems: list[Problem] = []
    try:
        raw = path.read_bytes()
    except OSError as error:
        return Source(
            display,
            "",
            None,
            [Problem(Location(display, 1, 1), f"bestand niet te lezen ({error.strerror})")],
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Source(
            display,
            "",
            None,
            [
                Problem(
                    Location(display, line, 1),
                    "geen geldige UTF-8-tekst; sla het bestand op als UTF-8",
                )
            ],
        )
    problems.extend(_text_problems(text, display))
    if not text.strip(" \t\r\n\ufeff") or _only_comments(text):
        problems.append(Problem(Location(display, 1, 1), "het bestand is leeg"))
        return Source(display, text, None, problems)
    clean = text.lstrip("\ufeff").replace("\r\n", "\n")
    if "\t" in clean:  # reported above; read on as if they were spaces
        clean = _LEADING_TABS.sub(lambda m: m.group(0).replace("\t", " "), clean)
    try:
        documents = _compose_all(clean)
    except yaml.MarkedYAMLError as error:
        problems.append(_yaml_problem(error, display))
        return Source(display, text, None, problems)
    except yaml.YAMLError as error:  # a reader error without a mark
        problems.append(Problem(Location(display, 1, 1), f"YAML niet te lezen ({error})"))
        return Source(display, text, None, problems)
    if len(documents) > 1:
        second = documents[1].start_mark
        problems.append(
            Problem(
                Location(display, second.line + 1, 1),
                "het bestand bevat meer dan één YAML-document ('---'); "
                "houd één document per bestand",
            )
        )
    with _collector_paused():
        root = _convert(documents[0], display, problems) if documents else None
    return Source(display, text, root, problems)


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _text_problems(text: str, display: str) -> list[Problem]:
    problems = []
    if text.startswith("\ufeff"):
        problems.append(
            Problem(
                Location(display, 1, 1),
                "het bestand begint met een onzichtbaar BOM-teken; sla het op als UTF-8 zonder BOM",
            )
        )
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.append(
            Problem(
                Location(display, line, 1),
                "Windows-regeleinden (CRLF) gevonden; sla het bestand op met Unix-regeleinden (LF)",
            )
        )
    for number, line in enumerate(text.splitlines() if "\t" in text else (), start=1):
        leading = re.match(r"^[ \t]*", line).group(0)
        if "\t" in leading:
            problems.append(
                Problem(
                    Location(display, number, leading.index("\t") + 1),
                    "tab-teken in de inspringing; gebruik spaties",
                )
            )
    return problems


def _yaml_problem(error: yaml.MarkedYAMLError, display: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    location = (
        Location(display, mark.line + 1, mark.column + 1) if mark else Location(display, 1, 1)
    )
    problem = f"{error.problem or ''} {error.context or ''}"
    for fragment, message in _YAML_PROBLEMS:
        if fragment in problem:
            return Problem(location, f"YAML-fout: {message}")
    return Problem(
        location,
        "YAML-fout: deze regel is niet te lezen; controleer inspringing, "
        "dubbele punten en aanhalingstekens",
    )


def _location(node: yaml.Node, display: str) -> Location:
    return Location(display, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, display: str, problems: list[Problem]) -> Node:
    location = _location(node, display)
    if node.tag and node.tag.startswith("!") and not node.tag.startswith("tag:yaml.org"):
        problems.append(Problem(location, f"YAML-label '{node.tag}' is hier niet toegestaan"))
    if isinstance(node, yaml.ScalarNode):
        return Scalar(
            node.value, location, quoted=node.style in ("'", '"'), block=node.style in ("|", ">")
        )
    if isinstance(node, yaml.SequenceNode):
        return Sequence(location, [_convert(item, display, problems) for item in node.value])
    mapping = Mapping(location)
    for key_node, value_node in node.value:
        key_location = _location(key_node, display)
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(key_location, "een veldnaam moet gewone tekst zijn"))
            continue
        if key_node.value == "<<":
            problems.append(
                Problem(
                    key_location, "samenvoegen met '<<' is niet toegestaan; schrijf de velden uit"
                )
            )
            continue
        if key_node.value in mapping.items:
            first = mapping.items[key_node.value][0]
            problems.append(
                Problem(
                    key_location,
                    f"veld '{key_node.value}' staat twee keer in "
                    f"dit blok (eerder op regel {first.line}); houd er één",
                )
            )
            continue
        mapping.items[key_node.value] = (key_location, _convert(value_node, display, problems))
    return mapping


@dataclass
class Page:
    """A prose page: front matter (as a Source) and its Markdown body."""

    path: str
    front: Source
    body: str
    body_line: int  # line number of the body's first line


def read_page(path: Path, display: str) -> Page:
    """Read a Markdown page with a '---' front matter block."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        front = Source(
            display,
            "",
            None,
            [Problem(Location(display, 1, 1), "pagina niet te lezen als UTF-8-tekst")],
        )
        return Page(display, front, "", 1)
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---" or "---" not in [line.strip() for line in lines[1:]]:
        front = Source(
            display,
            text,
            None,
            [
                Problem(
                    Location(display, 1, 1),
                    "de pagina moet beginnen met een kopblok tussen '---'-regels met "
                    "'titel:' en 'volgorde:'",
                )
            ],
        )
        return Page(display, front, text, 1)
    end = 1 + [line.strip() for line in lines[1:]].index("---")
    header = "\n".join(lines[1:end])
    front = _read_text(header, display, line_offset=1)
    return Page(display, front, "\n".join(lines[end + 1 :]), end + 2)


def _read_text(text: str, display: str, line_offset: int) -> Source:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        problem = _yaml_problem(error, display)
        moved = Location(display, problem.location.line + line_offset, problem.location.column)
        return Source(display, text, None, [Problem(moved, problem.message)])
    problems: list[Problem] = []
    root = _convert(node, display, problems) if node is not None else None
    if root is not None:
        _shift(root, line_offset)
    return Source(display, text, root, problems)


def _shift(node: Node, offset: int) -> None:
    node.location = Location(node.location.file, node.location.line + offset, node.location.column)
    if isinstance(node, Sequence):
        for child in node.items:
            _shift(child, offset)
    elif isinstance(node, Mapping):
        for key, (key_location, child) in list(node.items.items()):
            _shift(child, offset)
            node.items[key] = (
                Location(key_location.file, key_location.line + offset, key_location.column),
                child,
            )

"""YAML files -> plain nodes that remember where every value came from.

Every scalar is kept as the text the editor wrote: PyYAML's YAML 1.1 guesses (`2021-04-01`
as a date, `2021` as an int, `nee` as False) never happen, the schema decides what a value
means. A file that cannot be read is recorded as problems, not raised, so every other file is
still checked.

This module holds the node types, the entry point that reads a content file (`read_source`)
and the one that composes YAML text into nodes (`compose`). What they use:
files.py reads the bytes within limits, file_text.py reports what is wrong with the text as
text, yaml_messages.py words PyYAML's errors; page_source.py reads a Markdown page.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..base.problems import Location, Problem
from .file_text import text_problems, without_control_characters
from .files import read_bytes
from .yaml_messages import QUOTES, check_quote, yaml_problem


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

    @functools.cached_property
    def lines(self) -> list[str]:
        """The text's lines, split once (locating many problems in one file stays linear)."""
        return self.text.splitlines()


_LEADING_TABS = re.compile(r"^[ \t]+", re.MULTILINE)
# libyaml's parser is ~10x faster than PyYAML's pure-Python one (check of 2,000 maatregelen:
# 12 s -> 1 s, see docs/performance.md). Its error texts differ, so a file that does not parse
# is parsed again by the pure-Python loader: editors always get the same messages. Only the
# parser is used: every scalar stays text (no YAML 1.1 guesses), and `compose` builds the nodes.
_C_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def read_source(path: Path, display: str, root: Path | None = None) -> Source:
    """Read one YAML file into nodes, collecting every problem that stops it being read.

    `root`, when given, is the project folder: a file that is a symbolic link to a place
    outside it is not read.
    """
    problems: list[Problem] = []
    raw = read_bytes(path, display, root)
    if isinstance(raw, Problem):
        return Source(display, "", None, [raw])
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
    problems.extend(text_problems(text, display))
    text = without_control_characters(text, display, problems)
    if not text.strip(" \t\r\n\ufeff") or _only_comments(text):
        problems.append(Problem(Location(display, 1, 1), "het bestand is leeg"))
        return Source(display, text, None, problems)
    clean = text.lstrip("\ufeff").replace("\r\n", "\n")
    if "\t" in clean:  # reported above; read on as if they were spaces
        clean = _LEADING_TABS.sub(lambda m: m.group(0).replace("\t", " "), clean)
    try:
        documents = compose(clean, display, problems)
    except yaml.MarkedYAMLError as error:
        problems.append(yaml_problem(error, display, clean))
        return Source(display, text, None, problems)
    except yaml.YAMLError:  # a reader error without a mark
        problems.append(
            Problem(Location(display, 1, 1), "YAML niet te lezen; is dit wel een tekstbestand?")
        )
        return Source(display, text, None, problems)
    if len(documents) > 1:
        second_start, second = documents[1]
        at = second.location if second is not None else second_start
        problems.append(
            Problem(
                Location(display, at.line, 1),
                "het bestand bevat meer dan één YAML-document ('---'); "
                "houd één document per bestand",
            )
        )
    return Source(display, text, documents[0][1] if documents else None, problems)


# Limits checked while parsing, so that no file can exhaust memory, time or the stack
# (docs/content-format.md, "Grenzen"; the size limit is files.MAX_BYTES). Real content nests
# 6 levels deep; 1,000 levels made PyYAML's composer raise RecursionError and 100,000
# crashed libyaml's (issue 12).
MAX_DEPTH = 32
CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)


def compose(text: str, display: str, problems: list[Problem]) -> list[tuple[Location, Node | None]]:
    """The located nodes of every YAML document in `text`, with where each one starts.

    Built from the parser's events in a loop, not by PyYAML's recursive composer, so nesting
    costs no stack; deeper than MAX_DEPTH stops reading. Aliases (`*naam`) are refused
    (a few lines of them expand to gigabytes), and so are tags outside YAML's core schema.
    A document with such a problem has no node (None). Raises yaml.MarkedYAMLError for text
    that is not YAML, with the pure-Python parser's wording (libyaml's differs).
    """
    found: list[Problem] = []
    with _collector_paused():
        try:
            composer = _Composer(display, found, text.split("\n"))
            documents = composer.run(yaml.parse(text, Loader=_C_LOADER))
        except yaml.YAMLError:
            found = []
            composer = _Composer(display, found, text.split("\n"))
            documents = composer.run(yaml.parse(text, Loader=yaml.SafeLoader))
    problems.extend(found)
    return documents


_NO_KEY = object()
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


class _Composer:
    """Turns a stream of parser events into located nodes; see `compose`."""

    def __init__(self, display: str, problems: list[Problem], lines: list[str]):
        self.display = display
        self.problems = problems
        self.lines = lines  # for a quoted value that swallowed the lines below it
        self.stack: list[list] = []  # [container, key waiting for its value]
        self.root: Node | None = None
        self.broken = False

    def run(self, events) -> list[tuple[Location, Node | None]]:
        documents = []
        start = Location(self.display, 1, 1)
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self._tag(event)
                value = event.value
                if _SURROGATE.search(value):
                    value = self._without_surrogates(value, event)
                self._attach(
                    Scalar(
                        value,
                        self._at(event),
                        quoted=event.style in ("'", '"'),
                        block=event.style in ("|", ">"),
                    ),
                    event,
                )
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._tag(event)
                if len(self.stack) >= MAX_DEPTH:
                    self.problems.append(
                        Problem(
                            self._at(event),
                            f"de gegevens zijn hier dieper genest dan {MAX_DEPTH} niveaus; "
                            "controleer de haakjes en de inspringing",
                        )
                    )
                    documents.append((start, None))
                    return documents  # reading on could take all memory or time
                container = (Mapping if kind is yaml.MappingStartEvent else Sequence)(
                    self._at(event)
                )
                self.stack.append([container, _NO_KEY])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self._attach(self.stack.pop()[0])
            elif kind is yaml.AliasEvent:
                self.problems.append(
                    Problem(
                        self._at(event),
                        f"een verwijzing met '*{event.anchor}' is niet toegestaan; "
                        "schrijf de waarde voluit",
                    )
                )
                self.broken = True
                self._attach(None)
            elif kind is yaml.DocumentStartEvent:
                start = Location(self.display, event.start_mark.line + 1, 1)
                self.root, self.broken = None, False
            elif kind is yaml.DocumentEndEvent:
                documents.append((start, None if self.broken else self.root))
        return documents

    def _at(self, event) -> Location:
        return Location(self.display, event.start_mark.line + 1, event.start_mark.column + 1)

    def _without_surrogates(self, value: str, event) -> str:
        """A pair of '\\u' escapes for one character ('\\ud83d\\ude00', as JSON writes an
        emoji) becomes that character; half a pair is an error (it cannot be written as UTF-8:
        the build crashed on it, issue 12) and reads on as U+FFFD."""
        joined = _SURROGATE_PAIR.sub(
            lambda m: m.group(0).encode("utf-16-le", "surrogatepass").decode("utf-16-le"), value
        )
        lone = _SURROGATE.search(joined)
        if lone is None:
            return joined
        self.problems.append(
            Problem(
                self._at(event),
                f"de tekst bevat een losse code '\\u{ord(lone.group(0)):04x}': de helft van een "
                "teken, dat zo niet bestaat; schrijf het teken zelf (of, tussen dubbele "
                "aanhalingstekens, '\\U' met acht cijfers, zoals '\\U0001F600')",
            )
        )
        return _SURROGATE.sub("\ufffd", joined)

    def _tag(self, event) -> None:
        tag = event.tag
        if tag is None or tag in CORE_TAGS:
            return
        shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:") else tag
        self.problems.append(
            Problem(self._at(event), f"YAML-label '{shown}' is hier niet toegestaan")
        )

    def _attach(self, node: Node | None, event=None) -> None:
        """Put `node` into the open container; `event` is a scalar's, for the quote check."""
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        parent = frame[0]
        if type(parent) is Sequence:
            if node is not None:
                parent.items.append(node)
                if event is not None and event.style in QUOTES:
                    start = self.lines[event.start_mark.line]
                    column = len(start) - len(start.lstrip(" "))
                    check_quote(event, column, self.display, self.problems, self.lines)
            return
        if frame[1] is _NO_KEY:
            frame[1] = node
            return
        key, frame[1] = frame[1], _NO_KEY
        if event is not None and event.style in QUOTES and type(key) is Scalar:
            check_quote(event, key.location.column - 1, self.display, self.problems, self.lines)
        if key is None or node is None:
            return  # an alias, reported already
        if type(key) is not Scalar:
            self.problems.append(Problem(key.location, "een veldnaam moet gewone tekst zijn"))
            return
        items = parent.items
        if key.value == "<<":
            self.problems.append(
                Problem(
                    key.location, "samenvoegen met '<<' is niet toegestaan; schrijf de velden uit"
                )
            )
        elif key.value in items:
            first = items[key.value][0]
            self.problems.append(
                Problem(
                    key.location,
                    f"veld '{key.value}' staat twee keer in "
                    f"dit blok (eerder op regel {first.line}); houd er één",
                )
            )
        else:
            items[key.value] = (key.location, node)


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())

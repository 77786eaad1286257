"""YAML files -> plain nodes that remember where every value came from.

Every scalar is kept as the text the editor wrote: PyYAML's YAML 1.1 guesses (`2021-04-01`
as a date, `2021` as an int, `nee` as False) never happen, the schema decides what a value
means. A file that cannot be read is recorded as problems, not raised, so every other file is
still checked.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..base.problems import Location, Problem


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


_YAML_PROBLEMS = (
    # (fragment of PyYAML's problem text, what an editor should read)
    (
        "mapping values are not allowed here",
        "dubbele punt op een plek waar dat niet kan; "
        "zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing",
    ),
    (
        "could not find expected ':'",
        "deze regel is geen 'veld: waarde': ontbreekt de dubbele punt of de spatie erna? "
        "Hoort de regel bij een tekst erboven, spring hem dan even ver in als die tekst",
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
# PyYAML notices some mistakes only where they start to hurt, lines later: an unclosed quote
# where the next quote turns up, a missing ':' on the next line, an unclosed '[' at the next
# key. These are located where the mistake is: the opening quote, bracket or the key's line.
_QUOTES = {'"': 'het aanhalingsteken (")', "'": "het enkele aanhalingsteken (')"}
_BRACKETS = {  # an opening token -> (the thing, its pronoun, how it closes)
    yaml.FlowSequenceStartToken: ("de lijst", "die", "]"),
    yaml.FlowMappingStartToken: ("het blok", "dat", "}"),
}
# A line that reads as YAML structure: a list item or a 'key:'.
_STRUCTURE = re.compile(r"^( *)(?:-(?: |$)|[^\s#'\"-][^:]*:(?: |$))")


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
    problems.extend(_text_problems(text, display))
    text = _without_control_characters(text, display, problems)
    if not text.strip(" \t\r\n\ufeff") or _only_comments(text):
        problems.append(Problem(Location(display, 1, 1), "het bestand is leeg"))
        return Source(display, text, None, problems)
    clean = text.lstrip("\ufeff").replace("\r\n", "\n")
    if "\t" in clean:  # reported above; read on as if they were spaces
        clean = _LEADING_TABS.sub(lambda m: m.group(0).replace("\t", " "), clean)
    try:
        documents = compose(clean, display, problems)
    except yaml.MarkedYAMLError as error:
        problems.append(_yaml_problem(error, display, clean))
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


# Limits checked before and while parsing, so that no file can exhaust memory, time or the
# stack (docs/content-format.md, "Grenzen"). Real content nests 6 levels deep; 1,000 levels
# made PyYAML's composer raise RecursionError and 100,000 crashed libyaml's (issue 12).
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32
CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
# What the YAML reader accepts (its "printable" set); anything else is an invisible character.
_CONTROL = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read_bytes(path: Path, display: str, root: Path | None = None) -> bytes | Problem:
    """A content file's bytes, or the one problem that stops it being read.

    Never blocks on a named pipe or device, never follows a symbolic link out of `root`,
    and reads no more than MAX_BYTES.
    """
    at = Location(display, 1, 1)
    link = symlink_problem(path, root) if root is not None else None
    if link is not None:
        return Problem(at, link)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if root is not None:  # a link made between the check above and here is not followed
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        return Problem(at, f"bestand niet te lezen ({dutch_os_error(error)})")
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            return Problem(at, "dit is een map, geen bestand")
        if not stat.S_ISREG(info.st_mode):
            return Problem(
                at, "dit is geen gewoon bestand (maar bijvoorbeeld een pipe of een apparaat)"
            )
        if info.st_size > MAX_BYTES:
            return Problem(at, _too_big(info.st_size))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        return Problem(at, f"bestand niet te lezen ({dutch_os_error(error)})")
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        return Problem(at, _too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return (
        f"het bestand is te groot ({size / 1_000_000:.0f} MB); een inhoudsbestand mag "
        f"hoogstens {MAX_BYTES // (1024 * 1024)} MB zijn"
    )


def symlink_problem(path: Path, root: Path) -> str | None:
    """Why a content file that is, or lies in a folder that is, a symbolic link is refused.

    Every symbolic link is: one to a file elsewhere in the repository published files that are
    no content (`.env`), and one outside it whatever that is. Content is plain files.
    """
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
        root = Path(path.anchor)
    for depth in range(1, len(parts) + 1):
        link = root.joinpath(*parts[:depth])
        if link.is_symlink():
            break
    else:
        return None
    what = "dit is" if depth == len(parts) else f"de map {'/'.join(parts[:depth])} is"
    thing = "een bestand" if depth == len(parts) else "een map"
    try:
        target = link.resolve(strict=True)
    except (RuntimeError, OSError) as error:  # Python 3.11 says RuntimeError for a loop
        if isinstance(error, RuntimeError) or error.errno == errno.ELOOP:
            return (
                f"{what} een snelkoppeling (symbolische link) die in een kring naar zichzelf "
                "terugwijst; zet het bestand zelf hier neer"
            )
        return (
            f"{what} een snelkoppeling (symbolische link) naar iets dat niet bestaat "
            f"({os.readlink(link)}); zet het bestand zelf hier neer"
        )
    try:
        inside = target.relative_to(root.resolve()).as_posix()
    except ValueError:
        return (
            f"{what} een snelkoppeling (symbolische link) naar {thing} buiten de map van "
            "de handreiking; zet het bestand zelf hier neer"
        )
    return (
        f"{what} een snelkoppeling (symbolische link) naar {inside}; de inhoud bestaat uit "
        "gewone bestanden, zet het bestand zelf hier neer"
    )


OS_ERRORS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quota) is op",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOENT: "bestand of map bestaat niet",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EISDIR: "dit is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ELOOP: "te veel snelkoppelingen achter elkaar",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.EMFILE: "te veel open bestanden",
}


def dutch_os_error(error: OSError) -> str:
    """An OSError in Dutch words, without a Python repr: 'de schijf is vol'."""
    return OS_ERRORS.get(error.errno, error.strerror or "onbekende fout van het systeem")


def _without_control_characters(text: str, display: str, problems: list[Problem]) -> str:
    """Report every invisible control character (one per line) and read on without them."""
    if not _CONTROL.search(text):
        return text
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTROL.search(line)
        if match is None or match.group(0) == "\r":
            continue
        code = ord(match.group(0))
        what = (
            "een NUL-teken (code 0)"
            if code == 0
            else f"een onzichtbaar stuurteken (code U+{code:04X})"
        )
        problems.append(
            Problem(
                Location(display, number, match.start() + 1),
                f"het bestand bevat {what}; verwijder het (is dit wel een tekstbestand?)",
            )
        )
    return _CONTROL.sub("\ufffd", text)


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
                if event is not None and event.style in _QUOTES:
                    start = self.lines[event.start_mark.line]
                    column = len(start) - len(start.lstrip(" "))
                    _check_quote(event, column, self.display, self.problems, self.lines)
            return
        if frame[1] is _NO_KEY:
            frame[1] = node
            return
        key, frame[1] = frame[1], _NO_KEY
        if event is not None and event.style in _QUOTES and type(key) is Scalar:
            _check_quote(event, key.location.column - 1, self.display, self.problems, self.lines)
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


BOM_MESSAGE = "het bestand begint met een onzichtbaar BOM-teken; sla het op als UTF-8 zonder BOM"


def _text_problems(text: str, display: str) -> list[Problem]:
    problems = []
    if text.startswith("\ufeff"):
        problems.append(
            Problem(
                Location(display, 1, 1),
                BOM_MESSAGE,
            )
        )
    if "\r" in text:
        problems.append(line_end_problem(text, display))
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


_LONE_CR = re.compile("\r(?!\n)")


def line_end_problem(text: str, display: str) -> Problem:
    """The first line end that is not Unix's LF: Windows' CR LF, or a CR alone (old Macs)."""
    lone = _LONE_CR.search(text)
    first = text.index("\r")
    if lone is not None and lone.start() == first:
        line = len(re.findall("\r\n?|\n", text[:first])) + 1
        message = (
            "regeleinden met alleen een CR-teken (zoals op oude Macs) gevonden; "
            "sla het bestand op met Unix-regeleinden (LF)"
        )
    else:
        line = text[:first].count("\n") + 1
        message = (
            "Windows-regeleinden (CRLF) gevonden; sla het bestand op met Unix-regeleinden (LF)"
        )
    return Problem(Location(display, line, 1), message)


def _yaml_problem(error: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    """PyYAML's error as a located Dutch problem, at the mistake rather than where it surfaced."""
    problem = f"{error.problem or ''} {error.context or ''}"
    mark = error.problem_mark or error.context_mark
    opening = error.context_mark
    message = next((m for fragment, m in _YAML_PROBLEMS if fragment in problem), None)
    if error.context == "while scanning a quoted scalar" and opening:
        quote = text[opening.index : opening.index + 1]
        mark = opening
        message = f"{_quote(quote)} dat hier opent, wordt nergens gesloten; " + _close(quote)
    elif error.context == "while scanning a simple key" and opening:
        mark = opening  # 'titel Tussenvormen' surfaces on the line after it
    elif mark:
        previous, bracket = _tokens_before(text, mark.index)
        quoted = previous if getattr(previous, "style", None) in _QUOTES else None
        if bracket and bracket.start_mark.line < mark.line:
            name, pronoun, close = _BRACKETS[type(bracket)]
            begin = text[bracket.start_mark.index]
            mark = bracket.start_mark
            message = (
                f"{name} {pronoun} hier met '{begin}' begint, wordt niet gesloten; "
                f"zet '{close}' aan het eind, op deze regel"
            )
        elif quoted and quoted.start_mark.line < quoted.end_mark.line:
            mark = quoted.start_mark
            message = (
                f"{_quote(quoted.style)} dat hier opent, wordt pas op regel "
                f"{quoted.end_mark.line + 1} gesloten; " + _close(quoted.style)
            )
        elif quoted and quoted.end_mark.line == mark.line:  # 'titel: "De" nieuwe regeling'
            message = (
                "na het afsluitende aanhalingsteken mag niets meer staan; "
                "zet de hele tekst tussen de aanhalingstekens"
            )
    location = (
        Location(display, mark.line + 1, mark.column + 1) if mark else Location(display, 1, 1)
    )
    return Problem(
        location,
        "YAML-fout: "
        + (
            message
            or "deze regel is niet te lezen; controleer inspringing, dubbele punten en "
            "aanhalingstekens"
        ),
    )


def _quote(quote: str) -> str:
    return _QUOTES.get(quote, _QUOTES['"'])


def _close(quote: str) -> str:
    return "sluit de tekst op deze regel af met " + (quote or '"')


def _tokens_before(text: str, index: int) -> tuple[yaml.Token | None, yaml.Token | None]:
    """The token right before a parse error at `index`, and the '[' or '{' still open there.

    A quote that is not closed on its own line swallows the lines below it up to the next
    quote, and an unclosed '[' the lines up to the next ':'; PyYAML then trips over what
    follows, often many lines further on.
    """
    previous, open_brackets = None, []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= index:
                break
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                open_brackets.append(token)
            elif (
                isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken)
                and open_brackets
            ):
                open_brackets.pop()
            if not isinstance(token, yaml.BlockEndToken):
                previous = token
    except yaml.YAMLError:
        pass
    return previous, (open_brackets[0] if open_brackets else None)


def _swallowed(lines: list[str], node: yaml.ScalarNode, column: int) -> int | None:
    """The first line inside a multi-line quoted value that reads as a field or list item of
    its own (at or left of `column`): the quote should have been closed before it."""
    for number in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(lines))):
        match = _STRUCTURE.match(lines[number])
        if match and len(match.group(1)) <= column:
            return number + 1
    return None


def _location(node: yaml.Node, display: str) -> Location:
    return Location(display, node.start_mark.line + 1, node.start_mark.column + 1)


def _check_quote(
    node: yaml.Node, column: int, display: str, problems: list[Problem], lines: list[str]
) -> None:
    """A quoted value that swallowed the fields below it: valid YAML, but not what was meant."""
    if not (
        isinstance(node, yaml.ScalarNode | yaml.ScalarEvent)  # `compose` checks events
        and node.style in _QUOTES
        and node.end_mark.line > node.start_mark.line
    ):
        return
    line = _swallowed(lines, node, column)
    if line:
        problems.append(
            Problem(
                _location(node, display),
                f"YAML-fout: {_quote(node.style)} dat hier opent, wordt pas op regel "
                f"{node.end_mark.line + 1} gesloten, zodat regel {line} bij deze tekst hoort; "
                + _close(node.style),
            )
        )


@dataclass
class Page:
    """A prose page: front matter (as a Source) and its Markdown body."""

    path: str
    front: Source
    body: str
    body_line: int  # line number of the body's first line


def read_page(path: Path, display: str, root: Path | None = None) -> Page:
    """Read a Markdown page with a '---' front matter block (limits as in `read_source`)."""
    raw = read_bytes(path, display, root)
    try:
        if isinstance(raw, Problem):
            raise ValueError(raw)
        text = raw.decode("utf-8")
    except (ValueError, UnicodeDecodeError) as error:
        problem = error.args[0] if isinstance(error.args[0], Problem) else None
        front = Source(
            display,
            "",
            None,
            [problem or Problem(Location(display, 1, 1), "pagina niet te lezen als UTF-8-tekst")],
        )
        return Page(display, front, "", 1)
    problems: list[Problem] = []
    if text.startswith("\ufeff"):
        problems.append(Problem(Location(display, 1, 1), BOM_MESSAGE))
        text = text[1:]
    text = _without_control_characters(text, display, problems)
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---" or "---" not in [line.strip() for line in lines[1:]]:
        front = Source(
            display,
            text,
            None,
            problems
            + [
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
    front.problems[:0] = problems
    if front.root is None and not front.problems:  # nothing, or only comments
        front.problems.append(
            Problem(
                Location(display, 1, 1),
                "het kopblok tussen de '---'-regels is leeg; zet er 'titel:' en 'volgorde:' in",
            )
        )
    return Page(display, front, "\n".join(lines[end + 1 :]), end + 2)


def _read_text(text: str, display: str, line_offset: int) -> Source:
    problems: list[Problem] = []
    try:
        documents = compose(text, display, problems)
    except yaml.MarkedYAMLError as error:
        problem = _yaml_problem(error, display, text)
        moved = Location(display, problem.location.line + line_offset, problem.location.column)
        return Source(display, text, None, [Problem(moved, problem.message)])
    except yaml.YAMLError:
        return Source(
            display, text, None, [Problem(Location(display, 1, 1), "kopblok niet te lezen")]
        )
    root = documents[0][1] if documents else None
    if root is not None:
        _shift(root, line_offset)
    moved = [
        Problem(
            Location(display, p.location.line + line_offset, p.location.column),
            p.message,
            p.severity,
        )
        for p in problems
    ]
    # Its lines numbered as in the file, for locating a character inside a value.
    return Source(display, "\n" * line_offset + text, root, moved)


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

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
        problems.append(_yaml_problem(error, display, clean))
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
        root = _convert(documents[0], display, problems, clean.split("\n")) if documents else None
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


def _convert(node: yaml.Node, display: str, problems: list[Problem], lines: list[str]) -> Node:
    location = _location(node, display)
    if node.tag and node.tag.startswith("!") and not node.tag.startswith("tag:yaml.org"):
        problems.append(Problem(location, f"YAML-label '{node.tag}' is hier niet toegestaan"))
    if isinstance(node, yaml.ScalarNode):
        return Scalar(
            node.value, location, quoted=node.style in ("'", '"'), block=node.style in ("|", ">")
        )
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            start = lines[item.start_mark.line]
            _check_quote(item, len(start) - len(start.lstrip(" ")), display, problems, lines)
        return Sequence(location, [_convert(item, display, problems, lines) for item in node.value])
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
        _check_quote(value_node, key_node.start_mark.column, display, problems, lines)
        mapping.items[key_node.value] = (
            key_location,
            _convert(value_node, display, problems, lines),
        )
    return mapping


def _check_quote(
    node: yaml.Node, column: int, display: str, problems: list[Problem], lines: list[str]
) -> None:
    """A quoted value that swallowed the fields below it: valid YAML, but not what was meant."""
    if not (
        isinstance(node, yaml.ScalarNode)
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
        problem = _yaml_problem(error, display, text)
        moved = Location(display, problem.location.line + line_offset, problem.location.column)
        return Source(display, text, None, [Problem(moved, problem.message)])
    problems: list[Problem] = []
    root = _convert(node, display, problems, text.split("\n")) if node is not None else None
    if root is not None:
        _shift(root, line_offset)
    problems = [
        Problem(Location(display, p.location.line + line_offset, p.location.column), p.message)
        for p in problems
    ]
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

"""A prose page read from its file: the front matter as located nodes, the Markdown body.

The front matter ('---' lines around `titel:` and `volgorde:`) is YAML, read as `load` reads
a content file, with every location counted in the page's own lines. Limits and problems as
in `load.read_source`: a page that cannot be read is recorded as problems, not raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..base.problems import Location, Problem
from .file_text import BOM_MESSAGE, without_control_characters
from .files import read_bytes
from .load import Mapping, Node, Sequence, Source, compose
from .yaml_messages import yaml_problem


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
    if isinstance(raw, Problem):
        return Page(display, Source(display, "", None, [raw]), "", 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        problem = Problem(Location(display, 1, 1), "pagina niet te lezen als UTF-8-tekst")
        return Page(display, Source(display, "", None, [problem]), "", 1)
    problems: list[Problem] = []
    if text.startswith("\ufeff"):
        problems.append(Problem(Location(display, 1, 1), BOM_MESSAGE))
        text = text[1:]
    text = without_control_characters(text, display, problems)
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
        problem = yaml_problem(error, display, text)
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

"""The page the preview shows instead of every page while the content has errors.

`handreiking serve` rebuilds the site on every save. When the content then has errors there
is no new site to show, and the last good pages would suggest that the edit worked. So every
page of the preview becomes this page: each error with its file:line:col, the Dutch message
and the line it is about, until the content is fixed and the browser reloads the real page.
A self-contained HTML document (its CSS inline, nothing fetched), rendered without MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..base.problems import FOUT, Problem
from ..content.files import read_bytes

TEMPLATES = Path(__file__).parent / "templates"
CONTEXT_LINES = 1  # lines shown above and below the line of an error


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    marked: bool  # the line the error is about
    column: int  # where in it (1-based), on the marked line


@dataclass(frozen=True)
class Shown:
    """One problem as the page shows it."""

    where: str  # file:line:col
    file: str
    line: int
    message: str
    excerpt: list[Line]


def error_page(problems: list[Problem], root: Path, page_title: str | None = None) -> str:
    """The HTML of the error page for the errors among `problems` (warnings are left out)."""
    errors = [p for p in problems if p.severity == FOUT]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    texts: dict[str, list[str] | None] = {}
    shown = [_shown(problem, root, texts) for problem in errors]
    return environment.get_template("foutpagina.html.j2").render(
        problems=shown,
        files=sorted({s.file for s in shown}),
        page_title=page_title,
    )


def _shown(problem: Problem, root: Path, texts: dict[str, list[str] | None]) -> Shown:
    location = problem.location
    if location.file not in texts:
        texts[location.file] = _lines(root / location.file, root)
    lines = texts[location.file] or []
    first = max(1, location.line - CONTEXT_LINES)
    last = min(len(lines), location.line + CONTEXT_LINES)
    excerpt = [
        Line(number, lines[number - 1], number == location.line, location.column)
        for number in range(first, last + 1)
    ]
    return Shown(str(location), location.file, location.line, problem.message, excerpt)


def _lines(path: Path, root: Path) -> list[str] | None:
    """The file's lines, read as check reads it: a pipe, a link out of the project or a file
    over the size limit shows no excerpt (issue 12: a pipe made the preview hang here)."""
    data = read_bytes(path, str(path), root)
    if isinstance(data, Problem):
        return None
    return data.decode("utf-8", errors="replace").splitlines()


PLACEHOLDER = (
    "---\ntitle: Fout in de inhoud\n---\n\n"
    "De inhoud bevat fouten; deze pagina wordt gemaakt zodra ze hersteld zijn.\n"
)  # for docs_dir when the preview starts with errors and has no good pages yet

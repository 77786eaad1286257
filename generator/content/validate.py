"""Checking a project: every content file, the prose pages and the menu, and the rules across
records, with everything found returned at once.

`check_project` reads every content file and checks each against the schema, then the prose
pages and the menu (page_checks.py), the links, ids and references, and the rules across
records (record_rules.py). Nothing here raises for bad content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..base.problems import FOUT, WAARSCHUWING, Location, Problem
from .config_check import check_settings
from .kinds import INVALID, Context
from .limits import check_counts
from .load import read_source
from .names import check_names
from .page_checks import check_links, check_nav, check_pages
from .record_rules import check_ids, check_records, check_refs
from .schema import FILES, check_file


@dataclass
class Checked:
    """The outcome of checking a project: plain values per file key, pages, problems."""

    values: dict[str, Any]
    pages: list[dict[str, Any]]
    problems: list[Problem]
    files: dict[str, str] = field(default_factory=dict)  # file key -> path, for edit links
    peildatum: date | None = None  # the day overdue was judged against
    tops: dict[str, Location] = field(default_factory=dict)  # file key -> its top-level key

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == FOUT]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WAARSCHUWING]


def check_project(root: Path, peildatum: date | None = None) -> Checked:
    """Check every content file under `root` (the editions are history/checks.py's).

    `peildatum` decides what counts as overdue; by default it is the last day of the
    edition's own peildatum (content/editie.yaml), the moment the content claims to describe.
    """
    problems: list[Problem] = []
    values, tops, contexts = _read_files(root, problems)
    peildatum = peildatum or edition_peildatum(values) or date.today()
    links = [link for ctx in contexts for link in ctx.links]
    pages = check_pages(root, problems, links)
    problems.extend(check_settings(root))  # mkdocs.yml is content too (issue 21)
    check_nav(root, pages, problems)
    known = check_ids([id_ for ctx in contexts for id_ in ctx.ids], problems)
    check_refs([ref for ctx in contexts for ref in ctx.refs], known, problems)
    check_links(links, known, values, pages, problems)
    check_records(values, known, pages, peildatum, problems)
    check_names(values, pages, problems)
    check_counts(values, problems)
    problems = sorted(set(problems), key=lambda p: p.sort_key)
    files = {spec.key: spec.path for spec in FILES if spec.key in tops or not spec.optional}
    return Checked(values, pages, problems, files, peildatum, tops)


def _read_files(
    root: Path, problems: list[Problem]
) -> tuple[dict[str, Any], dict[str, Location], list[Context]]:
    """Every content file read and checked against the schema: the values per file key, where
    each file's top-level key stands, and each file's Context (its ids, references, links)."""
    values: dict[str, Any] = {}
    tops: dict[str, Location] = {}  # file key -> where its top-level key stands
    contexts: list[Context] = []
    for spec in FILES:
        path = root / spec.path
        if not path.exists():
            if spec.optional:
                values[spec.key] = []
                continue
            problems.append(
                Problem(
                    Location(spec.path, 1, 1),
                    f"bestand ontbreekt; het hoort {spec.label} te bevatten",
                )
            )
            continue
        source = read_source(path, spec.path, root)
        problems.extend(source.problems)
        ctx = Context(source, problems)
        contexts.append(ctx)
        value = check_file(spec, source, ctx)
        values[spec.key] = value if value is not INVALID else ([] if spec.key != "editie" else None)
        if hasattr(source.root, "items") and spec.key in source.root.items:
            tops[spec.key] = source.root.items[spec.key][0]
    return values, tops, contexts


def edition_peildatum(values: dict[str, Any]) -> date | None:
    """The last day of the edition's peildatum ('2021-02' -> 28 February 2021), if readable."""
    editie = values.get("editie")
    periode = editie.get("peildatum") if isinstance(editie, dict) else None
    return periode.einde if periode is not None else None

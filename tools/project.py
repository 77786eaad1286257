"""What a build reads, and a copy of it: used by the tests, the benchmark and the synthetic content.

A project is the site's own files (mkdocs.yml, the theme, the committed schemas) plus its
content (maatregelen.yaml and content/). A copy can take its content from another folder, so
the tests build a frozen copy of the content with today's theme and configuration.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "theme", "schema")
CONTENT_FILES = ("maatregelen.yaml", "content")
PROJECT_FILES = SITE_FILES + CONTENT_FILES
PAGES = "content/paginas"
NAV_PAGE = re.compile(r"^\s*- (?:[^:\n]+: )?handreiking/([a-z0-9-]+)\.md\s*$")
UNLISTED_PAGE = re.compile(r"^\s+/handreiking/([a-z0-9-]+)\.md\s*$")
GENERATED_PAGES = {"volledig"}  # handreiking/volledig.md: made by the build, in the menu


def copy_project(target: Path, content: Path = ROOT, site: Path = ROOT) -> Path:
    """Copy what a build reads (not .git, .venv, site/ or build/) into `target`.

    The site's files come from `site`, the content from `content`; both default to this
    repository.
    """
    target.mkdir(parents=True, exist_ok=True)
    _copy(site, target, SITE_FILES)
    if content == site:
        _copy(content, target, CONTENT_FILES)
    else:
        use_content(target, content)
    return target


def use_content(project: Path, content: Path) -> None:
    """Replace the project's content by `content`'s, the menu fitted to its pages (fit_nav)."""
    for name in CONTENT_FILES:
        path = project / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    _copy(content, project, CONTENT_FILES)
    config = project / "mkdocs.yml"
    if config.exists():
        pages = {p.stem for p in (project / PAGES).glob("*.md")}
        config.write_text(fit_nav(config.read_text(encoding="utf-8"), pages), encoding="utf-8")


def _copy(source: Path, target: Path, names: tuple[str, ...]) -> None:
    for name in names:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name, dirs_exist_ok=True)
        elif path.exists():
            shutil.copy2(path, target / name)


def fit_nav(config: str, pages: set[str]) -> str:
    """mkdocs.yml's text with its menu fitted to the prose pages `pages` (their file names).

    The menu names the live content's pages, and `check` holds content and menu to each
    other. Other content (the tests' frozen copy) gets the menu without the pages it does not
    have, and its pages that the menu does not name under `not_in_nav`, so it builds with
    today's mkdocs.yml whatever pages a content PR has added or removed since.
    """
    pages = pages | GENERATED_PAGES
    lines = [
        line
        for line in config.splitlines()
        if not ((m := NAV_PAGE.match(line) or UNLISTED_PAGE.match(line)) and m[1] not in pages)
    ]
    named = {m[1] for line in lines if (m := NAV_PAGE.match(line) or UNLISTED_PAGE.match(line))}
    missing = [f"  /handreiking/{page}.md" for page in sorted(pages - named)]
    if missing:
        at = next(i for i, line in enumerate(lines) if line.startswith("not_in_nav:"))
        lines[at + 1 : at + 1] = missing
    return "\n".join(lines) + "\n"


def serve_command(project: Path, port: int) -> list[str]:
    """The command that previews `project` on 127.0.0.1:`port` (`handreiking serve`)."""
    return [sys.executable, "-m", "generator.cli", "serve", "--root", str(project)] + [
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]

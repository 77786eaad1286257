"""The prose pages (content/paginas/) and the menu (nav in mkdocs.yml), and the links in texts.

`check_pages` reads every page: its name, its front matter against the schema, its Markdown
body (no HTML, no script addresses, well-formed links). `check_nav` holds the menu and the
pages to each other, and `check_links` every link in a text (a record's or a page's) to a
page of this site that exists.
"""

from __future__ import annotations

import bisect
import difflib
import html
import re
from pathlib import Path
from typing import Any

from ..base.problems import Location, Problem
from ..base.settings import CONFIG, locate, nav_files, read_config
from ..base.urls import (
    FILE_PREFIXES,
    FIXED_PAGES,
    FOLDERS,
    RENAMEABLE,
    reserved_ids,
)
from . import markup
from .characters import find_hidden, nfc
from .files import symlink_problem
from .kinds import INVALID, MAX_ID, SCRIPT_URL, SLUG, Context
from .limits import text_problem
from .page_source import Page, read_page
from .schema import PAGINA

PAGES_DIR = "content/paginas"


def check_pages(root: Path, problems: list[Problem], links: list) -> list[dict[str, Any]]:
    """Every page in content/paginas/ read and checked: the readable ones as values, the links
    in their bodies added to `links`."""
    pages = []
    folder = root / PAGES_DIR
    linked = symlink_problem(folder, root) if folder.is_symlink() else None
    if linked:  # its files are not read, nor listed: they are somewhere else
        problems.append(Problem(Location(PAGES_DIR, 1, 1), linked))
        return pages
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        display = f"{PAGES_DIR}/{path.name}"
        slug = path.stem
        if path.suffix != ".md" or (path.is_dir() and not path.is_symlink()):
            _not_a_page(path, display, problems)
            continue
        if _bad_page_name(slug, display, problems):
            continue
        page: Page = read_page(path, display, root)
        problems.extend(page.front.problems)
        if page.front.root is None:
            continue
        ctx = Context(page.front, problems)
        front = PAGINA.check(page.front.root, "", ctx)
        if front is INVALID:
            continue
        body = _check_body(page, problems, links)
        pages.append({**front, "slug": slug, "body": body, "path": display})
    return pages


def check_nav(root: Path, pages: list[dict[str, Any]], problems: list[Problem]) -> None:
    """A prose page is in the menu (nav in mkdocs.yml), and the menu names no page that is gone.

    `mkdocs build --strict` fails on both, with an English message and no file to point at.
    """
    config = read_config(root) if (root / CONFIG).is_file() else {}
    nav = config.get("nav")
    if not nav:
        return
    listed = set(nav_files(nav))
    ignored = [p.strip() for p in str(config.get("not_in_nav") or "").splitlines() if p.strip()]
    folder = FOLDERS["pagina"]
    for page in pages:
        path = f"{folder}/{page['slug']}.md"
        if path not in listed and not any(_matches(pattern, path) for pattern in ignored):
            problems.append(
                Problem(
                    Location(page["path"], 1, 1),
                    f"deze pagina staat niet in het menu: zet '{path}' onder 'nav:' in "
                    "mkdocs.yml (bij 'Over de handreiking')",
                )
            )
    present = {p.stem for p in (root / PAGES_DIR).glob("*.md")}
    for path in sorted(listed):
        slug = path.removeprefix(folder + "/").removesuffix(".md")
        if not path.startswith(folder + "/") or f"{folder}/{slug}/" in FIXED_PAGES:
            continue
        if slug not in present:
            problems.append(
                Problem(
                    locate(root, path),
                    f"het menu (nav) noemt '{path}', maar {PAGES_DIR}/{slug}.md bestaat niet; "
                    "haal de regel weg of zet de pagina terug",
                )
            )


def _matches(pattern: str, path: str) -> bool:
    """A not_in_nav line ('/opgaven/', '/zoeken.md') against a docs path."""
    anchored = "/" + path
    return anchored.startswith(pattern) if pattern.endswith("/") else anchored == pattern


def _not_a_page(path: Path, display: str, problems: list[Problem]) -> None:
    """Something in content/paginas/ that the site would silently leave out (issue 12)."""
    if path.name.startswith("."):  # hidden: an editor's own (.DS_Store, a swap file)
        return
    at = Location(display, 1, 1)
    if path.is_dir() and not path.is_symlink():
        message = (
            f"de map {display}/ wordt niet gepubliceerd: een pagina staat direct in "
            f"{PAGES_DIR}/; zet de pagina's daar neer en haal de map weg"
        )
    elif path.suffix.lower() in (".md", ".markdown"):
        message = (
            f"een pagina eindigt op '.md' in kleine letters; hernoem het bestand naar "
            f"'{path.stem.lower()}.md', anders komt het niet op de site"
        )
    else:
        message = (
            f"alleen pagina's (bestanden op '.md') horen in {PAGES_DIR}/; dit bestand komt niet "
            "op de site: haal het weg of maak er een pagina van"
        )
    problems.append(Problem(at, message))


def _bad_page_name(slug: str, display: str, problems: list[Problem]) -> bool:
    """A page's file name is its address: an id, and not one of a page the site makes."""
    at = Location(display, 1, 1)
    if len(slug) > MAX_ID or not SLUG.fullmatch(slug):
        problems.append(
            Problem(
                at,
                f"de bestandsnaam '{slug[:60]}.md' is ook het webadres van de pagina: gebruik "
                f"alleen kleine letters, cijfers en koppeltekens (hoogstens {MAX_ID} tekens)",
            )
        )
        return True
    if slug in reserved_ids("pagina"):
        problems.append(
            Problem(
                at,
                f"de bestandsnaam '{slug}.md' is al in gebruik voor een pagina die de site zelf "
                "maakt (/" + FOLDERS["pagina"] + f"/{slug}/); kies een andere naam",
            )
        )
        return True
    return False


def _check_body(page: Page, problems: list[Problem], links: list) -> str:
    body = page.body
    starts = [0] + [match.end() for match in re.finditer("\n", body)]
    cursor = 0

    def at(offset: int) -> Location:
        index = bisect.bisect_right(starts, offset) - 1
        return Location(page.path, page.body_line + index, offset - starts[index] + 1)

    def where(target: str) -> Location:
        """Where `target` stands in the body, searched in reading order (stays linear)."""
        nonlocal cursor
        offset = body.find(target, cursor) if target else -1
        if offset < 0:
            offset = body.find(target) if target else -1
        if offset < 0:
            return Location(page.path, page.body_line, 1)
        cursor = offset + len(target)
        return at(offset)

    if (too_long := text_problem(body)) is not None:
        problems.append(Problem(at(too_long[0]), too_long[1]))
        return ""
    if (hidden := find_hidden(body)) is not None:
        location = at(hidden.offset)
        problems.append(Problem(location, hidden.message(location.column)))
    for tag in markup.html_outside_code(page.body):
        message = f"HTML is niet toegestaan (gevonden: '{tag[:30]}'); gebruik Markdown"
        problems.append(Problem(where(tag), message))
    link_problems = markup.link_problems(page.body)
    for problem in link_problems:
        location = where(problem.target) if problem.offset is None else at(problem.offset)
        problems.append(Problem(location, problem.message))
    for text in () if link_problems else {page.body, html.unescape(page.body)}:
        match = SCRIPT_URL.search(text)
        if match:
            problems.append(
                Problem(
                    where(match.group(0)),
                    f"'{match.group(0)}' is niet toegestaan in de tekst: zo'n adres kan in "
                    "een browser code uitvoeren; gebruik een webadres dat begint met https://",
                )
            )
            break
    for target in markup.internal_links(page.body):
        links.append((FOLDERS["pagina"], target, where(target), ""))
    return nfc(page.body)


def check_links(links, known, values, pages, problems) -> None:
    """Every link in a text to a page of this site must find that page (or a download)."""
    if not links:
        return
    targets = set(FIXED_PAGES)
    for kind, ids in known.items():
        if kind in FOLDERS:
            targets.update(f"{FOLDERS[kind]}/{id_}/" for id_ in ids)
    for key, kind in RENAMEABLE:  # an old address still works: it redirects
        for record in values.get(key) or []:
            targets.update(f"{FOLDERS[kind]}/{old}/" for old in record.get("vorige_ids", []))
    targets.update(f"{FOLDERS['pagina']}/{page['slug']}/" for page in pages)
    for folder, target, location, path in links:
        resolved = markup.site_path(target, folder)
        prefix = f"{path}: " if path else ""
        address = (resolved or "").partition("#")[0]
        if resolved is not None and (address in targets or address.startswith(FILE_PREFIXES)):
            continue
        close = difflib.get_close_matches(address, sorted(targets), n=1, cutoff=0.7)
        hint = f" (bedoelde u '/{close[0]}'?)" if close and resolved is not None else ""
        problems.append(
            Problem(
                location,
                f"{prefix}link naar '{target[:60]}' wijst naar een pagina die niet bestaat"
                f"{hint}; schrijf een link naar een pagina van de site als /maatregelen/<id>/ "
                "of als ../<pagina>.md",
            )
        )
